import { type ImportJob, importErrorsHref } from '../../../api/index.js'
import { sentence } from '../../../ui/format.js'
import { useWorkspaceFormat } from '../../../ui/use-workspace-format.js'

const SHOWN_ERRORS = 100

/** What a finished import did: counts per outcome, the columns read, and the bad rows by line. */
export function ImportResult({ job }: { job: ImportJob }) {
  const f = useWorkspaceFormat()
  const errors = job.errors ?? []
  const counts: [string, number][] = [
    ['New', job.inserted],
    ['Updated', job.updated],
    ['Unchanged', job.unchanged],
    ['Invalid', job.invalid],
  ]
  if (job.kind === 'purchases') counts.push(['Customers created', job.customersCreated])
  if (job.productsCreated > 0) counts.push(['Products created', job.productsCreated])
  const mapped = Object.entries(job.mapping)
  const shown = Math.min(errors.length, SHOWN_ERRORS)
  return (
    <div className="import-result">
      {job.message && (
        <p
          className={job.status === 'failed' ? 'inline-error' : 'notice'}
          role={job.status === 'failed' ? 'alert' : undefined}
        >
          {sentence(job.message)}
        </p>
      )}
      <dl className="figures figures-compact" aria-label="Rows by outcome">
        {counts.map(([label, n]) => (
          <div key={label} className="figure">
            <dt>{label}</dt>
            <dd>{f.number(n)}</dd>
          </div>
        ))}
      </dl>
      {mapped.length > 0 && (
        <p className="muted import-mapping">
          Columns read:{' '}
          {mapped
            .map(([column, header]) => (column === header ? column : `${column} ← ${header}`))
            .join(', ')}
          {job.ignoredColumns.length > 0 && `. Ignored: ${job.ignoredColumns.join(', ')}`}.
        </p>
      )}
      {errors.length > 0 && (
        <section aria-labelledby="import-errors-title">
          <div className="section-header">
            <div>
              <h3 id="import-errors-title">Rows with errors</h3>
              <p className="muted">
                {job.status === 'failed'
                  ? 'Nothing was written. Fix these rows, or upload again with “Skip invalid rows”.'
                  : 'These rows were skipped; the others were imported.'}
              </p>
            </div>
            <a className="button button-small" href={importErrorsHref(job.id)} download>
              Download errors.csv
            </a>
          </div>
          <div className="table-wrap">
            <table className="table table-stack">
              <caption className="visually-hidden">Rows with errors</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Column</th>
                  <th scope="col">Value</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: one line may carry several errors
                  <tr key={`${e.line}:${i}`}>
                    <th scope="row">{e.line}</th>
                    <td data-label="Column">{e.column === '*' ? 'Whole row' : e.column}</td>
                    <td data-label="Value" className="wrap">
                      {e.value ?? <span className="muted">—</span>}
                    </td>
                    <td data-label="Reason" className="wrap">
                      {e.reason}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {job.invalid > shown && (
            <p className="muted list-note">
              Showing {f.number(shown)} of {f.number(job.invalid)} rows with errors; errors.csv has them all.
            </p>
          )}
        </section>
      )}
    </div>
  )
}
