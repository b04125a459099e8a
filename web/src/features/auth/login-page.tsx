import { type FormEvent, useState } from 'react'
import { errorMessage, login } from '../../api/index.js'
import { sentence } from '../../ui/format.js'

/** Sign in with email and password; the server's problem detail explains a refusal. */
export function LoginPage({
  notice,
  onSignedIn,
}: {
  notice?: string | undefined
  onSignedIn: () => Promise<void>
}) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await login({ email, password })
      await onSignedIn()
    } catch (err) {
      setError(sentence(errorMessage(err)))
      setBusy(false)
    }
  }

  return (
    <main className="auth-screen">
      <div className="auth-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          Centric
        </div>
        <h1>Sign in</h1>
        <p className="muted">Welcome back. Sign in to your workspace.</p>
        {notice && !error && <p className="notice">{notice}</p>}
        <form className="form" onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="login-email">Email</label>
            <input
              id="login-email"
              className="input"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">Password</label>
            <input
              id="login-password"
              className="input"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <div aria-live="assertive" className="form-error-slot">
            {error && <p className="inline-error">{error}</p>}
          </div>
          <button type="submit" className="button button-primary button-block" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  )
}
