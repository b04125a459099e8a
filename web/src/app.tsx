import { useCallback, useEffect, useMemo, useState } from 'react'
import { errorMessage, getMe, isApiError, logout, type Me, setUnauthorizedHandler } from './api/index.js'
import { AppLayout } from './app-layout.js'
import { LoginPage } from './features/auth/login-page.js'
import { navigate, usePath } from './router.js'
import { Screen } from './screens.js'
import { type Session, SessionContext } from './session.js'
import { StatusProvider } from './ui/status.js'

type State =
  | { status: 'loading' }
  | { status: 'unreachable'; message: string }
  | { status: 'signed-out'; notice?: string }
  | { status: 'signed-in'; me: Me }

const HOME = '/customers'

/** Start-up: /api/me decides between the login page and the app. */
export function App() {
  const [state, setState] = useState<State>({ status: 'loading' })
  const [returnTo, setReturnTo] = useState<string | null>(null)
  const path = usePath()

  const loadMe = useCallback(async () => {
    try {
      setState({ status: 'signed-in', me: await getMe() })
    } catch (err) {
      if (isApiError(err) && err.status === 401) setState({ status: 'signed-out' })
      else setState({ status: 'unreachable', message: errorMessage(err) })
    }
  }, [])

  useEffect(() => {
    void loadMe()
    setUnauthorizedHandler(() =>
      setState({ status: 'signed-out', notice: 'Your session has ended. Please sign in again.' }),
    )
    return () => setUnauthorizedHandler(undefined)
  }, [loadMe])

  // Keep the address bar honest: /login while signed out, never /login while signed in.
  useEffect(() => {
    if (state.status === 'signed-out' && path !== '/login') {
      if (path !== '/') setReturnTo(window.location.pathname + window.location.search)
      navigate('/login', { replace: true })
    }
    if (state.status === 'signed-in' && (path === '/login' || path === '/')) {
      navigate(returnTo ?? HOME, { replace: true })
      setReturnTo(null)
    }
  }, [state.status, path, returnTo])

  const signOut = useCallback(async () => {
    try {
      await logout()
    } finally {
      setReturnTo(null)
      setState({ status: 'signed-out', notice: 'You have signed out.' })
    }
  }, [])

  const session = useMemo<Session | null>(
    () =>
      state.status === 'signed-in'
        ? { me: state.me, can: (p) => state.me.permissions.includes(p), signOut }
        : null,
    [state, signOut],
  )

  return (
    <StatusProvider>
      {state.status === 'loading' && (
        <div className="splash" role="status" aria-busy="true" aria-label="Loading Centric" />
      )}
      {state.status === 'unreachable' && (
        <main className="auth-screen">
          <div className="auth-card">
            <h1>Centric is unavailable</h1>
            <p className="inline-error" role="alert">
              {state.message}
            </p>
            <button type="button" className="button button-primary" onClick={() => void loadMe()}>
              Try again
            </button>
          </div>
        </main>
      )}
      {state.status === 'signed-out' && <LoginPage notice={state.notice} onSignedIn={loadMe} />}
      {session && (
        <SessionContext.Provider value={session}>
          <AppLayout>
            <Screen path={path} />
          </AppLayout>
        </SessionContext.Provider>
      )}
    </StatusProvider>
  )
}
