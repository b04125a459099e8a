import { useCallback, useState } from 'react'
import { errorMessage, listCustomerPurchases, type Purchase, refundPurchase } from '../../../api/index.js'
import { useConfirm } from '../../../ui/confirm-dialog.js'
import { ListFooter } from '../../../ui/list-footer.js'
import { useAnnounce } from '../../../ui/status.js'
import { usePagedList } from '../../../ui/use-paged-list.js'
import { useWorkspaceFormat } from '../../../ui/use-workspace-format.js'

/** The customer's order lines, newest first, with a refund action on completed ones. */
export function CustomerPurchases({
  customerId,
  canRefund,
  onRefunded,
}: {
  customerId: string
  canRefund: boolean
  onRefunded: () => void
}) {
  const f = useWorkspaceFormat()
  const announce = useAnnounce()
  const { confirm, dialog } = useConfirm()
  const fetchPage = useCallback(
    (cursor: string | undefined) => listCustomerPurchases(customerId, { cursor, limit: 20 }),
    [customerId],
  )
  const purchases = usePagedList<Purchase>(fetchPage, customerId)
  const [busyId, setBusyId] = useState<string | null>(null)

  const productOf = (p: Purchase) => p.productName ?? p.productSku ?? p.externalId ?? 'Item'

  const refund = async (p: Purchase) => {
    const ok = await confirm({
      title: `Refund ${productOf(p)}?`,
      body: `The line of ${f.money(p.amount)} from ${f.date(p.occurredAt)} stays on record as refunded and leaves the customer's revenue. This cannot be undone.`,
      confirmLabel: 'Refund',
    })
    if (!ok) return
    setBusyId(p.id)
    try {
      purchases.upsert(await refundPurchase(p.id))
      announce(`${productOf(p)} has been refunded.`)
      onRefunded()
    } catch (err) {
      announce(`Could not refund: ${errorMessage(err)}`, 'error')
    } finally {
      setBusyId(null)
    }
  }

  return (
    <section className="section" aria-labelledby="purchases-title">
      <div className="section-header">
        <h2 id="purchases-title">Purchases</h2>
      </div>
      <div className="table-wrap">
        <table className="table table-stack">
          <caption className="visually-hidden">Purchases</caption>
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">Date</th>
              <th scope="col" className="numeric">
                Amount
              </th>
              <th scope="col">Status</th>
              {canRefund && (
                <th scope="col" className="actions-col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {purchases.items.map((p) => (
              <tr key={p.id} className={p.status === 'refunded' ? 'row-muted' : undefined}>
                <th scope="row">
                  <span className="cell-title">{productOf(p)}</span>
                  <span className="cell-sub">{[p.externalId, p.channel].filter(Boolean).join(' · ')}</span>
                </th>
                <td data-label="Date">
                  <time dateTime={p.occurredAt} title={f.dateTime(p.occurredAt)}>
                    {f.date(p.occurredAt)}
                  </time>
                </td>
                <td data-label="Amount" className="numeric">
                  {f.money(p.amount)}
                  {p.quantity > 1 && <span className="cell-sub">{f.number(p.quantity)} ×</span>}
                </td>
                <td data-label="Status">
                  <span className={p.status === 'refunded' ? 'badge badge-danger' : 'badge badge-success'}>
                    {p.status}
                  </span>
                </td>
                {canRefund && (
                  <td className="actions-col">
                    {p.status === 'completed' && (
                      <button
                        type="button"
                        className="button button-small button-danger-quiet"
                        disabled={busyId === p.id}
                        aria-label={`Refund ${productOf(p)} of ${f.date(p.occurredAt)}`}
                        onClick={() => void refund(p)}
                      >
                        Refund
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
            {!purchases.loading && !purchases.error && purchases.items.length === 0 && (
              <tr>
                <td colSpan={canRefund ? 5 : 4} className="table-empty">
                  No purchases yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <ListFooter
        loading={purchases.loading}
        error={purchases.error}
        hasMore={purchases.hasMore}
        onLoadMore={purchases.loadMore}
      />
      {dialog}
    </section>
  )
}
