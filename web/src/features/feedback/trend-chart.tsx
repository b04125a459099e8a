import { LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'
import type { FeedbackAnalytics } from '../../api/feedback.api.js'

// Only what this chart draws is registered.
use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

const COLORS = ['#4f46e5', '#137a4b', '#c2410c', '#0e7490', '#9333ea', '#b91c1c', '#4d7c0f', '#a16207']

/** The score per period for each group, with the 95 % interval in the tooltip. */
export function TrendChart({ data, label }: { data: FeedbackAnalytics; label: string }) {
  const el = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!el.current) return
    const periods = [...new Set(data.groups.flatMap((g) => g.points.map((p) => p.period)))].sort()
    const chart = init(el.current, undefined, { renderer: 'svg' })
    chart.setOption({
      animation: false,
      color: COLORS,
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: periods.map((p) => p.slice(0, 10)) },
      yAxis:
        data.kind === 'nps'
          ? { type: 'value', min: -100, max: 100 }
          : data.kind === 'csat'
            ? { type: 'value', min: 0, max: 100 }
            : { type: 'value', min: 1, max: 7 },
      series: data.groups.slice(0, 8).map((g) => ({
        name: g.label,
        type: 'line',
        connectNulls: true,
        data: periods.map((p) => {
          const point = g.points.find((x) => x.period === p)
          return point?.value == null ? null : Math.round(point.value * 10) / 10
        }),
      })),
    })
    const resize = () => chart.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      chart.dispose()
    }
  }, [data])
  return <div ref={el} className="chart" style={{ height: 280 }} role="img" aria-label={label} />
}
