import type { ReactNode } from 'react'
import type { SurveyResponse } from '../../api/feedback.api.js'
import { Link } from '../../router.js'
import { formatDate } from '../../ui/format.js'
import { ListFooter } from '../../ui/list-footer.js'
import type { PagedList } from '../../ui/use-paged-list.js'
import { KIND_LABEL } from './feedback-format.js'

/** Answers as a list: score, customer, comment, with per-row actions. */
export function ResponseList({
  list,
  empty,
  actions,
}: {
  list: PagedList<SurveyResponse>
  empty: string
  actions?: (r: SurveyResponse) => ReactNode
}) {
  return (
    <>
      {!list.loading && list.items.length === 0 && !list.error && <p className="muted">{empty}</p>}
      <ul className="feedback-responses">
        {list.items.map((r) => (
          <li key={r.id} className="card feedback-response">
            <div className="feedback-response-head">
              <span className={`score-badge score-${r.kind}`} title={r.surveyName}>
                {KIND_LABEL[r.kind]} {r.score}
              </span>
              <Link href={`/customers/${r.customerId}`}>{r.customerName}</Link>
              <span className="muted">{formatDate(r.answeredAt)}</span>
              {r.ideaId && <span className="tag">idea</span>}
            </div>
            {r.comment && <p className="feedback-comment">{r.comment}</p>}
            {actions?.(r)}
          </li>
        ))}
      </ul>
      <ListFooter
        loading={list.loading}
        error={list.error}
        hasMore={list.hasMore}
        onLoadMore={list.loadMore}
      />
    </>
  )
}
