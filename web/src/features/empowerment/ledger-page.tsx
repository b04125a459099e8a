import { useCallback, useState } from 'react'
import { type LedgerEntry, type LedgerQuery, ledgerCsvHref, listLedger } from '../../api/empowerment.api.js'
import { Link } from '../../router.js'
import { ListFooter } from '../../ui/list-footer.js'
import { usePagedList } from '../../ui/use-paged-list.js'
import { useWorkspaceFormat } from '../../ui/use-workspace-format.js'

const initialCustomer = () => new URLSearchParams(window.location.search).get('customer') ?? ''

/** The append-only ledger with filters, pages and a CSV export of the same filter. */
export function LedgerPage() {
  const fmt = useWorkspaceFormat()
  const [customer] = useState(initialCustomer)
  const [kind, setKind] = useState('')
  const [approved, setApproved] = useState('')
  const [tier, setTier] = useState('')
  const [since, setSince] = useState('')
  const [until, setUntil] = useState('')
  const query: LedgerQuery = {
    customer: customer || undefined,
    kind: (kind || undefined) as LedgerQuery['kind'],
    approved: (approved || undefined) as LedgerQuery['approved'],
    tier: tier.trim() || undefined,
    since: since ? new Date(`${since}T00:00:00`).toISOString() : undefined,
    until: until ? new Date(`${until}T00:00:00`).toISOString() : undefined,
  }
  const key = JSON.stringify(query)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialised query is the trigger
  const fetchPage = useCallback(
    (cursor: string | undefined) => listLedger({ ...query, cursor, limit: 50 }),
    [key],
  )
  const list = usePagedList<LedgerEntry>(fetchPage, key)
  return (
    <section className="section" aria-labelledby="ledger-title">
      <div className="section-header">
        <div>
          <h2 id="ledger-title">Ledger</h2>
          <p className="muted">
            Every grant on record; nothing is changed or removed, corrections are reversal entries.
            {customer && ' Showing one customer.'}
          </p>
        </div>
        <a className="button" href={ledgerCsvHref(query)} download>
          Export CSV
        </a>
      </div>
      <div className="ledger-filters">
        <label>
          Kind{' '}
          <select className="input" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">All</option>
            <option value="grant">Grants</option>
            <option value="reversal">Reversals</option>
          </select>
        </label>
        <label>
          Approval{' '}
          <select className="input" value={approved} onChange={(e) => setApproved(e.target.value)}>
            <option value="">All</option>
            <option value="false">Within authority</option>
            <option value="true">Approved above it</option>
          </select>
        </label>
        <label>
          Tier <input className="input" value={tier} onChange={(e) => setTier(e.target.value)} size={10} />
        </label>
        <label>
          From{' '}
          <input className="input" type="date" value={since} onChange={(e) => setSince(e.target.value)} />
        </label>
        <label>
          Before{' '}
          <input className="input" type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
        </label>
      </div>
      <div className="table-wrap">
        <table className="table table-stack">
          <caption className="visually-hidden">Grant ledger</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Customer</th>
              <th scope="col">Action</th>
              <th scope="col">Amount</th>
              <th scope="col">By</th>
              <th scope="col">Approved by</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((e) => (
              <tr key={e.id} className={e.entryKind === 'reversal' ? 'row-muted' : undefined}>
                <td data-label="When">{fmt.dateTime(e.occurredAt)}</td>
                <td data-label="Customer">
                  <Link href={`/customers/${e.customerId}`}>{e.customerName ?? e.customerId}</Link>
                  {e.customerTier && <span className="muted"> · {e.customerTier}</span>}
                </td>
                <td data-label="Action">
                  {e.actionName}
                  {e.entryKind === 'reversal' && ' (reversal)'}
                </td>
                <td data-label="Amount" className="num">
                  {fmt.money(e.amount)}
                </td>
                <td data-label="By">{e.agentName ?? e.agentRole}</td>
                <td data-label="Approved by">{e.approverName ?? '—'}</td>
                <td data-label="Reason">{e.reason}</td>
              </tr>
            ))}
            {!list.loading && !list.error && list.items.length === 0 && (
              <tr>
                <td colSpan={7} className="table-empty">
                  No entries match.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <ListFooter
        loading={list.loading}
        error={list.error}
        hasMore={list.hasMore}
        onLoadMore={list.loadMore}
      />
    </section>
  )
}
