import { useState } from 'react'
import {
  type Customer,
  type DuplicateCandidate,
  errorMessage,
  findDuplicates,
  getCustomer,
  isApiError,
  mergeCustomer,
} from '../../../api/index.js'
import { Link } from '../../../router.js'
import { useConfirm } from '../../../ui/confirm-dialog.js'
import { useAnnounce } from '../../../ui/status.js'
import { useResource } from '../../../ui/use-resource.js'
import { useWorkspaceFormat } from '../../../ui/use-workspace-format.js'

const named = (c: { name: string; externalId: string | null }) =>
  c.externalId ? `“${c.name}” (${c.externalId})` : `“${c.name}”`

function reasonText(c: DuplicateCandidate): string {
  const parts: string[] = []
  if (c.reasons.emails.length) parts.push(`same email ${c.reasons.emails.join(', ')}`)
  if (c.reasons.phones.length) parts.push(`same phone ${c.reasons.phones.join(', ')}`)
  if (c.reasons.nameSimilarity !== null) parts.push('similar name')
  return parts.join('; ')
}

/** Customers that are probably this one under another record, each mergeable into this one. */
export function CustomerDuplicatesCard({ customer, onMerged }: { customer: Customer; onMerged: () => void }) {
  const announce = useAnnounce()
  const f = useWorkspaceFormat()
  const { confirm, dialog } = useConfirm()
  const duplicates = useResource(() => findDuplicates(customer.id), `${customer.id}:${customer.updatedAt}`)
  const [busyId, setBusyId] = useState<string | null>(null)

  // A failed look-up leaves the card out rather than putting an error beside the profile.
  if (duplicates.error && !duplicates.data) return null
  const items = duplicates.data?.items ?? []
  if (items.length === 0) return null

  const merge = async (candidate: DuplicateCandidate) => {
    const other = candidate.customer
    setBusyId(other.id)
    // Their figures make the dialog say what moves, not just that something does.
    const full = await getCustomer(other.id).catch(() => null)
    setBusyId(null)
    const purchases = full
      ? `${f.number(full.ordersCount)} ${full.ordersCount === 1 ? 'purchase' : 'purchases'} (${f.money(full.revenue)})`
      : 'purchases'
    const ok = await confirm({
      title: `Merge ${named(other)} into ${named(customer)}?`,
      body:
        `${other.name} goes away as a separate customer. Their ${purchases}, timeline, contacts, emails, ` +
        `phones and tags move to ${customer.name}${customer.externalId ? ` (${customer.externalId})` : ''}, ` +
        'who stays. The audit log keeps a record of the merge.',
      confirmLabel: 'Merge customers',
    })
    if (!ok) return
    setBusyId(other.id)
    try {
      await mergeCustomer(customer.id, other.id)
      announce(`${other.name} has been merged into ${customer.name}.`)
      onMerged()
    } catch (err) {
      announce(`Could not merge ${other.name}: ${errorMessage(err)}`, 'error')
      if (isApiError(err) && err.status === 404) duplicates.reload()
    } finally {
      setBusyId(null)
    }
  }

  return (
    <section className="card" aria-labelledby="duplicates-title">
      <h2 id="duplicates-title" className="card-title">
        Likely duplicates
      </h2>
      <ul className="plain-list">
        {items.map((candidate) => (
          <li key={candidate.customer.id} className="duplicate">
            <div>
              <Link href={`/customers/${candidate.customer.id}`}>{candidate.customer.name}</Link>
              <span className="cell-sub">
                {[candidate.customer.externalId, reasonText(candidate)].filter(Boolean).join(' · ')}
              </span>
            </div>
            <button
              type="button"
              className="button button-small"
              disabled={busyId !== null}
              aria-label={`Merge ${candidate.customer.name} into ${customer.name}`}
              onClick={() => void merge(candidate)}
            >
              Merge here
            </button>
          </li>
        ))}
      </ul>
      {dialog}
    </section>
  )
}
