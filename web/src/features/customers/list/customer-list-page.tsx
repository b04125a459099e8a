import { useCallback, useMemo, useRef, useState } from 'react'
import {
  type Customer,
  type CustomerFilter,
  listAttributes,
  listSegments,
  type Segment,
  searchCustomers,
} from '../../../api/index.js'
import { Link, navigate } from '../../../router.js'
import { useSession } from '../../../session.js'
import { EmptyState } from '../../../ui/empty-state.js'
import { CustomersIcon } from '../../../ui/icons.js'
import { ListFooter } from '../../../ui/list-footer.js'
import { PageHeader } from '../../../ui/page-header.js'
import { useAnnounce } from '../../../ui/status.js'
import { usePagedList } from '../../../ui/use-paged-list.js'
import { useResource } from '../../../ui/use-resource.js'
import { ColumnChooser } from './column-chooser.js'
import { attributeColumns, CUSTOMER_COLUMNS } from './customer-columns.js'
import { CustomerFilterPanel } from './customer-filter-panel.js'
import { sameFilter, useCustomerListState } from './customer-list-state.js'
import { CustomerSearchBox } from './customer-search-box.js'
import { CustomerTable } from './customer-table.js'
import { activeFilterCount, FilterChips } from './filter-chips.js'
import { MatchCount } from './match-count.js'
import { NewCustomerForm } from './new-customer-form.js'
import { SegmentActions } from './segment-actions.js'
import { SegmentList } from './segment-list.js'
import { useColumnChoice } from './use-column-choice.js'

const PAGE_SIZE = 50

/** Customers: search, filters, saved segments, chosen columns, and pages of 50 by cursor. */
export function CustomerListPage() {
  const { can } = useSession()
  const announce = useAnnounce()
  const { state, setFilter, setSearch, setSort, pickSegment } = useCustomerListState()
  const attributes = useResource(listAttributes, 'attributes')
  const segments = useResource(listSegments, 'segments')
  const definitions = attributes.data?.items ?? []
  const columns = useColumnChoice()
  const [filtersOpen, setFiltersOpen] = useState(false)
  const [creating, setCreating] = useState(false)
  const filtersButton = useRef<HTMLButtonElement>(null)

  const key = JSON.stringify([state.filter, state.sort])
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      searchCustomers({ filter: state.filter, sort: state.sort ?? undefined, limit: PAGE_SIZE, cursor }),
    [state.filter, state.sort],
  )
  const list = usePagedList<Customer>(fetchPage, key)

  const allColumns = useMemo(() => [...CUSTOMER_COLUMNS, ...attributeColumns(definitions)], [definitions])
  const shownColumns = columns.shown
    .map((id) => allColumns.find((c) => c.id === id))
    .filter((c) => c !== undefined)

  const active = segments.data?.items.find((s) => s.id === state.segmentId) ?? null
  const modified = active !== null && !sameFilter(active.filter, state.filter)
  const hasFilter = Object.keys(state.filter).length > 0
  const filterCount = activeFilterCount(state.filter, definitions)

  const applyFilters = (filter: CustomerFilter) => {
    setFilter({ ...filter, q: state.filter.q })
    setFiltersOpen(false)
    filtersButton.current?.focus()
  }

  const onSegmentSaved = (segment: Segment) => {
    pickSegment(segment)
    segments.reload()
  }

  const empty = hasFilter ? (
    <>
      No customers match.{' '}
      <button type="button" className="link-button" onClick={() => pickSegment(null)}>
        Clear the search and filters
      </button>
    </>
  ) : (
    'No customers yet.'
  )

  return (
    <>
      <PageHeader
        title="Customers"
        description="Every person and organisation you serve, with their value and history."
        actions={
          <>
            <Link href="/customers/duplicates" className="button">
              Duplicates
            </Link>
            {can('customers:import') && (
              <Link href="/customers/import" className="button">
                Import
              </Link>
            )}
            {can('customers:write') && !creating && (
              <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
                New customer
              </button>
            )}
          </>
        }
      />
      {creating && (
        <NewCustomerForm
          definitions={definitions}
          onCancel={() => setCreating(false)}
          onCreated={(customer) => {
            announce(`${customer.name} has been added.`)
            navigate(`/customers/${customer.id}`)
          }}
        />
      )}
      <div className="customers-layout">
        <aside className="customers-aside">
          <SegmentList
            segments={segments.data?.items ?? []}
            activeId={state.segmentId}
            loading={segments.loading}
            error={segments.error}
            onPick={pickSegment}
          />
        </aside>
        <div className="customers-main">
          <div className="list-toolbar">
            <CustomerSearchBox value={state.filter.q ?? ''} onSearch={setSearch} />
            <button
              ref={filtersButton}
              type="button"
              className="button"
              aria-expanded={filtersOpen}
              onClick={() => setFiltersOpen((open) => !open)}
            >
              Filters{filterCount > 0 && <span className="badge badge-accent">{filterCount}</span>}
            </button>
            <ColumnChooser
              columns={allColumns}
              shown={columns.shown}
              onToggle={columns.toggle}
              onReset={columns.reset}
            />
          </div>
          {filtersOpen && (
            <CustomerFilterPanel
              filter={state.filter}
              definitions={definitions}
              onApply={applyFilters}
              onClose={() => setFiltersOpen(false)}
            />
          )}
          <FilterChips filter={state.filter} definitions={definitions} onChange={setFilter} />
          <div className="result-bar">
            <MatchCount filter={state.filter} filterKey={JSON.stringify(state.filter)} />
            {can('customers:write') && (
              <SegmentActions
                filter={state.filter}
                active={active}
                modified={modified}
                onSaved={onSegmentSaved}
                onDeleted={() => {
                  pickSegment(null)
                  segments.reload()
                }}
              />
            )}
          </div>
          {!hasFilter && !list.loading && !list.error && list.items.length === 0 ? (
            <EmptyState icon={<CustomersIcon />} title="No customers yet">
              <p>
                Add customers one by one, or bring them all in from a CSV file
                {can('customers:import') && (
                  <>
                    {' '}
                    on the <Link href="/customers/import">import page</Link>
                  </>
                )}
                .
              </p>
            </EmptyState>
          ) : (
            <CustomerTable
              customers={list.items}
              columns={shownColumns}
              sort={state.sort}
              onSort={setSort}
              empty={list.loading ? 'Loading…' : empty}
            />
          )}
          <ListFooter
            loading={list.loading}
            error={list.error}
            hasMore={list.hasMore}
            onLoadMore={list.loadMore}
          />
        </div>
      </div>
    </>
  )
}
