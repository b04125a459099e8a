import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'
import type { AttainmentRow } from '../../../api/index.js'

// Only what this chart draws is registered, so the bundle carries no other chart types.
use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

const percent = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10)

/** First-response and resolution attainment per group, as horizontal bars in percent. */
export function AttainmentChart({ rows, label }: { rows: AttainmentRow[]; label: string }) {
  const el = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!el.current) return
    const chart = init(el.current, undefined, { renderer: 'svg' })
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v == null ? 'not measured' : `${v} %`) },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label) },
      series: [
        {
          name: 'First response',
          type: 'bar',
          data: rows.map((r) => percent(r.firstResponse.attainment)),
          itemStyle: { color: '#4f46e5' },
        },
        {
          name: 'Resolution',
          type: 'bar',
          data: rows.map((r) => percent(r.resolution.attainment)),
          itemStyle: { color: '#137a4b' },
        },
      ],
    })
    const resize = () => chart.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      chart.dispose()
    }
  }, [rows])
  const height = Math.max(160, 48 + rows.length * 44)
  return <div ref={el} className="chart" style={{ height }} role="img" aria-label={label} />
}
