import { type ImportJob, importErrorsHref } from '../../../api/index.js'
import { sentence } from '../../../ui/format.js'
import { useWorkspaceFormat } from '../../../ui/use-workspace-format.js'

const SHOWN_ERRORS = 100

/** What a finished import did: counts per outcome, and the bad rows with their line numbers. */
export function ImportResult({ job }: { job: ImportJob }) {
  const f = useWorkspaceFormat()
  const counts: [string, number][] = [
    ['New', job.rowsInserted],
    ['Updated', job.rowsUpdated],
    ['Unchanged', job.rowsUnchanged],
    ['Invalid', job.rowsInvalid],
  ]
  if (job.kind === 'purchases') counts.push(['Customers created', job.customersCreated])
  const nothingWritten =
    job.status === 'failed' || (job.rowsInvalid > 0 && job.rowsInserted + job.rowsUpdated === 0)
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
      {job.errors.length > 0 && (
        <section aria-labelledby="import-errors-title">
          <div className="section-header">
            <div>
              <h3 id="import-errors-title">Rows with errors</h3>
              <p className="muted">
                {nothingWritten && job.status === 'failed'
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
                {job.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
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
          {job.rowsInvalid > Math.min(job.errors.length, SHOWN_ERRORS) && (
            <p className="muted list-note">
              Showing {f.number(Math.min(job.errors.length, SHOWN_ERRORS))} of {f.number(job.rowsInvalid)}{' '}
              rows with errors; errors.csv has them all.
            </p>
          )}
        </section>
      )}
    </div>
  )
}
