import type { ReactNode } from 'react'
import type { AttributeDefinition, Customer, CustomerSortField } from '../../../api/index.js'
import { capitalize } from '../../../ui/format.js'
import type { WorkspaceFormat } from '../../../ui/use-workspace-format.js'
import { formatAttributeValue } from '../attribute-value-input.js'

export interface CustomerColumn {
  id: string
  label: string
  sort?: CustomerSortField
  numeric?: boolean
  render: (customer: Customer, format: WorkspaceFormat) => ReactNode
}

const dash = <span className="muted">—</span>

/** The fixed columns; the name column is always shown and is not in this list. */
export const CUSTOMER_COLUMNS: CustomerColumn[] = [
  { id: 'email', label: 'Email', render: (c) => c.emails[0] ?? dash },
  { id: 'phone', label: 'Phone', render: (c) => c.phones[0] ?? dash },
  { id: 'country', label: 'Country', render: (c) => c.country ?? dash },
  { id: 'stage', label: 'Stage', render: (c) => <StageBadge stage={c.lifecycleStage} /> },
  { id: 'tier', label: 'Tier', render: (c) => (c.tier ? capitalize(c.tier) : dash) },
  {
    id: 'tags',
    label: 'Tags',
    render: (c) =>
      c.tags.length ? (
        <span className="tag-list">
          {c.tags.map((t) => (
            <span key={t} className="badge badge-neutral">
              {t}
            </span>
          ))}
        </span>
      ) : (
        dash
      ),
  },
  { id: 'owner', label: 'Owner', render: (c) => c.ownerName ?? dash },
  {
    id: 'revenue',
    label: 'Revenue',
    sort: 'revenue',
    numeric: true,
    render: (c, f) => f.money(c.revenue),
  },
  {
    id: 'orders',
    label: 'Orders',
    sort: 'orders_count',
    numeric: true,
    render: (c, f) => f.number(c.ordersCount),
  },
  {
    id: 'lastPurchase',
    label: 'Last purchase',
    sort: 'last_purchase_at',
    render: (c, f) => (c.lastPurchaseAt ? f.date(c.lastPurchaseAt) : dash),
  },
  { id: 'created', label: 'Created', sort: 'created_at', render: (c, f) => f.date(c.createdAt) },
  { id: 'externalId', label: 'External id', render: (c) => c.externalId ?? dash },
]

export const DEFAULT_COLUMNS = ['email', 'stage', 'tier', 'revenue', 'orders', 'lastPurchase']

/** One column per custom attribute, offered in the column chooser after the fixed ones. */
export const attributeColumns = (definitions: AttributeDefinition[]): CustomerColumn[] =>
  definitions.map((d) => ({
    id: `attr:${d.key}`,
    label: d.label,
    render: (c) => formatAttributeValue(d, c.attributes[d.key]),
  }))

const STAGE_BADGE: Record<Customer['lifecycleStage'], string> = {
  lead: 'badge badge-neutral',
  prospect: 'badge badge-accent',
  customer: 'badge badge-success',
  churned: 'badge badge-danger',
}

export function StageBadge({ stage }: { stage: Customer['lifecycleStage'] }) {
  return <span className={STAGE_BADGE[stage]}>{stage}</span>
}
