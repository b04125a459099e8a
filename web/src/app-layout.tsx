import { type ReactNode, useEffect, useState } from 'react'
import { isUnder, Link, usePath } from './router.js'
import { useSession } from './session.js'
import { capitalize } from './ui/format.js'
import {
  CloseIcon,
  CustomersIcon,
  EmpowermentIcon,
  FeedbackIcon,
  MenuIcon,
  ServiceIcon,
  SettingsIcon,
  ValueIcon,
} from './ui/icons.js'
import { useAnnounce } from './ui/status.js'

const NAV = [
  { href: '/customers', label: 'Customers', icon: <CustomersIcon /> },
  { href: '/service', label: 'Service', icon: <ServiceIcon /> },
  { href: '/feedback', label: 'Feedback', icon: <FeedbackIcon /> },
  { href: '/value', label: 'Value', icon: <ValueIcon /> },
  { href: '/empowerment', label: 'Empowerment', icon: <EmpowermentIcon /> },
  { href: '/settings', label: 'Settings', icon: <SettingsIcon /> },
]

/** Top bar and sidebar around every signed-in screen; the sidebar folds into a menu on phones. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { me, signOut } = useSession()
  const announce = useAnnounce()
  const path = usePath()
  const [menuOpen, setMenuOpen] = useState(false)
  const [signingOut, setSigningOut] = useState(false)

  // A navigation closes the phone menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: path is the trigger, not an input
  useEffect(() => setMenuOpen(false), [path])

  useEffect(() => {
    if (!menuOpen) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpen(false)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [menuOpen])

  const onSignOut = async () => {
    setSigningOut(true)
    try {
      await signOut()
      announce('You have signed out.', 'info')
    } catch {
      setSigningOut(false)
    }
  }

  const who = me.user?.name ?? 'API token'
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <button
          type="button"
          className="icon-button menu-button"
          aria-expanded={menuOpen}
          aria-controls="sidebar"
          aria-label={menuOpen ? 'Close menu' : 'Open menu'}
          onClick={() => setMenuOpen((open) => !open)}
        >
          {menuOpen ? <CloseIcon /> : <MenuIcon />}
        </button>
        <Link href="/customers" className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Centric
        </Link>
        <span className="workspace-name" title={me.workspace.slug}>
          {me.workspace.name}
        </span>
        <div className="topbar-user">
          <span className="avatar" aria-hidden="true">
            {initials(who)}
          </span>
          <span className="user-text">
            <span className="user-name">{who}</span>
            <span className="user-role">{capitalize(me.role)}</span>
          </span>
          <button type="button" className="button button-quiet" onClick={onSignOut} disabled={signingOut}>
            Sign out
          </button>
        </div>
      </header>
      <div className="app-body">
        <aside id="sidebar" className={menuOpen ? 'sidebar sidebar-open' : 'sidebar'}>
          <nav aria-label="Main">
            <ul>
              {NAV.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="nav-link" current={isUnder(path, item.href)}>
                    {item.icon}
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </aside>
        {menuOpen && (
          // Pointer users close the menu by tapping beside it; keyboard users have Escape and the button.
          <button
            type="button"
            className="scrim"
            tabIndex={-1}
            aria-hidden="true"
            onClick={() => setMenuOpen(false)}
          />
        )}
        <main id="main" className="content">
          {children}
        </main>
      </div>
    </div>
  )
}

function initials(name: string): string {
  const parts = name.split(/\s+/).filter(Boolean)
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')
  ).toUpperCase()
}
