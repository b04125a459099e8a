import { ComingSoon } from '../../ui/coming-soon.js'
import { FeedbackIcon } from '../../ui/icons.js'

export function FeedbackPage() {
  return (
    <ComingSoon
      title="Feedback"
      description="What your customers are telling you, and a closed loop that acts on it."
      icon={<FeedbackIcon />}
      lead="Soon you will run NPS, CSAT and CES surveys after the moments that matter, and every unhappy answer will become a follow-up case."
      points={[
        'Surveys triggered when a case is resolved, after a purchase, or periodically',
        'A public response page reached through an unguessable link',
        'Closed-loop follow-up, comments and an ideas inbox',
        'Trends by segment, team and agent',
      ]}
    />
  )
}
