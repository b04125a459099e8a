import {
  BarChart,
  type BarSeriesOption,
  HeatmapChart,
  type HeatmapSeriesOption,
  LineChart,
  type LineSeriesOption,
  ScatterChart,
  type ScatterSeriesOption,
} from 'echarts/charts'
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
  VisualMapComponent,
  type VisualMapComponentOption,
} from 'echarts/components'
import { type ComposeOption, type ECharts, init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef, useSyncExternalStore } from 'react'

// Only what the Value page draws is registered, which keeps the bundle small. SVG draws crisp
// text at any zoom and leaves real elements in the page.
use([
  BarChart,
  HeatmapChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
])

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>

export const CHART_COLORS = {
  accent: '#4f46e5',
  accentSoft: '#a5b4fc',
  danger: '#c62f2f',
  success: '#137a4b',
  muted: '#8a93a5',
  text: '#5d6679',
}

/**
 * One ECharts chart that follows its container's width (phones included). The drawing is
 * decorative for assistive technology: the figure around it carries a caption and a table.
 */
export function EChart({ option, height = 280 }: { option: ChartOption; height?: number }) {
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<ECharts | null>(null)

  useEffect(() => {
    const el = box.current
    if (!el) return
    const instance = init(el, null, { renderer: 'svg' })
    chart.current = instance
    const observer = new ResizeObserver(() => instance.resize())
    observer.observe(el)
    return () => {
      observer.disconnect()
      instance.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true })
  }, [option])

  return <div ref={box} className="value-chart" style={{ height }} aria-hidden="true" />
}

const PHONE_QUERY = '(max-width: 767px)'

/** True at phone width: charts drop the labels that would not fit. */
export function useNarrow(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia(PHONE_QUERY)
      query.addEventListener('change', onChange)
      return () => query.removeEventListener('change', onChange)
    },
    () => window.matchMedia(PHONE_QUERY).matches,
  )
}

/** An axis title that starts at the axis and runs inwards, so a long one is never cut off. */
export const axisName = (name: string) => ({ name, nameTextStyle: { align: 'left' as const } })
