import type { MappingPreview } from '../../../api/index.js'
import { type Assignment, assign, missingColumns } from './column-mapping.js'
import type { FileHeader } from './read-file-header.js'

/**
 * The mapping step: each column of the file with a sample value and the column it will be
 * imported as (detected by the server), which the user may change or switch off.
 */
export function ColumnMappingTable({
  header,
  columns,
  assignment,
  onChange,
}: {
  header: FileHeader
  columns: MappingPreview['columns']
  assignment: Assignment
  onChange: (next: Assignment) => void
}) {
  const missing = missingColumns(columns, assignment)
  return (
    <section className="column-mapping" aria-labelledby="column-mapping-title">
      <h3 id="column-mapping-title">Columns</h3>
      <p className="muted">
        Detected from the file’s header. Change where a column goes, or ignore it; each target takes one
        column.
      </p>
      <div className="table-wrap">
        <table className="table table-stack">
          <caption className="visually-hidden">How the file’s columns are imported</caption>
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">First row</th>
              <th scope="col">Import as</th>
            </tr>
          </thead>
          <tbody>
            {header.names.map((name, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a file may repeat a header; position is its identity
              <tr key={i}>
                <th scope="row">{name === '' ? <span className="muted">(no name)</span> : name}</th>
                <td data-label="First row" className="wrap">
                  {header.sample[i] ? header.sample[i] : <span className="muted">—</span>}
                </td>
                <td data-label="Import as">
                  <select
                    className="input input-compact"
                    aria-label={`Import “${name}” as`}
                    value={assignment[i] ?? ''}
                    onChange={(e) => onChange(assign(assignment, i, e.target.value))}
                  >
                    <option value="">Ignore this column</option>
                    {columns.map((c) => (
                      <option key={c.name} value={c.name}>
                        {c.name}
                        {c.required ? ' (required)' : ''}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {missing.length > 0 && (
        <p className="inline-error" role="alert">
          Choose a column for {missing.join(', ')}: the import needs {missing.length === 1 ? 'it' : 'them'}.
        </p>
      )}
    </section>
  )
}
