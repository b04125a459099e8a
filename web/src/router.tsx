import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react'

// A tiny History API router: the server answers every non-API page GET with index.html, so the
// path alone decides the screen. Navigation fires a 'popstate' so every usePath() re-renders.

const subscribe = (onChange: () => void) => {
  window.addEventListener('popstate', onChange)
  return () => window.removeEventListener('popstate', onChange)
}

const currentPath = () => window.location.pathname

export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath)
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search) return
  if (opts.replace) window.history.replaceState(null, '', to)
  else window.history.pushState(null, '', to)
  window.dispatchEvent(new PopStateEvent('popstate'))
}

/** True when `path` is `prefix` or below it (`/settings/users` is under `/settings`). */
export const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`)

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; current?: boolean }

/** A real <a href> that navigates without a page load on a plain left click. */
export function Link({ href, current, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    const plain = event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey
    if (event.defaultPrevented || !plain || rest.target) return
    event.preventDefault()
    navigate(href)
  }
  return <a href={href} aria-current={current ? 'page' : undefined} onClick={handle} {...rest} />
}
