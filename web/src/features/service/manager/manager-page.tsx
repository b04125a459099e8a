import { useState } from 'react'
import {
  ATTAINMENT_GROUPS,
  type AttainmentGroup,
  getAttainment,
  listQueuesHealth,
} from '../../../api/index.js'
import { PageHeader } from '../../../ui/page-header.js'
import { useResource } from '../../../ui/use-resource.js'
import { ServiceTabs } from '../service-page.js'
import { AttainmentTable } from './attainment-table.js'
import { QueueHealthTable } from './queue-health-table.js'

const GROUP_LABELS: Record<AttainmentGroup, string> = {
  tier: 'Tier',
  team: 'Team',
  agent: 'Agent',
  priority: 'Priority',
  channel: 'Channel',
}
const PERIODS = [7, 30, 90] as const

/** Queue health now, and SLA attainment of the cases opened in a period, by a chosen grouping. */
export function ManagerPage() {
  const [group, setGroup] = useState<AttainmentGroup>('tier')
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30)
  const [tick, setTick] = useState(0)
  const health = useResource(listQueuesHealth, `health:${tick}`)
  const attainment = useResource(
    () => getAttainment(group, { from: new Date(Date.now() - days * 86_400_000).toISOString() }),
    `${group}:${days}:${tick}`,
  )

  return (
    <>
      <PageHeader
        title="Service"
        description="How the queues stand now, and how well the service levels were kept."
        actions={
          <button type="button" className="button" onClick={() => setTick((t) => t + 1)}>
            Refresh
          </button>
        }
      />
      <ServiceTabs current="manager" />
      <section className="section" aria-labelledby="health-title">
        <div className="section-header">
          <h2 id="health-title">Queue health</h2>
        </div>
        {health.error && (
          <p className="inline-error" role="alert">
            {health.error}
          </p>
        )}
        {health.loading && !health.data && <p className="muted">Loading…</p>}
        {health.data && <QueueHealthTable items={health.data.items} />}
      </section>
      <section className="section" aria-labelledby="attainment-title">
        <div className="section-header">
          <h2 id="attainment-title">SLA attainment</h2>
          <div className="button-row">
            <fieldset className="segmented">
              <legend className="visually-hidden">Group by</legend>
              {ATTAINMENT_GROUPS.map((g) => (
                <button
                  key={g}
                  type="button"
                  className="segmented-item"
                  aria-pressed={group === g}
                  onClick={() => setGroup(g)}
                >
                  By {GROUP_LABELS[g].toLowerCase()}
                </button>
              ))}
            </fieldset>
            <label className="visually-hidden" htmlFor="attainment-period">
              Period
            </label>
            <select
              id="attainment-period"
              className="input input-compact"
              value={days}
              onChange={(e) => setDays(Number(e.target.value) as (typeof PERIODS)[number])}
            >
              {PERIODS.map((d) => (
                <option key={d} value={d}>
                  Last {d} days
                </option>
              ))}
            </select>
          </div>
        </div>
        {attainment.error && (
          <p className="inline-error" role="alert">
            {attainment.error}
          </p>
        )}
        {attainment.loading && !attainment.data && <p className="muted">Loading…</p>}
        {attainment.data && (
          <AttainmentTable data={attainment.data} groupLabel={GROUP_LABELS[attainment.data.groupBy]} />
        )}
      </section>
    </>
  )
}
