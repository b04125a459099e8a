import type { Attainment, AttainmentClock, AttainmentRow } from '../../../api/index.js'
import { formatMinutes } from '../service-labels.js'
import { AttainmentChart } from './attainment-chart.js'

const rate = (c: AttainmentClock) =>
  c.attainment === null ? '—' : `${(c.attainment * 100).toFixed(1)} % (${c.met} of ${c.met + c.missed})`

/** The chart, and the same figures as a table (readable without the chart). */
export function AttainmentTable({ data, groupLabel }: { data: Attainment; groupLabel: string }) {
  if (data.rows.length === 0) return <p className="muted">No cases were opened in this period.</p>
  const rows: (AttainmentRow & { total?: boolean })[] = [...data.rows, { ...data.total, total: true }]
  return (
    <>
      <AttainmentChart rows={data.rows} label={`SLA attainment by ${groupLabel.toLowerCase()}`} />
      <div className="table-wrap">
        <table className="table table-stack" aria-label={`SLA attainment by ${groupLabel.toLowerCase()}`}>
          <thead>
            <tr>
              <th scope="col">{groupLabel}</th>
              <th scope="col" className="numeric">
                Cases
              </th>
              <th scope="col" className="numeric">
                Resolved
              </th>
              <th scope="col" className="numeric">
                First response met
              </th>
              <th scope="col" className="numeric">
                Resolution met
              </th>
              <th scope="col" className="numeric">
                Cases with a breach
              </th>
              <th scope="col" className="numeric">
                Median first response
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.total ? 'total' : (r.key ?? 'none')} className={r.total ? 'row-total' : undefined}>
                <th scope="row">{r.total ? 'All' : r.label}</th>
                <td className="numeric" data-label="Cases">
                  {r.cases}
                </td>
                <td className="numeric" data-label="Resolved">
                  {r.resolved}
                </td>
                <td className="numeric" data-label="First response met">
                  {rate(r.firstResponse)}
                </td>
                <td className="numeric" data-label="Resolution met">
                  {rate(r.resolution)}
                </td>
                <td className="numeric" data-label="Cases with a breach">
                  {r.breachedCases}
                </td>
                <td className="numeric" data-label="Median first response">
                  {formatMinutes(r.medianFirstResponseMinutes)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
