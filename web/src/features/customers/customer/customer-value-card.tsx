import { getValueCard, listValueRuns, type ValueCard } from '../../../api/index.js'
import { Link } from '../../../router.js'
import { useSession } from '../../../session.js'
import { capitalize } from '../../../ui/format.js'
import { useResource } from '../../../ui/use-resource.js'
import { useWorkspaceFormat } from '../../../ui/use-workspace-format.js'
import { RunProgress } from '../../value/run-progress.js'
import { useScoreRun } from '../../value/use-score-run.js'
import { formatDecimal, formatPercent, segmentLabel, subtractMoney } from '../../value/value-format.js'

/**
 * What the customer is worth, past and future: CLV, P(alive), expected purchases, profit so far
 * and predicted, tier and RFM. Before the workspace's first value run it offers to run one.
 */
export function CustomerValueCard({ customerId }: { customerId: string }) {
  const { can } = useSession()
  return can('value:read') ? <ValueCardBody customerId={customerId} /> : null
}

function ValueCardBody({ customerId }: { customerId: string }) {
  const { can } = useSession()
  const card = useResource(() => getValueCard(customerId), customerId)
  // Only asked when the customer has no scores: has the workspace ever been scored?
  const scoredBefore = useResource(
    () =>
      card.data && !card.data.scored
        ? listValueRuns({ limit: 20 }).then((p) =>
            // Evaluation runs (with a holdout) leave customers unscored: only a scoring run counts.
            p.items.some((r) => r.status === 'succeeded' && !r.options.holdoutEnd),
          )
        : Promise.resolve(true),
    `${customerId}:${card.data?.scored ?? 'loading'}`,
  )
  const scoring = useScoreRun((run) => {
    if (run.status === 'succeeded') {
      card.reload()
      scoredBefore.reload()
    }
  })
  const c = card.data
  return (
    <section className="card value-card" aria-labelledby="value-title">
      <div className="card-header">
        <h2 id="value-title">Value</h2>
        {c?.tier && <TierBadge card={c} />}
      </div>
      {!c && card.loading && <p className="muted">Loading…</p>}
      {!c && card.error && (
        <p className="inline-error" role="alert">
          {card.error}
        </p>
      )}
      {c && !c.scored && scoredBefore.data === false && (
        <div className="value-empty">
          <p className="muted">
            No value run yet in this workspace: scoring fits the purchase and spend models and gives every
            customer a CLV, P(alive), RFM segment and tier.
          </p>
          {scoring.run && <RunProgress run={scoring.run} label="Value scoring" />}
          {scoring.error && (
            <p className="inline-error" role="alert">
              {scoring.error}
            </p>
          )}
          {can('value:configure') ? (
            <button
              type="button"
              className="button button-primary button-small"
              disabled={scoring.busy}
              onClick={() => void scoring.start()}
            >
              {scoring.busy ? 'Scoring…' : 'Run scoring'}
            </button>
          ) : (
            <p className="muted">Ask an admin or manager to score the workspace.</p>
          )}
        </div>
      )}
      {c && !c.scored && scoredBefore.data === true && (
        <p className="muted">
          Not scored: this customer had no completed purchase when the workspace was last scored.
        </p>
      )}
      {c?.scored && <Predictions card={c} />}
      {c && <ProfitTable card={c} />}
    </section>
  )
}

function TierBadge({ card }: { card: ValueCard }) {
  const manual = card.tierSource === 'manual'
  return (
    <span className="value-tier">
      <span className="badge badge-accent" title={manual ? 'Set by hand' : 'Set by the value engine'}>
        {capitalize(card.tier ?? '')}
      </span>
      {manual && <span className="cell-sub">set by hand</span>}
    </span>
  )
}

function Predictions({ card: c }: { card: ValueCard }) {
  const f = useWorkspaceFormat()
  const months = c.horizonMonths ?? 12
  const facts = [
    { label: `CLV (${months} months)`, value: f.money(c.clv) },
    { label: 'P(alive)', value: formatPercent(c.pAlive) },
    { label: `Expected purchases (${months} months)`, value: formatDecimal(c.expectedPurchases) },
    { label: 'Expected spend per purchase', value: f.money(c.expectedSpend) },
  ]
  return (
    <>
      <dl className="value-figures" aria-label="Predictions">
        {facts.map((fact) => (
          <div key={fact.label} className="value-figure">
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      <dl className="facts value-facts">
        {c.rfm && (
          <div className="fact">
            <dt>RFM</dt>
            <dd>
              <strong>{segmentLabel(c.rfm.segment)}</strong>{' '}
              <span className="muted" title="Recency, frequency and monetary scores, 1 to 5">
                R {c.rfm.recency} · F {c.rfm.frequency} · M {c.rfm.monetary}
              </span>
            </dd>
          </div>
        )}
        {c.valueTier && c.tierSource === 'manual' && c.valueTier !== c.tier && (
          <div className="fact">
            <dt>Value tier</dt>
            <dd>{capitalize(c.valueTier)} (the hand-set tier wins)</dd>
          </div>
        )}
        {c.purchaseDays !== null && (
          <div className="fact">
            <dt>Purchase days</dt>
            <dd>
              {f.number(c.purchaseDays)}
              {c.firstPurchaseOn && c.lastPurchaseOn && (
                <span className="cell-sub">
                  {c.firstPurchaseOn} to {c.lastPurchaseOn}
                </span>
              )}
            </dd>
          </div>
        )}
        {c.computedAt && (
          <div className="fact">
            <dt>Scored</dt>
            <dd>
              <Link href="/value/models">{f.dateTime(c.computedAt)}</Link>
            </dd>
          </div>
        )}
      </dl>
    </>
  )
}

function ProfitTable({ card: c }: { card: ValueCard }) {
  const f = useWorkspaceFormat()
  const months = c.horizonMonths ?? 12
  // The predicted column follows the scoring: CLV is the discounted expected revenue, the margin
  // applies the customer's margin ratio, and cost-to-serve their cost per purchase day.
  const rows = [
    { label: 'Revenue', past: c.revenue, next: c.clv },
    { label: 'Cost of goods', past: c.costOfGoods, next: subtractMoney(c.clv, c.predictedMargin) },
    { label: 'Gross margin', past: c.grossMargin, next: c.predictedMargin },
    {
      label: 'Cost-to-serve',
      past: c.costToServe,
      next: subtractMoney(c.predictedMargin, c.predictedNetProfit),
    },
    { label: 'Net profit', past: c.netProfit, next: c.predictedNetProfit },
  ]
  return (
    <div className="table-wrap value-profit">
      <table className="table">
        <caption className="visually-hidden">Profit</caption>
        <thead>
          <tr>
            <th scope="col">Profit</th>
            <th scope="col" className="numeric">
              So far
            </th>
            {c.scored && (
              <th scope="col" className="numeric" title={`Predicted over the next ${months} months`}>
                Next {months} mo.
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className={r.label === 'Net profit' ? 'value-total' : undefined}>
              <th scope="row">{r.label}</th>
              <td className="numeric">{f.money(r.past)}</td>
              {c.scored && <td className="numeric">{f.money(r.next)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
