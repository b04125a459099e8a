import { useEffect, useRef, useState } from 'react'
import type { CreatedApiToken } from '../../api/index.js'

/** The new token's secret, shown this once; the server keeps only its hash. */
export function TokenSecret({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const field = useRef<HTMLInputElement>(null)
  const [copied, setCopied] = useState(false)

  useEffect(() => {
    field.current?.focus()
    field.current?.select()
  }, [])

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token)
      setCopied(true)
    } catch {
      // No clipboard permission (or not a secure context): leave it selected for Ctrl+C.
      field.current?.focus()
      field.current?.select()
    }
  }

  return (
    <section className="card secret-card" aria-labelledby="secret-title">
      <h3 id="secret-title" className="form-title">
        Copy the secret of “{token.name}”
      </h3>
      <p className="secret-note">
        <strong>This secret will not be shown again.</strong> Store it somewhere safe, such as a password
        manager or your integration's secret store. If you lose it, revoke this token and create a new one.
      </p>
      <div className="field">
        <label htmlFor="token-secret">Token secret</label>
        <div className="copy-row">
          <input
            ref={field}
            id="token-secret"
            className="input input-mono"
            readOnly
            value={token.token}
            onFocus={(e) => e.target.select()}
          />
          <button type="button" className="button" onClick={copy}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
        <p className="visually-hidden" aria-live="polite">
          {copied ? 'Secret copied to the clipboard' : ''}
        </p>
      </div>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onDone}>
          Done
        </button>
      </div>
    </section>
  )
}
