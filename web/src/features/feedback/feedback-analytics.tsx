import { useState } from 'react'
import { type AnalyticsDimension, getFeedbackAnalytics, type SurveyKind } from '../../api/feedback.api.js'
import { useResource } from '../../ui/use-resource.js'
import { figureText, intervalText, KIND_LABEL } from './feedback-format.js'
import { TrendChart } from './trend-chart.js'

const DIMENSIONS: { value: AnalyticsDimension; label: string }[] = [
  { value: 'none', label: 'Everyone' },
  { value: 'segment', label: 'Segment' },
  { value: 'tier', label: 'Value tier' },
  { value: 'team', label: 'Team' },
  { value: 'agent', label: 'Agent' },
  { value: 'channel', label: 'Channel' },
]

/** Scores over time with 95 % intervals, response rate and closed-loop rate. */
export function FeedbackAnalyticsView() {
  const [kind, setKind] = useState<SurveyKind>('nps')
  const [by, setBy] = useState<AnalyticsDimension>('none')
  const [interval, setInterval] = useState<'week' | 'month'>('month')
  const data = useResource(() => getFeedbackAnalytics({ kind, by, interval }), `${kind}|${by}|${interval}`)
  const a = data.data
  return (
    <section className="feedback-analytics" aria-label="Feedback analytics">
      <div className="toolbar feedback-toolbar">
        <label>
          Score{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as SurveyKind)}>
            <option value="nps">NPS</option>
            <option value="csat">CSAT</option>
            <option value="ces">CES</option>
          </select>
        </label>
        <label>
          By{' '}
          <select value={by} onChange={(e) => setBy(e.target.value as AnalyticsDimension)}>
            {DIMENSIONS.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Per{' '}
          <select value={interval} onChange={(e) => setInterval(e.target.value as 'week' | 'month')}>
            <option value="month">month</option>
            <option value="week">week</option>
          </select>
        </label>
      </div>
      {data.error && (
        <p className="inline-error" role="alert">
          {data.error}
        </p>
      )}
      {a && (
        <>
          <div className="feedback-tiles">
            <div className="card feedback-tile">
              <h2>{KIND_LABEL[a.kind]}</h2>
              <strong data-testid="feedback-score">
                {by === 'segment' ? '–' : figureText(a.kind, a.total)}
              </strong>
              <span className="muted">
                {a.total.n} answers
                {a.total.low !== null ? ` · 95 % interval ${intervalText(a.kind, a.total)}` : ''}
              </span>
            </div>
            <div className="card feedback-tile">
              <h2>Response rate</h2>
              <strong>
                {a.responseRate.rate === null ? '–' : `${Math.round(100 * a.responseRate.rate)} %`}
              </strong>
              <span className="muted">
                {a.responseRate.answered} of {a.responseRate.invited} invitations
              </span>
            </div>
            <div className="card feedback-tile">
              <h2>Closed loop</h2>
              <strong>{a.closedLoop.rate === null ? '–' : `${Math.round(100 * a.closedLoop.rate)} %`}</strong>
              <span className="muted">
                {a.closedLoop.resolved} of {a.closedLoop.followUps} follow-ups resolved
              </span>
            </div>
          </div>
          {a.groups.length === 0 ? (
            <p className="muted">No answers in this period yet.</p>
          ) : (
            <>
              <TrendChart data={a} label={`${KIND_LABEL[a.kind]} per ${interval}`} />
              <div className="table-wrap">
                <table className="table">
                  <caption className="visually-hidden">{KIND_LABEL[a.kind]} by group</caption>
                  <thead>
                    <tr>
                      <th scope="col">Group</th>
                      <th scope="col">{KIND_LABEL[a.kind]}</th>
                      <th scope="col">95 % interval</th>
                      <th scope="col">Answers</th>
                    </tr>
                  </thead>
                  <tbody>
                    {a.groups.map((g) => (
                      <tr key={g.key ?? 'none'}>
                        <th scope="row">{g.label}</th>
                        <td>{figureText(a.kind, g.total)}</td>
                        <td>{intervalText(a.kind, g.total)}</td>
                        <td>{g.total.n}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </section>
  )
}
