import { useMemo } from 'react'
import type { ValueSummary } from '../../../api/index.js'
import { Link } from '../../../router.js'
import type { WorkspaceFormat } from '../../../ui/use-workspace-format.js'
import { formatPercent } from '../value-format.js'
import { ChartFigure } from './chart-figure.js'
import { axisName, CHART_COLORS, type ChartOption } from './echart.js'

type Point = ValueSummary['profitPoints'][number]
const TABLE_ROWS = 50

/** Over-served as the service-fit report reads it: some cost, and more than the share of margin. */
export const isOverServed = (p: Point, share: number) =>
  p.costToServe > 0 && p.costToServe - share * p.grossMargin > 0

/**
 * Gross margin (x) against cost-to-serve (y) for a sample of customers, with the over-served
 * line y = share × x: customers above it cost more to serve than their margin warrants.
 */
export function ProfitQuadrant({
  summary,
  share,
  f,
}: {
  summary: ValueSummary
  share: number
  f: WorkspaceFormat
}) {
  const points = summary.profitPoints
  const over = points.filter((p) => isOverServed(p, share))
  const option = useMemo<ChartOption>(() => {
    const xs = points.map((p) => p.grossMargin)
    const lo = Math.min(0, ...xs)
    const hi = Math.max(1, ...xs)
    const pair = (p: Point) => [p.grossMargin, p.costToServe]
    return {
      grid: { left: 8, right: 16, top: 36, bottom: 28, containLabel: true },
      legend: { top: 0, textStyle: { color: CHART_COLORS.text } },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value', name: 'Gross margin', nameLocation: 'middle', nameGap: 24, scale: true },
      yAxis: { type: 'value', ...axisName('Cost-to-serve'), scale: true },
      series: [
        {
          type: 'scatter',
          name: 'Within fit',
          symbolSize: 6,
          itemStyle: { color: CHART_COLORS.accent, opacity: 0.6 },
          data: points.filter((p) => !isOverServed(p, share)).map(pair),
        },
        {
          type: 'scatter',
          name: 'Over-served',
          symbolSize: 7,
          itemStyle: { color: CHART_COLORS.danger, opacity: 0.8 },
          data: over.map(pair),
        },
        {
          type: 'line',
          name: `Over-served line (${formatPercent(share)} of margin)`,
          showSymbol: false,
          lineStyle: { type: 'dashed', color: CHART_COLORS.muted },
          itemStyle: { color: CHART_COLORS.muted },
          data: [
            [lo, share * lo],
            [hi, share * hi],
          ],
        },
      ],
    }
  }, [points, over, share])
  const losing = points.filter((p) => p.netProfit < 0).length
  const caption = (
    <>
      A sample of {f.number(points.length)} of {f.number(summary.customers)} scored customers.{' '}
      {f.number(over.length)} of them lie above the over-served line (cost-to-serve above{' '}
      {formatPercent(share)} of gross margin) and {f.number(losing)} have a negative net profit.{' '}
      <Link href="/value/service-fit">See the service-fit report</Link>.
    </>
  )
  const worst = [...points].sort((a, b) => a.netProfit - b.netProfit).slice(0, TABLE_ROWS)
  const table = (
    <table className="table">
      <caption className="visually-hidden">
        The {worst.length} least profitable customers of the sample
      </caption>
      <thead>
        <tr>
          <th scope="col">Customer</th>
          <th scope="col" className="numeric">
            Gross margin
          </th>
          <th scope="col" className="numeric">
            Cost-to-serve
          </th>
          <th scope="col" className="numeric">
            Net profit
          </th>
        </tr>
      </thead>
      <tbody>
        {worst.map((p) => (
          <tr key={p.customerId}>
            <th scope="row">
              <Link href={`/customers/${p.customerId}`}>
                {isOverServed(p, share) ? 'Over-served' : 'Open'}
              </Link>
              {p.tier && <span className="cell-sub">{p.tier}</span>}
            </th>
            <td className="numeric">{f.money(p.grossMargin.toFixed(2))}</td>
            <td className="numeric">{f.money(p.costToServe.toFixed(2))}</td>
            <td className="numeric">{f.money(p.netProfit.toFixed(2))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
  return (
    <ChartFigure
      title="Profit vs cost-to-serve"
      caption={caption}
      option={option}
      table={table}
      height={320}
    />
  )
}
