// Reference data for the model tests (../shared/data, see its README): the CDNOW 1/10 sample.
import { readFileSync } from 'node:fs'
import { buildCustomerSummary, parseCdnowText, parseSummaryCsv } from '../summary/index.js'

export const dataFile = (name: string) => new URL(`../../../../../shared/data/${name}`, import.meta.url)

export const cdnowSummary = () =>
  parseSummaryCsv(readFileSync(dataFile('cdnow_customers_summary.csv'), 'utf8'))

export const cdnowSummaryWithSpend = () =>
  parseSummaryCsv(readFileSync(dataFile('cdnow_customers_summary_with_transactions.csv'), 'utf8'))

/** The calibration summary built from the raw sample log, as in FHL (2005): weeks, to 1997-09-30. */
export const cdnowFromLog = () =>
  buildCustomerSummary(parseCdnowText(readFileSync(dataFile('CDNOW_sample.txt'), 'utf8')), {
    calibrationEnd: '1997-09-30',
    unit: 'weeks',
  })
