import { usePath } from '../../router.js'
import { CustomerPage } from './customer/customer-page.js'
import { DuplicatesPage } from './duplicates/duplicates-page.js'
import { ImportPage } from './import/import-page.js'
import { CustomerListPage } from './list/customer-list-page.js'

/** Customer 360: /customers (the list), /customers/import, /customers/duplicates[/history], /customers/:id. */
export function CustomersPage() {
  const path = usePath()
  const rest = path.replace(/^\/customers\/?/, '')
  if (rest === '') return <CustomerListPage />
  if (rest === 'import') return <ImportPage />
  if (rest === 'duplicates' || rest.startsWith('duplicates/')) return <DuplicatesPage />
  const id = decodeURIComponent(rest.split('/')[0] ?? '')
  // The key remounts the page for another customer (a merge, a contact link), so no state leaks.
  return <CustomerPage key={id} id={id} />
}
