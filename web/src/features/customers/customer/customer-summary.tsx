import type { Customer } from '../../../api/index.js'
import { useWorkspaceFormat } from '../../../ui/use-workspace-format.js'

/** What the customer is worth so far, in figures: revenue, orders, refunds, first and last purchase. */
export function CustomerSummary({ customer }: { customer: Customer }) {
  const f = useWorkspaceFormat()
  const figures = [
    { label: 'Revenue', value: f.money(customer.revenue) },
    { label: 'Orders', value: f.number(customer.ordersCount) },
    { label: 'Refunds', value: f.money(customer.refunds) },
    { label: 'First purchase', value: customer.firstPurchaseAt ? f.date(customer.firstPurchaseAt) : '—' },
    { label: 'Last purchase', value: customer.lastPurchaseAt ? f.date(customer.lastPurchaseAt) : '—' },
  ]
  return (
    <dl className="figures" aria-label="Value so far">
      {figures.map((fig) => (
        <div key={fig.label} className="figure">
          <dt>{fig.label}</dt>
          <dd>{fig.value}</dd>
        </div>
      ))}
    </dl>
  )
}
