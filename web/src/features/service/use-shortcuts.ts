import { useEffect, useRef } from 'react'

export interface Shortcut {
  key: string
  description: string
  run: () => void
}

/** Inputs that take no text: a shortcut after ticking a checkbox still works. */
const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset'])

/** True while the user types: shortcuts must never steal a letter from a field. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  if (tag === 'INPUT') return !NOT_TYPED.has((target as HTMLInputElement).type)
  return tag === 'TEXTAREA' || tag === 'SELECT'
}

/**
 * Single-key shortcuts for the page (j/k, Enter, r, n, e…). They are ignored while a field has
 * focus, with a modifier held, or while a modal dialog is open.
 */
export function useShortcuts(shortcuts: Shortcut[]): void {
  const ref = useRef(shortcuts)
  ref.current = shortcuts
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
      if (isTyping(event.target)) return
      if (document.querySelector('dialog[open]')) return
      const shortcut = ref.current.find((s) => s.key === event.key)
      if (!shortcut) return
      // Enter on a focused button or link keeps its own meaning.
      if (event.key === 'Enter' && event.target instanceof HTMLElement && event.target.closest('a,button'))
        return
      event.preventDefault()
      shortcut.run()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
