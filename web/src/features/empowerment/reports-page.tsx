import { useState } from 'react'
import { getApprovalStats, getBudgetReport, getImpactReport } from '../../api/empowerment.api.js'
import { useResource } from '../../ui/use-resource.js'
import { useWorkspaceFormat } from '../../ui/use-workspace-format.js'

const BY = { agent: 'Agent', team: 'Team', tier: 'Customer tier', month: 'Month' } as const
const pct = (r: number | null) => (r == null ? '—' : `${Math.round(r * 100)}%`)

/** Budget used, approvals and what empowerment bought, over the last 90 days. */
export function ReportsPage() {
  const fmt = useWorkspaceFormat()
  const [by, setBy] = useState<keyof typeof BY>('agent')
  const budget = useResource(() => getBudgetReport(by), by)
  const stats = useResource(getApprovalStats, 'stats')
  const impact = useResource(getImpactReport, 'impact')
  return (
    <div className="empowerment-reports">
      <section className="section" aria-labelledby="budget-title">
        <div className="section-header">
          <h2 id="budget-title">Budget used (last 90 days)</h2>
          <label>
            By{' '}
            <select className="input" value={by} onChange={(e) => setBy(e.target.value as keyof typeof BY)}>
              {Object.entries(BY).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{BY[by]}</th>
                <th scope="col">Grants</th>
                <th scope="col">Granted</th>
                <th scope="col">Reversed</th>
                <th scope="col">Net</th>
                <th scope="col">Of which approved</th>
              </tr>
            </thead>
            <tbody>
              {budget.data?.items.map((r) => (
                <tr key={r.key ?? r.label}>
                  <th scope="row">{r.label}</th>
                  <td className="num">{r.grants}</td>
                  <td className="num">{fmt.money(r.granted)}</td>
                  <td className="num">{fmt.money(r.reversed)}</td>
                  <td className="num">{fmt.money(r.net)}</td>
                  <td className="num">{fmt.money(r.approved)}</td>
                </tr>
              ))}
              {budget.data?.items.length === 0 && (
                <tr>
                  <td colSpan={6} className="table-empty">
                    No grants in this period.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>
      <section className="section" aria-labelledby="approval-stats-title">
        <h2 id="approval-stats-title">Approvals</h2>
        {stats.data && (
          <dl className="stat-row">
            <div>
              <dt>Pending</dt>
              <dd>{stats.data.pending}</dd>
            </div>
            <div>
              <dt>Approved</dt>
              <dd>{stats.data.approved}</dd>
            </div>
            <div>
              <dt>Denied</dt>
              <dd>{stats.data.denied}</dd>
            </div>
            <div>
              <dt>Expired</dt>
              <dd>{stats.data.expired}</dd>
            </div>
            <div>
              <dt>Median turnaround</dt>
              <dd>
                {stats.data.medianTurnaroundHours == null
                  ? '—'
                  : `${stats.data.medianTurnaroundHours.toFixed(1)} h`}
              </dd>
            </div>
          </dl>
        )}
      </section>
      <section className="section" aria-labelledby="impact-title">
        <h2 id="impact-title">What empowerment bought</h2>
        <p className="muted">
          Share of customers who bought again after their first grant, against customers of the same tier who
          got none. Satisfaction appears here once surveys are answered.
        </p>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Tier</th>
                <th scope="col">With a grant</th>
                <th scope="col">Bought again</th>
                <th scope="col">Comparable, no grant</th>
                <th scope="col">Bought again</th>
                <th scope="col">Satisfaction (with / without)</th>
              </tr>
            </thead>
            <tbody>
              {impact.data?.items.map((r) => (
                <tr key={r.tier}>
                  <th scope="row">{r.tier}</th>
                  <td className="num">{r.granted.customers}</td>
                  <td className="num">{pct(r.granted.repeatRate)}</td>
                  <td className="num">{r.comparable.customers}</td>
                  <td className="num">{pct(r.comparable.repeatRate)}</td>
                  <td className="num">
                    {r.satisfaction
                      ? `${r.satisfaction.granted?.toFixed(1) ?? '—'} / ${r.satisfaction.comparable?.toFixed(1) ?? '—'}`
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  )
}
