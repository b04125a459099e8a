import { Link } from '../router.js'

export interface Tab {
  href: string
  label: string
}

/** A page's sections as tabs; the one whose href is `current` is marked as the current page. */
export function TabNav({ label, tabs, current }: { label: string; tabs: readonly Tab[]; current: string }) {
  return (
    <nav aria-label={label} className="tabs">
      <ul>
        {tabs.map((t) => (
          <li key={t.href}>
            <Link href={t.href} className="tab" current={t.href === current}>
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
