import { type ReactNode, useId, useState } from 'react'
import { type ChartOption, EChart } from './echart.js'

/**
 * A chart with its text alternative: a caption that states the figures in words, and a button
 * that swaps the drawing for a table of the same numbers.
 */
export function ChartFigure({
  title,
  caption,
  option,
  table,
  height,
}: {
  title: string
  caption: ReactNode
  option: ChartOption
  table: ReactNode
  height?: number
}) {
  const [asTable, setAsTable] = useState(false)
  const id = useId()
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-title`}>
      <div className="chart-head">
        <h3 id={`${id}-title`}>{title}</h3>
        <button
          type="button"
          className="button button-quiet button-small"
          aria-pressed={asTable}
          onClick={() => setAsTable((t) => !t)}
        >
          {asTable ? 'Show chart' : 'Show table'}
        </button>
      </div>
      {asTable ? (
        <div className="table-wrap chart-table">{table}</div>
      ) : (
        <EChart option={option} height={height} />
      )}
      <figcaption className="chart-caption">{caption}</figcaption>
    </figure>
  )
}
