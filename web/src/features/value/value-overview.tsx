import { getServiceFitSettings, getValueSummary } from '../../api/index.js'
import { useSession } from '../../session.js'
import { EmptyState } from '../../ui/empty-state.js'
import { ValueIcon } from '../../ui/icons.js'
import { useResource } from '../../ui/use-resource.js'
import { useWorkspaceFormat } from '../../ui/use-workspace-format.js'
import { ClvHistogram } from './charts/clv-histogram.js'
import { ProfitQuadrant } from './charts/profit-quadrant.js'
import { RfmGrid } from './charts/rfm-grid.js'
import { ScoreNow } from './score-now.js'
import { formatPercent, segmentLabel } from './value-format.js'

/** /value: the latest scores in figures and charts (CLV, RFM, profit vs cost-to-serve). */
export function ValueOverview() {
  const { me } = useSession()
  const f = useWorkspaceFormat()
  const summary = useResource(getValueSummary, 'value-summary')
  const settings = useResource(getServiceFitSettings, 'service-fit-settings')
  const s = summary.data
  if (!s) {
    return summary.error ? (
      <p className="inline-error" role="alert">
        {summary.error}
      </p>
    ) : (
      <p className="muted">Loading…</p>
    )
  }
  if (!s.runId) {
    return (
      <EmptyState title="No value run yet" icon={<ValueIcon />}>
        <p>
          Scoring fits the purchase and spend models on the workspace's purchases and gives every customer a
          CLV, P(alive), RFM segment, profit figures and a value tier.
        </p>
        <ScoreNow label="Run scoring" onFinished={summary.reload} />
      </EmptyState>
    )
  }
  const figures = [
    { label: 'Scored customers', value: f.number(s.customers) },
    { label: 'Total CLV', value: f.money(s.totals.clv) },
    { label: 'Revenue so far', value: f.money(s.totals.revenue) },
    { label: 'Gross margin', value: f.money(s.totals.grossMargin) },
    { label: 'Cost-to-serve', value: f.money(s.totals.costToServe) },
    { label: 'Net profit', value: f.money(s.totals.netProfit) },
    { label: 'Mean P(alive)', value: formatPercent(s.totals.meanPAlive) },
  ]
  return (
    <>
      <div className="section-header">
        <div>
          <h2>Latest scores</h2>
          {s.computedAt && <p className="muted">Scored {f.dateTime(s.computedAt)}</p>}
        </div>
        <ScoreNow onFinished={summary.reload} />
      </div>
      <dl className="figures" aria-label="Value totals">
        {figures.map((fig) => (
          <div key={fig.label} className="figure">
            <dt>{fig.label}</dt>
            <dd>{fig.value}</dd>
          </div>
        ))}
      </dl>
      <div className="value-charts">
        <ClvHistogram summary={s} currency={me.workspace.currency} f={f} />
        <RfmGrid summary={s} f={f} />
        <ProfitQuadrant summary={s} share={settings.data?.overServedShare ?? 0.5} f={f} />
        <section className="chart-figure" aria-labelledby="segments-title">
          <div className="chart-head">
            <h3 id="segments-title">Segments</h3>
          </div>
          <div className="table-wrap">
            <table className="table table-stack">
              <caption className="visually-hidden">Customers, CLV and revenue per RFM segment</caption>
              <thead>
                <tr>
                  <th scope="col">Segment</th>
                  <th scope="col" className="numeric">
                    Customers
                  </th>
                  <th scope="col" className="numeric">
                    CLV
                  </th>
                  <th scope="col" className="numeric">
                    Revenue
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.segments.map((g) => (
                  <tr key={g.segment}>
                    <th scope="row">{segmentLabel(g.segment)}</th>
                    <td data-label="Customers" className="numeric">
                      {f.number(g.customers)}
                    </td>
                    <td data-label="CLV" className="numeric">
                      {f.money(g.clv)}
                    </td>
                    <td data-label="Revenue" className="numeric">
                      {f.money(g.revenue)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </>
  )
}
