import { useMemo } from 'react'
import type { HoldoutReport, ValueRun } from '../../../api/index.js'
import type { WorkspaceFormat } from '../../../ui/use-workspace-format.js'
import { formatDecimal, formatPercent } from '../value-format.js'
import { ChartFigure } from './chart-figure.js'
import { axisName, CHART_COLORS, type ChartOption } from './echart.js'

export const MODEL_LABELS: Record<string, string> = { bgnbd: 'BG/NBD', pareto: 'Pareto/NBD' }
const PREDICTED_COLORS = [CHART_COLORS.danger, CHART_COLORS.success]

/** An evaluation run with its holdout report. */
export interface Evaluated {
  run: ValueRun
  holdout: HoldoutReport
}

const modelOf = (e: Evaluated) => MODEL_LABELS[e.run.options.model] ?? e.run.options.model
const unitName = (e: Evaluated) => (e.run.options.unit === 'weeks' ? 'week' : 'day')

/** Holdout against the fit, FHL 2005 figures 2 and 4: by calibration frequency, and cumulative over time. */
export function HoldoutCharts({ runs, f }: { runs: Evaluated[]; f: WorkspaceFormat }) {
  const first = runs[0]
  if (!first) return null
  return (
    <>
      <ByFrequency runs={runs} f={f} />
      <Tracking runs={runs} f={f} first={first} />
    </>
  )
}

function ByFrequency({ runs, f }: { runs: Evaluated[]; f: WorkspaceFormat }) {
  const first = runs[0]!
  const buckets = first.holdout.byFrequency
  const labels = buckets.map((b, i) => (i === buckets.length - 1 ? `${b.frequency}+` : String(b.frequency)))
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 8, top: 36, bottom: 28, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: labels,
        name: 'Repeat purchases in calibration',
        nameLocation: 'middle',
        nameGap: 24,
      },
      yAxis: { type: 'value', ...axisName('Mean in holdout') },
      series: [
        {
          type: 'bar',
          name: 'Actual',
          data: buckets.map((b) => round(b.actual)),
          itemStyle: { color: CHART_COLORS.accentSoft },
        },
        ...runs.map((e, i) => ({
          type: 'line' as const,
          name: `${modelOf(e)} predicted`,
          data: e.holdout.byFrequency.map((b) => round(b.predicted)),
          itemStyle: { color: PREDICTED_COLORS[i % 2] },
        })),
      ],
    }),
    [runs, buckets, labels],
  )
  const h = first.holdout
  const caption = (
    <>
      In the holdout ({h.calibrationEnd} to {h.holdoutEnd}, {formatDecimal(h.length, 1)} {unitName(first)}s),
      customers made {f.number(h.actualTotal)} repeat purchases.{' '}
      {runs.map((e) => (
        <span key={e.run.id}>
          {modelOf(e)} predicted {formatDecimal(e.holdout.predictedTotal, 1)} (
          {signedPercent(e.holdout.predictedTotal, e.holdout.actualTotal)}).{' '}
        </span>
      ))}
    </>
  )
  const table = (
    <table className="table">
      <caption className="visually-hidden">Mean holdout purchases by calibration frequency</caption>
      <thead>
        <tr>
          <th scope="col">Repeat purchases in calibration</th>
          <th scope="col" className="numeric">
            Customers
          </th>
          <th scope="col" className="numeric">
            Actual
          </th>
          {runs.map((e) => (
            <th key={e.run.id} scope="col" className="numeric">
              {modelOf(e)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {buckets.map((b, i) => (
          <tr key={b.frequency}>
            <th scope="row">{labels[i]}</th>
            <td className="numeric">{f.number(b.customers)}</td>
            <td className="numeric">{formatDecimal(b.actual)}</td>
            {runs.map((e) => (
              <td key={e.run.id} className="numeric">
                {formatDecimal(e.holdout.byFrequency[i]?.predicted)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
  return <ChartFigure title="Holdout by purchase frequency" caption={caption} option={option} table={table} />
}

function Tracking({ runs, f, first }: { runs: Evaluated[]; f: WorkspaceFormat; first: Evaluated }) {
  const h = first.holdout
  const days = first.run.options.unit === 'weeks' ? 7 : 1
  const periods = h.tracking.actual.map((_, k) => k + 1)
  const calibrationPeriod = Math.floor(daysBetween(h.tracking.origin, h.calibrationEnd) / days) + 1
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 16, top: 36, bottom: 28, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: periods.map(String),
        name: `${unitName(first)}s since ${h.tracking.origin}`,
        nameLocation: 'middle',
        nameGap: 24,
      },
      yAxis: { type: 'value', ...axisName('Cumulative repeat purchases') },
      series: [
        {
          type: 'line',
          name: 'Actual',
          showSymbol: false,
          data: h.tracking.actual,
          itemStyle: { color: CHART_COLORS.accent },
          markLine: {
            symbol: 'none',
            label: { formatter: 'calibration end' },
            lineStyle: { color: CHART_COLORS.muted, type: 'dashed' },
            data: [{ xAxis: String(calibrationPeriod) }],
          },
        },
        ...runs.map((e, i) => ({
          type: 'line' as const,
          name: `${modelOf(e)} predicted`,
          showSymbol: false,
          lineStyle: { type: 'dashed' as const },
          data: e.holdout.tracking.predicted.map(round),
          itemStyle: { color: PREDICTED_COLORS[i % 2] },
        })),
      ],
    }),
    [runs, h, periods, calibrationPeriod, first],
  )
  const last = h.tracking.actual.length - 1
  const atCalibration = Math.min(calibrationPeriod, h.tracking.actual.length) - 1
  const caption = (
    <>
      Cumulative repeat purchases, {unitName(first)} by {unitName(first)} from {h.tracking.origin}:{' '}
      {f.number(h.tracking.actual[atCalibration] ?? 0)} by the calibration end and{' '}
      {f.number(h.tracking.actual[last] ?? 0)} by the end of the holdout.{' '}
      {runs.map((e) => (
        <span key={e.run.id}>
          {modelOf(e)} predicted {formatDecimal(e.holdout.tracking.predicted[last], 1)}.{' '}
        </span>
      ))}
    </>
  )
  const table = (
    <table className="table">
      <caption className="visually-hidden">Cumulative repeat purchases by period</caption>
      <thead>
        <tr>
          <th scope="col">{capitalizeWord(unitName(first))}</th>
          <th scope="col" className="numeric">
            Actual
          </th>
          {runs.map((e) => (
            <th key={e.run.id} scope="col" className="numeric">
              {modelOf(e)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {h.tracking.actual.map((a, k) => (
          <tr key={periods[k]}>
            <th scope="row">
              {periods[k]}
              {k === calibrationPeriod - 1 && <span className="cell-sub">calibration end</span>}
            </th>
            <td className="numeric">{f.number(a)}</td>
            {runs.map((e) => (
              <td key={e.run.id} className="numeric">
                {formatDecimal(e.holdout.tracking.predicted[k], 1)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
  return <ChartFigure title="Cumulative repeat purchases" caption={caption} option={option} table={table} />
}

const round = (n: number) => Math.round(n * 1000) / 1000
const capitalizeWord = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

function signedPercent(predicted: number, actual: number): string {
  if (actual === 0) return 'no actual purchases to compare'
  const d = (predicted - actual) / actual
  return `${d >= 0 ? '+' : ''}${formatPercent(d)} against actual`
}
