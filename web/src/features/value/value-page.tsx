import { lazy, Suspense } from 'react'
import type { Permission } from '../../api/index.js'
import { usePath } from '../../router.js'
import { useSession } from '../../session.js'
import { EmptyState } from '../../ui/empty-state.js'
import { PageHeader } from '../../ui/page-header.js'
import { TabNav } from '../../ui/tab-nav.js'
import { ServiceFitPage } from './service-fit-page.js'
import { TierRulesPage } from './tier-rules-page.js'

// The charts (ECharts) load with the pages that draw them, not with the app.
const ValueOverview = lazy(() => import('./value-overview.js').then((m) => ({ default: m.ValueOverview })))
const ValueModelsPage = lazy(() =>
  import('./value-models-page.js').then((m) => ({ default: m.ValueModelsPage })),
)

const SECTIONS: { href: string; label: string; permission: Permission }[] = [
  { href: '/value', label: 'Overview', permission: 'value:read' },
  { href: '/value/models', label: 'Models and runs', permission: 'value:read' },
  { href: '/value/tiers', label: 'Tiers', permission: 'value:read' },
  { href: '/value/service-fit', label: 'Service fit', permission: 'value:read' },
]

/** The value engine: /value (charts), /value/models, /value/tiers, /value/service-fit. */
export function ValuePage() {
  const path = usePath().replace(/\/+$/, '') || '/value'
  const { can } = useSession()
  const section = SECTIONS.find((s) => s.href === path)
  return (
    <>
      <PageHeader
        title="Value"
        description="What each customer is worth today, and what they are likely to be worth tomorrow."
      />
      {!can('value:read') ? (
        <EmptyState title="You do not have access to the value engine">
          <p>Ask an owner or admin of the workspace if you need it.</p>
        </EmptyState>
      ) : (
        <>
          <TabNav label="Value" tabs={SECTIONS} current={path} />
          <Suspense fallback={<p className="muted">Loading…</p>}>
            {section?.href === '/value' && <ValueOverview />}
            {section?.href === '/value/models' && <ValueModelsPage />}
          </Suspense>
          {section?.href === '/value/tiers' && <TierRulesPage />}
          {section?.href === '/value/service-fit' && <ServiceFitPage />}
          {!section && (
            <EmptyState title="There is no such page">
              <p>Pick a section above.</p>
            </EmptyState>
          )}
        </>
      )}
    </>
  )
}
