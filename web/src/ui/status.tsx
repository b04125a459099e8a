import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react'

type Tone = 'success' | 'error' | 'info'
interface Status {
  id: number
  message: string
  tone: Tone
}

const StatusContext = createContext<(message: string, tone?: Tone) => void>(() => {})

/** Announces a short message to everyone: shown as a toast, read out by the aria-live region. */
export const useAnnounce = () => useContext(StatusContext)

export function StatusProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status | null>(null)
  const next = useRef(0)
  const announce = useCallback((message: string, tone: Tone = 'success') => {
    next.current += 1
    setStatus({ id: next.current, message, tone })
  }, [])

  useEffect(() => {
    if (!status) return
    const timer = window.setTimeout(() => setStatus(null), status.tone === 'error' ? 8000 : 5000)
    return () => window.clearTimeout(timer)
  }, [status])

  const value = useMemo(() => announce, [announce])
  return (
    <StatusContext.Provider value={value}>
      {children}
      {/* The region stays in the DOM so that screen readers notice changes to its content. */}
      <div className="toast-region" role="status" aria-live="polite">
        {status && (
          <div key={status.id} className={`toast toast-${status.tone}`}>
            <span>{status.message}</span>
            <button
              type="button"
              className="toast-close"
              aria-label="Dismiss"
              onClick={() => setStatus(null)}
            >
              ×
            </button>
          </div>
        )}
      </div>
    </StatusContext.Provider>
  )
}
