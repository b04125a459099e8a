import { useEffect, useState } from 'react'
import {
  errorMessage,
  type ImportDelimiter,
  type ImportKind,
  type MappingPreview,
  previewMapping,
} from '../../../api/index.js'
import { sentence } from '../../../ui/format.js'
import { type Assignment, assignmentFrom } from './column-mapping.js'
import { type FileHeader, readFileHeader } from './read-file-header.js'

export interface ColumnMappingState {
  header: FileHeader | null
  columns: MappingPreview['columns']
  assignment: Assignment
  setAssignment: (next: Assignment) => void
  loading: boolean
  error: string | null
}

/**
 * Reads the chosen file's header in the browser and asks the server which column each header
 * feeds; again whenever the file, the kind or the delimiter changes (the user's changes reset).
 */
export function useColumnMapping(
  file: File | null,
  kind: ImportKind,
  delimiter: ImportDelimiter | undefined,
): ColumnMappingState {
  const [header, setHeader] = useState<FileHeader | null>(null)
  const [columns, setColumns] = useState<MappingPreview['columns']>([])
  const [assignment, setAssignment] = useState<Assignment>([])
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    setHeader(null)
    setColumns([])
    setAssignment([])
    setError(null)
    if (!file) return
    setLoading(true)
    ;(async () => {
      const read = await readFileHeader(file, delimiter)
      if (!read || read.names.every((n) => n === ''))
        throw new Error('the file is empty: expected a header line')
      const preview = await previewMapping(kind, read.names)
      if (!current) return
      setHeader(read)
      setColumns(preview.columns)
      setAssignment(assignmentFrom(preview, read.names))
    })()
      .catch((err: unknown) => {
        if (current) setError(sentence(errorMessage(err)))
      })
      .finally(() => {
        if (current) setLoading(false)
      })
    return () => {
      current = false
    }
  }, [file, kind, delimiter])

  return { header, columns, assignment, setAssignment, loading, error }
}
