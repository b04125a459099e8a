import type { Permission } from '../../api/index.js'
import { usePath } from '../../router.js'
import { useSession } from '../../session.js'
import { EmptyState } from '../../ui/empty-state.js'
import { PageHeader } from '../../ui/page-header.js'
import { TabNav } from '../../ui/tab-nav.js'
import { ApprovalsInbox } from './approvals-inbox.js'
import { LedgerPage } from './ledger-page.js'
import { PoliciesPage } from './policies-page.js'
import { ReportsPage } from './reports-page.js'

const SECTIONS: { href: string; label: string; permission: Permission }[] = [
  { href: '/empowerment', label: 'Approvals', permission: 'grants:read' },
  { href: '/empowerment/ledger', label: 'Ledger', permission: 'grants:read' },
  { href: '/empowerment/reports', label: 'Reports', permission: 'grants:read' },
  { href: '/empowerment/policies', label: 'Policies', permission: 'grants:read' },
]

/** Empowerment: /empowerment (approvals inbox), /ledger, /reports, /policies. */
export function EmpowermentPage() {
  const path = usePath().replace(/\/+$/, '') || '/empowerment'
  const { can } = useSession()
  const section = SECTIONS.find((s) => s.href === path)
  return (
    <>
      <PageHeader
        title="Empowerment"
        description="Goodwill your people grant on the spot, within limits set per role; approvals above them."
      />
      {!can('grants:read') ? (
        <EmptyState title="You do not have access to goodwill grants">
          <p>Ask an owner or admin of the workspace if you need it.</p>
        </EmptyState>
      ) : (
        <>
          <TabNav label="Empowerment" tabs={SECTIONS.filter((s) => can(s.permission))} current={path} />
          {section?.href === '/empowerment' && <ApprovalsInbox />}
          {section?.href === '/empowerment/ledger' && <LedgerPage />}
          {section?.href === '/empowerment/reports' && <ReportsPage />}
          {section?.href === '/empowerment/policies' && <PoliciesPage />}
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
