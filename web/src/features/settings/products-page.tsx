import { useCallback, useState } from 'react'
import { errorMessage, listProducts, type Product, updateProduct } from '../../api/index.js'
import { useSession } from '../../session.js'
import { ListFooter } from '../../ui/list-footer.js'
import { useAnnounce } from '../../ui/status.js'
import { usePagedList } from '../../ui/use-paged-list.js'
import { useWorkspaceFormat } from '../../ui/use-workspace-format.js'
import { NewProductForm } from './new-product-form.js'

/** The product catalogue: SKU, name, category, prices; retire a product without losing its history. */
export function ProductsPage() {
  const { can } = useSession()
  const f = useWorkspaceFormat()
  const announce = useAnnounce()
  const [q, setQ] = useState('')
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      listProducts({ cursor, limit: 50, sort: 'name', q: q.trim() || undefined }),
    [q],
  )
  const list = usePagedList<Product>(fetchPage, q.trim())
  const [creating, setCreating] = useState(false)
  const [busyId, setBusyId] = useState<string | null>(null)
  const canWrite = can('customers:configure')

  const toggleActive = async (product: Product) => {
    setBusyId(product.id)
    try {
      const saved = await updateProduct(product.id, { active: !product.active })
      list.upsert(saved)
      announce(`${saved.name} is now ${saved.active ? 'active' : 'retired'}.`)
    } catch (err) {
      announce(`Could not change ${product.name}: ${errorMessage(err)}`, 'error')
    } finally {
      setBusyId(null)
    }
  }

  return (
    <section className="section" aria-labelledby="products-title">
      <div className="section-header">
        <div>
          <h2 id="products-title">Products</h2>
          <p className="muted">What customers buy; purchases refer to products by SKU.</p>
        </div>
        {canWrite && !creating && (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            New product
          </button>
        )}
      </div>
      {creating && (
        <NewProductForm
          onCancel={() => setCreating(false)}
          onCreated={(product) => {
            list.upsert(product)
            announce(`${product.name} has been added.`)
            setCreating(false)
          }}
        />
      )}
      <div className="list-toolbar">
        <label htmlFor="product-search" className="visually-hidden">
          Search products
        </label>
        <input
          id="product-search"
          type="search"
          className="input"
          placeholder="Search by SKU or name"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <div className="table-wrap">
        <table className="table table-stack">
          <caption className="visually-hidden">Products</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">SKU</th>
              <th scope="col">Category</th>
              <th scope="col" className="numeric">
                List price
              </th>
              <th scope="col" className="numeric">
                Unit cost
              </th>
              <th scope="col">Status</th>
              {canWrite && (
                <th scope="col" className="actions-col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {list.items.map((p) => (
              <tr key={p.id} className={p.active ? undefined : 'row-muted'}>
                <th scope="row">{p.name}</th>
                <td data-label="SKU">
                  <code className="code">{p.sku}</code>
                </td>
                <td data-label="Category">{p.category ?? '—'}</td>
                <td data-label="List price" className="numeric">
                  {f.money(p.listPrice)}
                </td>
                <td data-label="Unit cost" className="numeric">
                  {f.money(p.unitCost)}
                </td>
                <td data-label="Status">
                  <span className={p.active ? 'badge badge-success' : 'badge badge-neutral'}>
                    {p.active ? 'active' : 'retired'}
                  </span>
                </td>
                {canWrite && (
                  <td className="actions-col">
                    <button
                      type="button"
                      className="button button-small"
                      disabled={busyId === p.id}
                      aria-label={`${p.active ? 'Retire' : 'Reactivate'} ${p.name}`}
                      onClick={() => void toggleActive(p)}
                    >
                      {p.active ? 'Retire' : 'Reactivate'}
                    </button>
                  </td>
                )}
              </tr>
            ))}
            {!list.loading && !list.error && list.items.length === 0 && (
              <tr>
                <td colSpan={canWrite ? 7 : 6} className="table-empty">
                  {q.trim() ? 'No product matches.' : 'No products yet.'}
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
