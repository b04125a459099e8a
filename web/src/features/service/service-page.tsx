import { lazy, Suspense } from 'react'
import { Link, usePath } from '../../router.js'
import { TabNav } from '../../ui/tab-nav.js'
import { CasePage } from './case/case-page.js'
import { NewCasePage } from './new-case-page.js'
import { QueuePage } from './queue/queue-page.js'

// The manager view carries the chart library; agents who never open it never load it.
const ManagerPage = lazy(() => import('./manager/manager-page.js').then((m) => ({ default: m.ManagerPage })))

/** The service centre: /service (queues), /service/manager, /service/cases/new, /service/cases/:id. */
export function ServicePage() {
  const path = usePath()
  const rest = path.replace(/^\/service\/?/, '')
  if (rest === '' || rest === 'queue') return <QueuePage />
  if (rest === 'manager')
    return (
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <ManagerPage />
      </Suspense>
    )
  if (rest === 'cases/new') return <NewCasePage />
  const match = /^cases\/([^/]+)$/.exec(rest)
  if (match?.[1]) {
    const id = decodeURIComponent(match[1])
    // The key remounts the page for another case (after a merge), so no state leaks between cases.
    return <CasePage key={id} id={id} />
  }
  return (
    <p>
      There is nothing at this address. <Link href="/service">Go to the queues</Link>.
    </p>
  )
}

const SERVICE_TABS = [
  { href: '/service', label: 'Queues' },
  { href: '/service/manager', label: 'Manager view' },
]

/** Tabs shared by the agent's queues and the manager view. */
export function ServiceTabs({ current }: { current: 'queues' | 'manager' }) {
  return (
    <TabNav
      label="Service"
      tabs={SERVICE_TABS}
      current={current === 'queues' ? '/service' : '/service/manager'}
    />
  )
}
