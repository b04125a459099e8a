import { useCallback, useEffect, useRef, useState } from 'react'
import {
  errorMessage,
  getValueRun,
  isApiError,
  isRunFinished,
  listValueRuns,
  type ScoreOptions,
  startValueRun,
  type ValueRun,
} from '../../api/index.js'

const POLL_MS = 700

/**
 * Starts a value run and follows it until it has finished, polling the run. When another run is
 * already going (409), it follows that one instead of failing: the user wanted scores, and they
 * are on their way. `onFinished` runs once per run that ends while watched.
 */
export function useScoreRun(onFinished?: (run: ValueRun) => void) {
  const [run, setRun] = useState<ValueRun | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [starting, setStarting] = useState(false)
  // Read when the run ends, so a new closure on every render never restarts the polling.
  const finishedRef = useRef(onFinished)
  finishedRef.current = onFinished

  const start = useCallback(async (options: Partial<ScoreOptions> = {}) => {
    setStarting(true)
    setError(null)
    try {
      setRun(await startValueRun(options))
    } catch (err) {
      const active = isApiError(err) && err.status === 409 ? await activeRun() : null
      if (active) setRun(active)
      else setError(errorMessage(err))
    } finally {
      setStarting(false)
    }
  }, [])

  const id = run?.id ?? null
  const finished = run ? isRunFinished(run) : true
  useEffect(() => {
    if (!id || finished) return
    let current = true
    let timer: number | undefined
    const poll = async () => {
      try {
        const next = await getValueRun(id)
        if (!current) return
        setRun(next)
        if (isRunFinished(next)) finishedRef.current?.(next)
        else timer = window.setTimeout(poll, POLL_MS)
      } catch (err) {
        if (!current) return
        setError(errorMessage(err))
        timer = window.setTimeout(poll, POLL_MS * 4)
      }
    }
    timer = window.setTimeout(poll, POLL_MS)
    return () => {
      current = false
      window.clearTimeout(timer)
    }
  }, [id, finished])

  return { run, error, starting, busy: starting || (run !== null && !isRunFinished(run)), start }
}

async function activeRun(): Promise<ValueRun | null> {
  try {
    const page = await listValueRuns({ limit: 5 })
    return page.items.find((r) => !isRunFinished(r)) ?? null
  } catch {
    return null
  }
}
