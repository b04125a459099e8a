import { lazy, Suspense } from 'react'
import { usePath } from '../../router.js'
import { useSession } from '../../session.js'
import { EmptyState } from '../../ui/empty-state.js'
import { PageHeader } from '../../ui/page-header.js'
import { TabNav } from '../../ui/tab-nav.js'
import { FeedbackComments } from './feedback-comments.js'
import { FeedbackFollowUps } from './feedback-follow-ups.js'
import { FeedbackIdeas } from './feedback-ideas.js'
import { FeedbackSurveys } from './feedback-surveys.js'

// The charts (ECharts) load with the analytics tab, not with the app.
const FeedbackAnalyticsView = lazy(() =>
  import('./feedback-analytics.js').then((m) => ({ default: m.FeedbackAnalyticsView })),
)

const SECTIONS = [
  { href: '/feedback', label: 'Analytics' },
  { href: '/feedback/comments', label: 'Comments' },
  { href: '/feedback/follow-ups', label: 'Follow-ups' },
  { href: '/feedback/ideas', label: 'Ideas' },
  { href: '/feedback/surveys', label: 'Surveys' },
] as const

/** Feedback: analytics, the comment browser, closed-loop follow-ups, the ideas inbox, surveys and settings. */
export function FeedbackPage() {
  const path = usePath().replace(/\/+$/, '') || '/feedback'
  const { can } = useSession()
  return (
    <>
      <PageHeader
        title="Feedback"
        description="What your customers are telling you, and a closed loop that acts on every unhappy answer."
      />
      {!can('feedback:read') ? (
        <EmptyState title="You do not have access to feedback">
          <p>Ask an owner or admin of the workspace if you need it.</p>
        </EmptyState>
      ) : (
        <>
          <TabNav label="Feedback" tabs={SECTIONS} current={path} />
          {path === '/feedback' && (
            <Suspense fallback={<p className="muted">Loading charts…</p>}>
              <FeedbackAnalyticsView />
            </Suspense>
          )}
          {path === '/feedback/comments' && <FeedbackComments />}
          {path === '/feedback/follow-ups' && <FeedbackFollowUps />}
          {path === '/feedback/ideas' && <FeedbackIdeas />}
          {path === '/feedback/surveys' && <FeedbackSurveys />}
        </>
      )}
    </>
  )
}
