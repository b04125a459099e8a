import { useCallback, useState } from 'react'
import { type DuplicatePair, listDuplicatePairs } from '../../../api/index.js'
import { Link } from '../../../router.js'
import { EmptyState } from '../../../ui/empty-state.js'
import { ListFooter } from '../../../ui/list-footer.js'
import { usePagedList } from '../../../ui/use-paged-list.js'
import { CompareCustomers } from './compare-customers.js'
import { pairId, reasonsText } from './duplicate-reasons.js'

type PairRow = DuplicatePair & { id: string }

const PAGE_SIZE = 25

/** Likely duplicate pairs, best first, by pages; one opens side by side to merge. */
export function DuplicatePairsTab() {
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      listDuplicatePairs({ cursor, limit: PAGE_SIZE }).then((page) => ({
        ...page,
        items: page.items.map((p): PairRow => ({ ...p, id: pairId(p) })),
      })),
    [],
  )
  const list = usePagedList<PairRow>(fetchPage)
  const [openId, setOpenId] = useState<string | null>(null)
  const open = list.items.find((p) => p.id === openId) ?? null

  // A merged-away customer takes every pair it was in off the list.
  const merged = (mergedId: string) => {
    for (const p of list.items) if (p.a.id === mergedId || p.b.id === mergedId) list.remove(p.id)
    setOpenId(null)
  }

  if (!list.loading && !list.error && list.items.length === 0)
    return (
      <EmptyState title="No likely duplicates">
        <p>
          No two customers share an email or a phone, or have very similar names. Merges done earlier are in
          the <Link href="/customers/duplicates/history">merge history</Link>.
        </p>
      </EmptyState>
    )

  return (
    <section aria-labelledby="pairs-title">
      <h2 id="pairs-title" className="visually-hidden">
        Likely duplicates
      </h2>
      {open && (
        <CompareCustomers key={open.id} pair={open} onClose={() => setOpenId(null)} onMerged={merged} />
      )}
      <div className="table-wrap">
        <table className="table table-stack duplicate-pairs">
          <caption className="visually-hidden">Likely duplicate customers, most likely first</caption>
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col">Possible duplicate</th>
              <th scope="col">Why</th>
              <th scope="col" className="numeric">
                Likelihood
              </th>
              <th scope="col" className="actions-col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((p) => (
              <tr key={p.id} className={p.id === openId ? 'row-highlight' : undefined}>
                <th scope="row">
                  <Link href={`/customers/${p.a.id}`}>{p.a.name}</Link>
                  <span className="cell-sub">{p.a.externalId ?? p.a.emails[0] ?? ''}</span>
                </th>
                <td data-label="Possible duplicate">
                  <Link href={`/customers/${p.b.id}`}>{p.b.name}</Link>
                  <span className="cell-sub">{p.b.externalId ?? p.b.emails[0] ?? ''}</span>
                </td>
                <td data-label="Why" className="wrap">
                  {reasonsText(p.reasons).join('; ')}
                </td>
                <td data-label="Likelihood" className="numeric">
                  {Math.round(p.score * 100)}%
                </td>
                <td className="actions-col">
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`Compare ${p.a.name} and ${p.b.name}`}
                    aria-expanded={p.id === openId}
                    onClick={() => setOpenId(p.id === openId ? null : p.id)}
                  >
                    Compare
                  </button>
                </td>
              </tr>
            ))}
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
