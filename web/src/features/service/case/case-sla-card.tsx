import type { Case, SlaClock } from '../../../api/index.js'
import { useWorkspaceFormat } from '../../../ui/use-workspace-format.js'
import { SlaTimer, useNow } from '../sla-timer.js'

/** The three SLA clocks: running ones count down, stopped ones say whether they were met. */
export function CaseSlaCard({ kase: c }: { kase: Case }) {
  const now = useNow()
  const f = useWorkspaceFormat()
  const clocks: { label: string; clock: SlaClock; breachKey: string }[] = [
    { label: 'First response', clock: c.sla.firstResponse, breachKey: 'first_response' },
    { label: 'Next response', clock: c.sla.nextResponse, breachKey: 'next_response' },
    { label: 'Resolution', clock: c.sla.resolution, breachKey: 'resolution' },
  ]
  return (
    <section className="card" aria-labelledby="sla-title">
      <div className="card-header">
        <h2 id="sla-title">Service level</h2>
        {c.sla.paused && <span className="badge badge-neutral">Clocks paused</span>}
      </div>
      <dl className="facts">
        {clocks.map(({ label, clock, breachKey }) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>
              {clock.met !== null ? (
                <span className={`sla-timer ${clock.met ? 'sla-ok' : 'sla-breached'}`}>
                  <span className="sla-state">{clock.met ? 'Met' : 'Missed'}</span>
                  {clock.at && <span className="sla-time">{f.dateTime(clock.at)}</span>}
                </span>
              ) : clock.dueAt || c.sla.paused ? (
                <SlaTimer
                  dueAt={clock.dueAt}
                  now={now}
                  paused={c.sla.paused}
                  breached={c.sla.breached.some((b) => b.startsWith(breachKey))}
                />
              ) : (
                <span className="muted">No running clock</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
