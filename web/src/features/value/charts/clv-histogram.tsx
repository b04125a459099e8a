import { useMemo } from 'react'
import type { ValueSummary } from '../../../api/index.js'
import type { WorkspaceFormat } from '../../../ui/use-workspace-format.js'
import { ChartFigure } from './chart-figure.js'
import { axisName, CHART_COLORS, type ChartOption } from './echart.js'

type Bin = ValueSummary['clvHistogram'][number]

/** "€0–€25", or "€500 and more" for the open-ended last bin; cents when the bins are narrow. */
export function binLabel(bin: Bin, currency: string, fine: boolean): string {
  const money = new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    maximumFractionDigits: fine ? 2 : 0,
    minimumFractionDigits: fine ? 2 : 0,
  })
  return bin.to === null
    ? `${money.format(bin.from)} and more`
    : `${money.format(bin.from)}–${money.format(bin.to)}`
}

/** How many customers expect how much: equal CLV bins up to the 99th percentile, the rest in the last. */
export function ClvHistogram({
  summary,
  currency,
  f,
}: {
  summary: ValueSummary
  currency: string
  f: WorkspaceFormat
}) {
  const bins = summary.clvHistogram
  const fine = (bins[0]?.to ?? 0) < 10
  const labels = bins.map((b) => binLabel(b, currency, fine))
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: labels, axisLabel: { color: CHART_COLORS.text, hideOverlap: true } },
      yAxis: {
        type: 'value',
        ...axisName('Customers'),
        minInterval: 1,
        axisLabel: { color: CHART_COLORS.text },
      },
      series: [
        {
          type: 'bar',
          name: 'Customers',
          data: bins.map((b) => b.customers),
          itemStyle: { color: CHART_COLORS.accent },
          barCategoryGap: '8%',
        },
      ],
    }),
    [bins, labels],
  )
  let peak = 0
  bins.forEach((b, i) => {
    if (b.customers > (bins[peak]?.customers ?? 0)) peak = i
  })
  const last = bins[bins.length - 1]
  const caption = (
    <>
      {f.number(summary.customers)} scored customers with a total CLV of {f.money(summary.totals.clv)}. The
      most common range is {labels[peak]}, with {f.number(bins[peak]?.customers ?? 0)} customers
      {last && last.customers > 0 && (
        <>
          ; {f.number(last.customers)} customers expect {labels[labels.length - 1]}
        </>
      )}
      .
    </>
  )
  const table = (
    <table className="table">
      <caption className="visually-hidden">CLV distribution</caption>
      <thead>
        <tr>
          <th scope="col">CLV</th>
          <th scope="col" className="numeric">
            Customers
          </th>
        </tr>
      </thead>
      <tbody>
        {bins.map((b, i) => (
          <tr key={b.from}>
            <th scope="row">{labels[i]}</th>
            <td className="numeric">{f.number(b.customers)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
  return <ChartFigure title="CLV distribution" caption={caption} option={option} table={table} />
}
