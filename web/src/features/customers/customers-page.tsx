import { ComingSoon } from '../../ui/coming-soon.js'
import { CustomersIcon } from '../../ui/icons.js'

export function CustomersPage() {
  return (
    <ComingSoon
      title="Customers"
      description="Customer 360: every person and organisation you serve, in one place."
      icon={<CustomersIcon />}
      lead="Soon you will see each customer's value and satisfaction side by side, with everything that happened to them on one timeline."
      points={[
        'People and organisations with contacts, custom attributes, lifecycle stage, owner and account team',
        'A timeline of purchases, cases, messages, survey answers, goodwill grants and notifications',
        'Search, filters and saved segments; duplicate detection and merge',
        'CSV import and export that handle millions of rows',
      ]}
    />
  )
}
