import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react'

interface Request {
  title: string
  body: string
  confirmLabel: string
  resolve: (ok: boolean) => void
}

/**
 * A promise-returning confirm on a native modal <dialog> (focus trap, Escape and inert page for
 * free). Render `dialog` once; `await confirm(...)` resolves true only on the confirm button.
 */
export function useConfirm(): {
  confirm: (opts: { title: string; body: string; confirmLabel: string }) => Promise<boolean>
  dialog: ReactNode
} {
  const [pending, setPending] = useState<Request | null>(null)
  const ref = useRef<HTMLDialogElement>(null)

  const confirm = useCallback(
    (opts: { title: string; body: string; confirmLabel: string }) =>
      new Promise<boolean>((resolve) => setPending({ ...opts, resolve })),
    [],
  )

  useEffect(() => {
    const dialog = ref.current
    if (pending && dialog && !dialog.open) dialog.showModal()
  }, [pending])

  const settle = (ok: boolean) => {
    pending?.resolve(ok)
    setPending(null)
    ref.current?.close()
  }

  const dialog = pending ? (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(event) => {
        event.preventDefault()
        settle(false)
      }}
    >
      <h2 id="confirm-title">{pending.title}</h2>
      <p id="confirm-body">{pending.body}</p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => settle(false)}>
          Cancel
        </button>
        <button type="button" className="button button-danger" onClick={() => settle(true)}>
          {pending.confirmLabel}
        </button>
      </div>
    </dialog>
  ) : null

  return { confirm, dialog }
}
