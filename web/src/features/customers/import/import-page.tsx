import { useCallback, useEffect, useState } from 'react'
import { exportHref, type ImportJob, listImports } from '../../../api/index.js'
import { Link } from '../../../router.js'
import { useSession } from '../../../session.js'
import { EmptyState } from '../../../ui/empty-state.js'
import { PageHeader } from '../../../ui/page-header.js'
import { usePagedList } from '../../../ui/use-paged-list.js'
import { ImportForm } from './import-form.js'
import { ImportProgress } from './import-progress.js'
import { ImportResult } from './import-result.js'
import { RecentImports } from './recent-imports.js'
import { isFinished, useImportJob } from './use-import-job.js'

// The job on screen is in the address (?job=…), so a reload keeps following it.
const jobInUrl = () => new URLSearchParams(window.location.search).get('job')

function setJobInUrl(id: string | null) {
  const url = id ? `${window.location.pathname}?job=${encodeURIComponent(id)}` : window.location.pathname
  window.history.replaceState(null, '', url)
}

/** CSV import with live progress and the error report; recent imports; export links. */
export function ImportPage() {
  const { can } = useSession()
  const [started, setStarted] = useState<ImportJob | null>(null)
  const [jobId, setJobId] = useState<string | null>(jobInUrl)
  const { job, error } = useImportJob(started, jobId)
  const fetchPage = useCallback((cursor: string | undefined) => listImports({ cursor, limit: 10 }), [])
  const recent = usePagedList<ImportJob>(fetchPage)
  const { upsert } = recent

  useEffect(() => setJobInUrl(jobId), [jobId])
  // The recent list shows the followed job's latest state too.
  useEffect(() => {
    if (job) upsert(job)
  }, [job, upsert])

  if (!can('customers:import'))
    return (
      <>
        <PageHeader title="Import and export" />
        <EmptyState title="You do not have access to imports">
          <p>
            Ask an owner or admin of the workspace if you need it.{' '}
            <Link href="/customers">Back to customers</Link>.
          </p>
        </EmptyState>
      </>
    )

  return (
    <>
      <p className="back-link">
        <Link href="/customers">← Customers</Link>
      </p>
      <PageHeader
        title="Import and export"
        description="Bring customers and purchases in from CSV files of any size; download everything as CSV."
        actions={
          <>
            <a className="button" href={exportHref('customers')} download>
              Export customers
            </a>
            <a className="button" href={exportHref('purchases')} download>
              Export purchases
            </a>
          </>
        }
      />
      <ImportForm
        onStarted={(j) => {
          setStarted(j)
          setJobId(j.id)
        }}
      />
      {job && (
        <section className="card import-job" aria-labelledby="import-job-title" aria-live="polite">
          <h2 id="import-job-title" className="form-title">
            {job.fileName}
          </h2>
          <ImportProgress job={job} />
          {isFinished(job) && <ImportResult job={job} />}
        </section>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <RecentImports list={recent} selectedId={jobId} onSelect={(j) => setJobId(j.id)} />
    </>
  )
}
