import { ComingSoon } from '../../ui/coming-soon.js'
import { ServiceIcon } from '../../ui/icons.js'

export function ServicePage() {
  return (
    <ComingSoon
      title="Service"
      description="The service centre: cases from every channel, served at the level each customer is worth."
      icon={<ServiceIcon />}
      lead="Soon your team will work cases here, so that the best customers are never stuck in a queue and money is not spent on service that nobody values."
      points={[
        'Cases from phone, email, chat, web forms and internal requests, with queues, routing and priorities',
        'SLA policies per value tier, with business-hours calendars, time zones and holidays',
        'SLA clocks, breach escalation and callbacks instead of waiting on hold',
        'Playbooks and authority limits, so front-line staff can fix problems on the spot',
      ]}
    />
  )
}
