import { CustomersPage } from './features/customers/customers-page.js'
import { EmpowermentPage } from './features/empowerment/empowerment-page.js'
import { FeedbackPage } from './features/feedback/feedback-page.js'
import { ServicePage } from './features/service/service-page.js'
import { SettingsPage } from './features/settings/settings-page.js'
import { ValuePage } from './features/value/value-page.js'
import { isUnder, Link } from './router.js'
import { EmptyState } from './ui/empty-state.js'
import { PageHeader } from './ui/page-header.js'

/** The screen for a path inside the signed-in app. */
export function Screen({ path }: { path: string }) {
  if (isUnder(path, '/customers')) return <CustomersPage />
  if (isUnder(path, '/service')) return <ServicePage />
  if (isUnder(path, '/feedback')) return <FeedbackPage />
  if (isUnder(path, '/value')) return <ValuePage />
  if (isUnder(path, '/empowerment')) return <EmpowermentPage />
  if (isUnder(path, '/settings')) return <SettingsPage path={path} />
  if (path === '/' || path === '/login') return null
  return <NotFoundPage />
}

function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState title="There is nothing at this address">
        <p>
          The link may be old or mistyped. <Link href="/customers">Go to Customers</Link>.
        </p>
      </EmptyState>
    </>
  )
}
