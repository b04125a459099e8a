import { useEffect, useRef, useState } from 'react'
import { errorMessage, getImport, type ImportJob } from '../../../api/index.js'

const POLL_MS = 500

export const isFinished = (job: ImportJob) => job.status === 'succeeded' || job.status === 'failed'

/**
 * Follows one import job: starts from what the caller already has (the upload's 202 answer),
 * then asks the server every half second until the job has finished.
 */
export function useImportJob(initial: ImportJob | null, id: string | null) {
  const [job, setJob] = useState<ImportJob | null>(initial)
  const [error, setError] = useState<string | null>(null)
  const initialRef = useRef(initial)
  initialRef.current = initial

  useEffect(() => {
    setJob(initialRef.current?.id === id ? initialRef.current : null)
    setError(null)
    if (!id) return
    let current = true
    let timer: number | undefined
    const poll = async () => {
      try {
        const next = await getImport(id)
        if (!current) return
        setJob(next)
        setError(null)
        if (!isFinished(next)) timer = window.setTimeout(poll, POLL_MS)
      } catch (err) {
        if (!current) return
        setError(errorMessage(err))
        // A dropped connection should not end the watch; a slower retry does.
        timer = window.setTimeout(poll, POLL_MS * 4)
      }
    }
    void poll()
    return () => {
      current = false
      window.clearTimeout(timer)
    }
  }, [id])

  return { job: job && job.id === id ? job : null, error }
}
