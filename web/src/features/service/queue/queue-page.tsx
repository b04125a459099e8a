import { useCallback, useEffect, useMemo, useState } from 'react'
import { listMyQueue, listTeamQueue, listTeams, type QueueItem } from '../../../api/index.js'
import { Link, navigate } from '../../../router.js'
import { useSession } from '../../../session.js'
import { PageHeader } from '../../../ui/page-header.js'
import { usePagedList } from '../../../ui/use-paged-list.js'
import { useResource } from '../../../ui/use-resource.js'
import { ServiceTabs } from '../service-page.js'
import { ShortcutsHelp } from '../shortcuts-help.js'
import { useNow } from '../sla-timer.js'
import { type Shortcut, useShortcuts } from '../use-shortcuts.js'
import { QueueHealthLine } from './queue-health-line.js'
import { QueueTable } from './queue-table.js'

const MINE = 'mine'
const STORE_KEY = 'centric.service.queue'
const ACTIONABLE = 'new,open'
const UNRESOLVED = 'new,open,waiting_on_customer,waiting_on_third_party'
const REFRESH_MS = 60_000

/** The agent's workspace: my queue and the team queues, nearest deadline first, with live timers. */
export function QueuePage() {
  const { me } = useSession()
  const teams = useResource(listTeams, 'teams')
  const [queue, setQueue] = useState(() => sessionStorage.getItem(STORE_KEY) ?? MINE)
  const [withWaiting, setWithWaiting] = useState(false)
  const [selected, setSelected] = useState(0)
  const [help, setHelp] = useState(false)
  const now = useNow()
  // An API token has no user, so it has no queue of its own: start on the first team instead.
  const hasMine = me.user !== null
  const teamList = teams.data?.items ?? []
  // A remembered team that no longer exists falls back to the first queue there is.
  const gone = queue !== MINE && teams.data !== null && !teamList.some((t) => t.id === queue)
  const fallback = hasMine ? MINE : (teamList[0]?.id ?? '')
  const effective = gone || (queue === MINE && !hasMine) ? fallback : queue

  useEffect(() => sessionStorage.setItem(STORE_KEY, queue), [queue])

  const status = withWaiting ? UNRESOLVED : ACTIONABLE
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      effective === MINE
        ? listMyQueue({ cursor, limit: 25, status })
        : effective
          ? listTeamQueue(effective, { cursor, limit: 25, status })
          : Promise.resolve({ items: [], nextCursor: null }),
    [effective, status],
  )
  const list = usePagedList<QueueItem>(fetchPage, `${effective}:${status}`)
  const reload = list.reload
  // Timers tick locally; the order and membership come fresh from the server every minute.
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS)
    return () => window.clearInterval(timer)
  }, [reload])
  const items = list.items
  const current = Math.min(selected, Math.max(0, items.length - 1))

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new queue starts at its top case
  useEffect(() => setSelected(0), [effective, status])

  const open = (item: QueueItem | undefined) => {
    if (item) navigate(`/service/cases/${item.id}`)
  }
  const shortcuts: Shortcut[] = [
    {
      key: 'j',
      description: 'Next case in the queue',
      run: () => setSelected(Math.min(current + 1, items.length - 1)),
    },
    { key: 'k', description: 'Previous case in the queue', run: () => setSelected(Math.max(current - 1, 0)) },
    { key: 'Enter', description: 'Open the selected case', run: () => open(items[current]) },
    { key: 'c', description: 'New case', run: () => navigate('/service/cases/new') },
    { key: '?', description: 'Show these shortcuts', run: () => setHelp(true) },
  ]
  useShortcuts(shortcuts)

  const queues = useMemo(
    () => [
      ...(hasMine ? [{ id: MINE, name: 'My queue' }] : []),
      ...teamList.map((t) => ({ id: t.id, name: t.name })),
    ],
    [hasMine, teamList],
  )
  const queueName = queues.find((q) => q.id === effective)?.name ?? 'Queue'

  return (
    <>
      <PageHeader
        title="Service"
        description="Cases in the order they fall due. Press ? for keyboard shortcuts."
        actions={
          <Link href="/service/cases/new" className="button button-primary">
            New case
          </Link>
        }
      />
      <ServiceTabs current="queues" />
      <div className="queue-toolbar">
        <fieldset className="segmented">
          <legend className="visually-hidden">Queue</legend>
          {queues.map((q) => (
            <button
              key={q.id}
              type="button"
              className="segmented-item"
              aria-pressed={effective === q.id}
              onClick={() => setQueue(q.id)}
            >
              {q.name}
            </button>
          ))}
        </fieldset>
        <label className="form-check">
          <input type="checkbox" checked={withWaiting} onChange={(e) => setWithWaiting(e.target.checked)} />
          Include cases waiting on others
        </label>
      </div>
      {teams.error && (
        <p className="inline-error" role="alert">
          The teams could not be loaded: {teams.error}
        </p>
      )}
      {effective !== MINE && effective && <QueueHealthLine teamId={effective} refreshKey={items.length} />}
      {effective === '' && !teams.loading ? (
        <p className="muted">There are no team queues yet. An admin sets up teams under Service settings.</p>
      ) : (
        <QueueTable
          label={queueName}
          items={items}
          now={now}
          selected={current}
          loading={list.loading}
          error={list.error}
          hasMore={list.hasMore}
          onLoadMore={list.loadMore}
          onSelect={setSelected}
          emptyText={
            effective === MINE
              ? 'Nothing is assigned to you right now. Take the top case of a team queue.'
              : 'This queue is empty: every case is answered.'
          }
        />
      )}
      {help && <ShortcutsHelp shortcuts={shortcuts} onClose={() => setHelp(false)} />}
    </>
  )
}
