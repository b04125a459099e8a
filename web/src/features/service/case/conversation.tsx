import { type FormEvent, type Ref, useCallback, useImperativeHandle, useRef, useState } from 'react'
import {
  type Case,
  type CaseMessage,
  errorMessage,
  listCaseMessages,
  postCaseMessage,
} from '../../../api/index.js'
import { sentence } from '../../../ui/format.js'
import { ListFooter } from '../../../ui/list-footer.js'
import { useAnnounce } from '../../../ui/status.js'
import { usePagedList } from '../../../ui/use-paged-list.js'
import { useWorkspaceFormat } from '../../../ui/use-workspace-format.js'
import { MacroPicker } from './macro-picker.js'

export interface ConversationHandle {
  focus: (visibility: 'public' | 'internal') => void
}

type Visibility = 'public' | 'internal'

function authorOf(m: CaseMessage): string {
  if (m.author === 'customer') return 'Customer'
  if (m.author === 'system') return 'System'
  return m.authorName ?? 'Agent'
}

/** Public replies, customer messages and internal notes, oldest first, with the composer below. */
export function Conversation({
  kase: c,
  canWrite,
  onPosted,
  ref,
}: {
  kase: Case
  canWrite: boolean
  onPosted: () => void
  ref?: Ref<ConversationHandle>
}) {
  const f = useWorkspaceFormat()
  const announce = useAnnounce()
  const fetchPage = useCallback(
    (cursor: string | undefined) => listCaseMessages(c.id, { cursor, limit: 50 }),
    [c.id],
  )
  const messages = usePagedList<CaseMessage>(fetchPage, c.id)
  const [visibility, setVisibility] = useState<Visibility>('public')
  const [text, setText] = useState('')
  const [macroId, setMacroId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const textarea = useRef<HTMLTextAreaElement>(null)

  useImperativeHandle(ref, () => ({
    focus: (v) => {
      setVisibility(v)
      textarea.current?.focus()
    },
  }))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!text.trim()) {
      setError(visibility === 'public' ? 'Write the reply first.' : 'Write the note first.')
      return
    }
    setBusy(true)
    setError(null)
    try {
      await postCaseMessage(c.id, { visibility, body: text.trim(), ...(macroId ? { macroId } : {}) })
      setText('')
      setMacroId(null)
      announce(visibility === 'public' ? 'The reply has been sent.' : 'The note has been added.')
      messages.reload()
      onPosted()
    } catch (err) {
      setError(sentence(errorMessage(err)))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="section" aria-labelledby="conversation-title">
      <div className="section-header">
        <h2 id="conversation-title">Conversation</h2>
      </div>
      <ol className="conversation" aria-label="Messages">
        {messages.items.map((m) => (
          <li key={m.id} className={`message message-${m.visibility} message-${m.author}`}>
            <div className="message-meta">
              <strong>{authorOf(m)}</strong>
              <span className={`badge ${m.visibility === 'internal' ? 'badge-accent' : 'badge-neutral'}`}>
                {m.visibility === 'internal'
                  ? 'Internal note'
                  : m.author === 'customer'
                    ? 'Message'
                    : 'Reply'}
              </span>
              <time dateTime={m.createdAt}>{f.dateTime(m.createdAt)}</time>
            </div>
            <p className="message-body">{m.body}</p>
          </li>
        ))}
      </ol>
      {!messages.loading && !messages.error && messages.items.length === 0 && (
        <p className="muted">No messages yet. The first reply stops the first-response clock.</p>
      )}
      <ListFooter
        loading={messages.loading}
        error={messages.error}
        hasMore={messages.hasMore}
        onLoadMore={messages.loadMore}
      />
      {canWrite && (
        <form className="composer" onSubmit={submit} noValidate aria-label="Write to the case">
          <div className="composer-head">
            <fieldset className="segmented">
              <legend className="visually-hidden">Kind of message</legend>
              <button
                type="button"
                className="segmented-item"
                aria-pressed={visibility === 'public'}
                aria-keyshortcuts="r"
                onClick={() => setVisibility('public')}
              >
                Reply
              </button>
              <button
                type="button"
                className="segmented-item"
                aria-pressed={visibility === 'internal'}
                aria-keyshortcuts="n"
                onClick={() => setVisibility('internal')}
              >
                Internal note
              </button>
            </fieldset>
            <MacroPicker
              caseId={c.id}
              category={c.category}
              onPicked={(macro) => {
                setMacroId(macro.id)
                setVisibility(macro.visibility)
                setText(macro.body)
                textarea.current?.focus()
              }}
            />
          </div>
          <label htmlFor="composer-text" className="visually-hidden">
            {visibility === 'public' ? 'Reply to the customer' : 'Internal note'}
          </label>
          <textarea
            ref={textarea}
            id="composer-text"
            className="input textarea"
            rows={5}
            maxLength={50_000}
            placeholder={
              visibility === 'public'
                ? 'Reply to the customer (they will see this)'
                : 'A note for colleagues only'
            }
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'composer-error' : undefined}
          />
          {error && (
            <p id="composer-error" className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? 'Sending…' : visibility === 'public' ? 'Send reply' : 'Add note'}
            </button>
            {macroId && <span className="muted">From a macro</span>}
          </div>
        </form>
      )}
    </section>
  )
}
