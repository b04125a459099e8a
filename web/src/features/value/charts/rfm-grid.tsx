import { useMemo } from 'react'
import type { ValueSummary } from '../../../api/index.js'
import type { WorkspaceFormat } from '../../../ui/use-workspace-format.js'
import { rfmSegmentOf, segmentLabel } from '../value-format.js'
import { ChartFigure } from './chart-figure.js'
import { axisName, CHART_COLORS, type ChartOption, useNarrow } from './echart.js'

const SCORES = [1, 2, 3, 4, 5]

/** Recency × frequency heat map: customers per cell of the 5×5 RFM grid, with the cell's segment. */
export function RfmGrid({ summary, f }: { summary: ValueSummary; f: WorkspaceFormat }) {
  const grid = summary.rfmGrid
  const narrow = useNarrow()
  const count = (r: number, fr: number) =>
    grid.find((c) => c.recency === r && c.frequency === fr)?.customers ?? 0
  const option = useMemo<ChartOption>(() => {
    const cells = SCORES.flatMap((r) =>
      SCORES.map((fr) => [
        fr - 1,
        r - 1,
        grid.find((c) => c.recency === r && c.frequency === fr)?.customers ?? 0,
      ]),
    )
    const max = Math.max(1, ...grid.map((c) => c.customers))
    return {
      grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
      tooltip: {
        formatter: (p: unknown) => {
          const [fi, ri, n] = (p as { value: [number, number, number] }).value
          const r = ri + 1
          const fr = fi + 1
          return `R ${r} · F ${fr}<br>${segmentLabel(rfmSegmentOf(r, fr))}: ${n} customers`
        },
      },
      xAxis: {
        type: 'category',
        name: 'Frequency',
        nameLocation: 'middle',
        nameGap: 24,
        data: SCORES.map((s) => `F${s}`),
        splitArea: { show: true },
      },
      yAxis: {
        type: 'category',
        ...axisName('Recency'),
        data: SCORES.map((s) => `R${s}`),
        splitArea: { show: true },
      },
      visualMap: {
        min: 0,
        max,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 120,
        inRange: { color: ['#f4f5ff', CHART_COLORS.accentSoft, CHART_COLORS.accent] },
      },
      series: [
        {
          type: 'heatmap',
          name: 'Customers',
          data: cells,
          label: {
            show: true,
            fontSize: 11,
            lineHeight: 15,
            formatter: (p: unknown) => {
              const [fi, ri, n] = (p as { value: [number, number, number] }).value
              // At phone width a cell is too narrow for the segment name: the table has it.
              return narrow ? String(n) : `${n}\n${segmentLabel(rfmSegmentOf(ri + 1, fi + 1))}`
            },
          },
        },
      ],
    }
  }, [grid, narrow])
  const top = [...grid].sort((a, b) => b.customers - a.customers)[0]
  const caption = top ? (
    <>
      Customers by recency (R) and frequency (F) score, 5 the best. The largest cell is R {top.recency} · F{' '}
      {top.frequency} ({segmentLabel(rfmSegmentOf(top.recency, top.frequency))}) with{' '}
      {f.number(top.customers)} customers.
    </>
  ) : (
    'No scored customers yet.'
  )
  const table = (
    <table className="table rfm-table">
      <caption className="visually-hidden">RFM grid: customers per recency and frequency score</caption>
      <thead>
        <tr>
          <th scope="col">Recency \ Frequency</th>
          {SCORES.map((s) => (
            <th key={s} scope="col" className="numeric">
              F {s}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...SCORES].reverse().map((r) => (
          <tr key={r}>
            <th scope="row">R {r}</th>
            {SCORES.map((fr) => (
              <td key={fr} className="numeric">
                {f.number(count(r, fr))}
                <span className="cell-sub">{segmentLabel(rfmSegmentOf(r, fr))}</span>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
  return <ChartFigure title="RFM grid" caption={caption} option={option} table={table} height={340} />
}
