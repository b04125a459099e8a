import { type FormEvent, useId, useState } from 'react'
import {
  errorMessage,
  type ImportDelimiter,
  type ImportJob,
  type ImportKind,
  type ImportOptions,
  startImport,
} from '../../../api/index.js'
import { sentence } from '../../../ui/format.js'
import { mappingOf, missingColumns } from './column-mapping.js'
import { ColumnMappingTable } from './column-mapping-table.js'
import { useColumnMapping } from './use-column-mapping.js'

const DELIMITER_CHOICES: { value: ImportDelimiter | ''; label: string }[] = [
  { value: '', label: 'Detect from the header' },
  { value: ',', label: 'Comma ( , )' },
  { value: ';', label: 'Semicolon ( ; )' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe ( | )' },
]

/**
 * Which data, which file, how its columns map and how to treat bad rows; Upload starts the job
 * on the server with the mapping on screen.
 */
export function ImportForm({ onStarted }: { onStarted: (job: ImportJob) => void }) {
  const id = useId()
  const [kind, setKind] = useState<ImportKind>('customers')
  const [file, setFile] = useState<File | null>(null)
  const [delimiter, setDelimiter] = useState<ImportDelimiter | ''>('')
  const columnMapping = useColumnMapping(file, kind, delimiter || undefined)
  const { header, columns, assignment } = columnMapping
  const [skipInvalid, setSkipInvalid] = useState(false)
  const [unknownCustomers, setUnknownCustomers] = useState<ImportOptions['unknownCustomers']>('create')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!file) {
      setError('Choose a CSV file first.')
      return
    }
    if (!header) {
      setError(columnMapping.error ?? 'The file’s header is still being read.')
      return
    }
    const missing = missingColumns(columns, assignment)
    if (missing.length > 0) {
      setError(`Choose a column for ${missing.join(', ')} first.`)
      return
    }
    setBusy(true)
    setError(null)
    try {
      onStarted(
        await startImport(file, {
          kind,
          skipInvalid,
          unknownCustomers,
          delimiter: header.delimiter,
          mapping: mappingOf(columns, header.names, assignment),
        }),
      )
    } catch (err) {
      setError(sentence(errorMessage(err)))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="card form import-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="form-title">
        Upload a CSV file
      </h2>
      <fieldset className="radio-row">
        <legend>What the file holds</legend>
        {(['customers', 'purchases'] as const).map((k) => (
          <label key={k} className="radio">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {k === 'customers' ? 'Customers' : 'Purchases'}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-file`}>CSV file</label>
        <input
          id={`${id}-file`}
          type="file"
          className="file-input"
          accept=".csv,.txt,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          aria-describedby={`${id}-file-hint`}
        />
        <p id={`${id}-file-hint`} className="field-hint">
          {kind === 'customers'
            ? 'Columns: external_id, name, email, phone, country, language, timezone, created_at. Common CRM headers are recognised.'
            : 'Columns: external_id, customer_external_id, occurred_at, amount, cost, currency, product_sku, quantity, channel, status.'}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-delimiter`}>Separator</label>
        <select
          id={`${id}-delimiter`}
          className="input input-compact"
          value={delimiter}
          onChange={(e) => setDelimiter(e.target.value as ImportDelimiter | '')}
        >
          {DELIMITER_CHOICES.map((d) => (
            <option key={d.label} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
      </div>
      {columnMapping.loading && <p className="muted">Reading the file’s columns…</p>}
      {columnMapping.error && (
        <p className="inline-error" role="alert">
          {columnMapping.error}
        </p>
      )}
      {header && (
        <ColumnMappingTable
          header={header}
          columns={columns}
          assignment={assignment}
          onChange={columnMapping.setAssignment}
        />
      )}
      <label className="checkbox">
        <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
        Skip invalid rows
        <span className="muted">
          — import the good rows and report the rest. Otherwise one bad row stops the whole file.
        </span>
      </label>
      {kind === 'purchases' && (
        <div className="field">
          <label htmlFor={`${id}-unknown`}>Purchases of unknown customers</label>
          <select
            id={`${id}-unknown`}
            className="input input-compact"
            value={unknownCustomers}
            onChange={(e) => setUnknownCustomers(e.target.value as ImportOptions['unknownCustomers'])}
          >
            <option value="create">Create a minimal customer</option>
            <option value="fail">Count the row as invalid</option>
          </select>
        </div>
      )}
      <div className="form-footer">
        <div aria-live="polite">{error && <p className="inline-error">{error}</p>}</div>
        {/* Waits for the header to be read: the mapping on screen is what gets sent. */}
        <button
          type="submit"
          className="button button-primary"
          disabled={busy || (file !== null && !header && !columnMapping.error)}
        >
          {busy ? 'Uploading…' : 'Upload and import'}
        </button>
      </div>
    </form>
  )
}
