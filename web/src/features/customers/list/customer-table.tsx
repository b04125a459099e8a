import type { Customer, CustomerSort, CustomerSortField } from '../../../api/index.js'
import { Link } from '../../../router.js'
import { useWorkspaceFormat } from '../../../ui/use-workspace-format.js'
import type { CustomerColumn } from './customer-columns.js'

function SortHeader({
  label,
  field,
  sort,
  onSort,
  numeric,
}: {
  label: string
  field: CustomerSortField
  sort: CustomerSort | null
  onSort: (sort: CustomerSort) => void
  numeric?: boolean
}) {
  const direction = sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : undefined
  // Names read best A→Z first; amounts and dates biggest or newest first.
  const firstClick: CustomerSort = field === 'name' ? field : `-${field}`
  const next: CustomerSort =
    direction === undefined ? firstClick : direction === 'ascending' ? `-${field}` : field
  return (
    <th scope="col" aria-sort={direction ?? 'none'} className={numeric ? 'numeric' : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(next)}>
        {label}
        <span className="sort-mark" aria-hidden="true">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  )
}

/** The customer rows with the chosen columns; each name links to the customer's page. */
export function CustomerTable({
  customers,
  columns,
  sort,
  onSort,
  empty,
}: {
  customers: Customer[]
  columns: CustomerColumn[]
  sort: CustomerSort | null
  onSort: (sort: CustomerSort) => void
  empty: React.ReactNode
}) {
  const format = useWorkspaceFormat()
  return (
    <div className="table-wrap">
      <table className="table table-stack customer-table">
        <caption className="visually-hidden">Customers</caption>
        <thead>
          <tr>
            <SortHeader label="Name" field="name" sort={sort} onSort={onSort} />
            {columns.map((column) =>
              column.sort ? (
                <SortHeader
                  key={column.id}
                  label={column.label}
                  field={column.sort}
                  sort={sort}
                  onSort={onSort}
                  numeric={column.numeric}
                />
              ) : (
                <th key={column.id} scope="col">
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {customers.map((customer) => (
            <tr key={customer.id}>
              <th scope="row">
                <Link href={`/customers/${customer.id}`} className="row-link">
                  {customer.name}
                </Link>
                {customer.kind === 'organisation' ? (
                  <span className="cell-sub">Organisation</span>
                ) : (
                  customer.organisationName && <span className="cell-sub">{customer.organisationName}</span>
                )}
              </th>
              {columns.map((column) => (
                <td
                  key={column.id}
                  data-label={column.label}
                  className={column.numeric ? 'numeric' : undefined}
                >
                  {column.render(customer, format)}
                </td>
              ))}
            </tr>
          ))}
          {customers.length === 0 && (
            <tr>
              <td colSpan={columns.length + 1} className="table-empty">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}
