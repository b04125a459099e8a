import { getCustomer, listAttributes } from '../../../api/index.js'
import { Link } from '../../../router.js'
import { useSession } from '../../../session.js'
import { EmptyState } from '../../../ui/empty-state.js'
import { capitalize } from '../../../ui/format.js'
import { PageHeader } from '../../../ui/page-header.js'
import { useResource } from '../../../ui/use-resource.js'
import { GoodwillCard } from '../../empowerment/goodwill-card.js'
import { CustomerFeedbackCard } from '../../feedback/customer-feedback-card.js'
import { StageBadge } from '../list/customer-columns.js'
import { CustomerAttributesCard } from './customer-attributes-card.js'
import { CustomerDuplicatesCard } from './customer-duplicates-card.js'
import { CustomerPurchases } from './customer-purchases.js'
import { CustomerRelationsCard } from './customer-relations-card.js'
import { CustomerSummary } from './customer-summary.js'
import { CustomerTimeline } from './customer-timeline.js'
import { CustomerValueCard } from './customer-value-card.js'
import { ProfileCard } from './profile-card.js'

/** One customer: profile, value, attributes, contacts, duplicates, purchases and timeline. */
export function CustomerPage({ id }: { id: string }) {
  const { can } = useSession()
  const customer = useResource(() => getCustomer(id), id)
  const attributes = useResource(listAttributes, 'attributes')
  const c = customer.data

  if (!c) {
    return (
      <>
        <p className="back-link">
          <Link href="/customers">← Customers</Link>
        </p>
        {customer.loading ? (
          <p className="muted">Loading…</p>
        ) : (
          <EmptyState title="This customer is not here">
            <p>
              {customer.error ?? 'It may have been merged into another customer.'}{' '}
              <Link href="/customers">Back to the list</Link>.
            </p>
          </EmptyState>
        )}
      </>
    )
  }

  const subtitle = [
    c.kind === 'organisation' ? 'Organisation' : 'Person',
    c.externalId && `id ${c.externalId}`,
    c.tier && `${capitalize(c.tier)} tier`,
  ]
    .filter(Boolean)
    .join(' · ')

  return (
    <>
      <p className="back-link">
        <Link href="/customers">← Customers</Link>
      </p>
      <PageHeader title={c.name} description={subtitle} actions={<StageBadge stage={c.lifecycleStage} />} />
      <CustomerSummary customer={c} />
      <div className="customer-layout">
        <div className="customer-side">
          <ProfileCard customer={c} canEdit={can('customers:write')} onSaved={customer.set} />
          <CustomerValueCard customerId={c.id} />
          <CustomerFeedbackCard customerId={c.id} />
          <GoodwillCard customerId={c.id} />
          <CustomerAttributesCard
            customer={c}
            definitions={attributes.data?.items ?? []}
            canEdit={can('customers:write')}
            onSaved={customer.set}
          />
          <CustomerRelationsCard customer={c} />
          {can('customers:write') && <CustomerDuplicatesCard customer={c} onMerged={customer.reload} />}
        </div>
        <div className="customer-main">
          <CustomerTimeline customerId={c.id} canWrite={can('customers:write')} refreshKey={c.updatedAt} />
          <CustomerPurchases
            customerId={c.id}
            canRefund={can('customers:write')}
            onRefunded={customer.reload}
          />
        </div>
      </div>
    </>
  )
}
