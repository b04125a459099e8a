import { useEffect } from 'react'
import type { Permission } from '../../api/index.js'
import { navigate } from '../../router.js'
import { useSession } from '../../session.js'
import { EmptyState } from '../../ui/empty-state.js'
import { PageHeader } from '../../ui/page-header.js'
import { TabNav } from '../../ui/tab-nav.js'
import { AttributesPage } from './attributes-page.js'
import { ProductsPage } from './products-page.js'
import { RolesPage } from './roles-page.js'
import { TokensPage } from './tokens-page.js'
import { UsersPage } from './users-page.js'

const SECTIONS: { href: string; label: string; permission: Permission }[] = [
  { href: '/settings/users', label: 'Users', permission: 'users:read' },
  { href: '/settings/roles', label: 'Roles', permission: 'workspace:read' },
  { href: '/settings/tokens', label: 'API tokens', permission: 'tokens:read' },
  { href: '/settings/attributes', label: 'Custom attributes', permission: 'customers:read' },
  { href: '/settings/products', label: 'Products', permission: 'customers:read' },
]

/** Workspace settings: one tab per section the signed-in role may see. */
export function SettingsPage({ path }: { path: string }) {
  const { me, can } = useSession()
  const sections = SECTIONS.filter((s) => can(s.permission))
  const section = SECTIONS.find((s) => s.href === path)
  const first = sections[0]?.href

  useEffect(() => {
    if (path === '/settings' && first) navigate(first, { replace: true })
  }, [path, first])

  return (
    <>
      <PageHeader
        title="Settings"
        description={`Members, roles, API access and customer data for ${me.workspace.name}.`}
      />
      <TabNav label="Settings" tabs={sections} current={path} />
      {section && !can(section.permission) && (
        <EmptyState title="You do not have access to this section">
          <p>Ask an owner or admin of the workspace if you need it.</p>
        </EmptyState>
      )}
      {section && can(section.permission) && section.href === '/settings/users' && <UsersPage />}
      {section && can(section.permission) && section.href === '/settings/roles' && <RolesPage />}
      {section && can(section.permission) && section.href === '/settings/tokens' && <TokensPage />}
      {section && can(section.permission) && section.href === '/settings/attributes' && <AttributesPage />}
      {section && can(section.permission) && section.href === '/settings/products' && <ProductsPage />}
      {!section && path !== '/settings' && (
        <EmptyState title="There is no such settings page">
          <p>Pick a section above.</p>
        </EmptyState>
      )}
    </>
  )
}
