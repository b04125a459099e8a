import { useCallback } from 'react'
import { type Customer, listContacts } from '../../../api/index.js'
import { Link } from '../../../router.js'
import { ListFooter } from '../../../ui/list-footer.js'
import { usePagedList } from '../../../ui/use-paged-list.js'

/** A person's organisation, or an organisation's contacts. */
export function CustomerRelationsCard({ customer }: { customer: Customer }) {
  if (customer.kind === 'organisation') return <ContactsCard organisationId={customer.id} />
  if (!customer.organisationId) return null
  return (
    <section className="card" aria-labelledby="organisation-title">
      <h2 id="organisation-title" className="card-title">
        Organisation
      </h2>
      <p>
        Contact of{' '}
        <Link href={`/customers/${customer.organisationId}`}>
          {customer.organisationName ?? 'their organisation'}
        </Link>
      </p>
    </section>
  )
}

function ContactsCard({ organisationId }: { organisationId: string }) {
  const fetchPage = useCallback(
    (cursor: string | undefined) => listContacts(organisationId, { cursor, limit: 20 }),
    [organisationId],
  )
  const contacts = usePagedList<Customer>(fetchPage, organisationId)
  return (
    <section className="card" aria-labelledby="contacts-title">
      <h2 id="contacts-title" className="card-title">
        Contacts
      </h2>
      {contacts.items.length > 0 && (
        <ul className="plain-list">
          {contacts.items.map((c) => (
            <li key={c.id}>
              <Link href={`/customers/${c.id}`}>{c.name}</Link>
              {c.emails[0] && <span className="cell-sub">{c.emails[0]}</span>}
            </li>
          ))}
        </ul>
      )}
      {!contacts.loading && !contacts.error && contacts.items.length === 0 && (
        <p className="muted">No contacts yet. Link people to this organisation from their profile.</p>
      )}
      <ListFooter
        loading={contacts.loading}
        error={contacts.error}
        hasMore={contacts.hasMore}
        onLoadMore={contacts.loadMore}
      />
    </section>
  )
}
