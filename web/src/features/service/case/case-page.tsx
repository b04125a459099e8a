import { useRef, useState } from 'react'
import { type Case, getCase } from '../../../api/index.js'
import { Link, navigate } from '../../../router.js'
import { useSession } from '../../../session.js'
import { EmptyState } from '../../../ui/empty-state.js'
import { PageHeader } from '../../../ui/page-header.js'
import { useResource } from '../../../ui/use-resource.js'
import { CustomerTimeline } from '../../customers/customer/customer-timeline.js'
import { CHANNEL_LABELS, PriorityBadge, StatusBadge } from '../service-labels.js'
import { ShortcutsHelp } from '../shortcuts-help.js'
import { type Shortcut, useShortcuts } from '../use-shortcuts.js'
import { CallbackCard } from './callback-card.js'
import { CaseDetailsCard } from './case-details-card.js'
import { CaseHistory } from './case-history.js'
import { CaseSlaCard } from './case-sla-card.js'
import { CaseStatusActions, type StatusActionsHandle } from './case-status-actions.js'
import { Conversation, type ConversationHandle } from './conversation.js'
import { CustomerPanel } from './customer-panel.js'
import { GoodwillCard } from './goodwill-card.js'
import { MergeCard } from './merge-card.js'
import { PlaybookCard } from './playbook-card.js'

/** One case: the conversation and its tools in the middle, the customer beside it. */
export function CasePage({ id }: { id: string }) {
  const { can } = useSession()
  const canWrite = can('cases:write')
  const found = useResource(() => getCase(id), id)
  const [version, setVersion] = useState(0)
  const [help, setHelp] = useState(false)
  const conversation = useRef<ConversationHandle>(null)
  const statusActions = useRef<StatusActionsHandle>(null)
  const c = found.data

  // Every change refreshes the case (status, clocks) and the history beside it.
  const changed = (next?: Case) => {
    if (next) found.set(next)
    else found.reload()
    setVersion((v) => v + 1)
  }

  const shortcuts: Shortcut[] = [
    { key: 'r', description: 'Write a reply', run: () => conversation.current?.focus('public') },
    { key: 'n', description: 'Write an internal note', run: () => conversation.current?.focus('internal') },
    { key: 'e', description: 'Resolve the case', run: () => statusActions.current?.resolve() },
    { key: 'u', description: 'Back to the queue', run: () => navigate('/service') },
    { key: '?', description: 'Show these shortcuts', run: () => setHelp(true) },
  ]
  useShortcuts(shortcuts)

  if (!c) {
    return (
      <>
        <p className="back-link">
          <Link href="/service">← Queues</Link>
        </p>
        {found.loading ? (
          <p className="muted">Loading the case…</p>
        ) : (
          <EmptyState title="This case is not here">
            <p>
              {found.error ?? 'It may have been removed.'} <Link href="/service">Back to the queues</Link>.
            </p>
          </EmptyState>
        )}
      </>
    )
  }

  const customerId = c.requester.customerId
  const requester = c.requester.customerName ?? c.requester.department ?? 'Unknown requester'
  return (
    <>
      <p className="back-link">
        <Link href="/service">← Queues</Link>
      </p>
      <PageHeader
        title={`#${c.number} ${c.subject}`}
        description={`${requester} · ${CHANNEL_LABELS[c.channel]}${c.category ? ` · ${c.category}` : ''}`}
        actions={
          <>
            <PriorityBadge priority={c.priority} />
            <StatusBadge status={c.status} />
          </>
        }
      />
      {c.mergedIntoId && (
        <p className="notice" role="note">
          This case was merged into <Link href={`/service/cases/${c.mergedIntoId}`}>another case</Link>.
        </p>
      )}
      {canWrite && <CaseStatusActions ref={statusActions} kase={c} onChanged={changed} />}
      <div className="case-layout">
        <div className="case-main">
          {c.description && (
            <section className="card" aria-label="Description">
              <p className="case-description">{c.description}</p>
            </section>
          )}
          <Conversation ref={conversation} kase={c} canWrite={canWrite} onPosted={() => changed()} />
          <CaseHistory caseId={c.id} refreshKey={`${version}:${c.updatedAt}`} />
        </div>
        <div className="case-side">
          <CaseSlaCard kase={c} />
          <PlaybookCard caseId={c.id} category={c.category} canWrite={canWrite} onChanged={() => changed()} />
          <CaseDetailsCard kase={c} canWrite={canWrite} onChanged={changed} />
          {customerId && <CustomerPanel customerId={customerId} caseId={c.id} refreshKey={c.updatedAt} />}
          {customerId && canWrite && (
            <GoodwillCard customerId={customerId} caseId={c.id} onGranted={() => changed()} />
          )}
          {canWrite && <CallbackCard kase={c} onBooked={() => changed()} />}
          {canWrite && <MergeCard kase={c} onMerged={changed} />}
          {customerId && (
            <div className="case-customer-timeline">
              <CustomerTimeline customerId={customerId} canWrite={false} refreshKey={c.updatedAt} />
            </div>
          )}
        </div>
      </div>
      {help && <ShortcutsHelp shortcuts={shortcuts} onClose={() => setHelp(false)} />}
    </>
  )
}
