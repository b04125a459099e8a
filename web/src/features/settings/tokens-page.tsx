import { useCallback, useRef, useState } from 'react'
import {
  type ApiToken,
  type CreatedApiToken,
  errorMessage,
  listTokens,
  revokeToken,
} from '../../api/index.js'
import { useSession } from '../../session.js'
import { useConfirm } from '../../ui/confirm-dialog.js'
import { ListFooter } from '../../ui/list-footer.js'
import { useAnnounce } from '../../ui/status.js'
import { usePagedList } from '../../ui/use-paged-list.js'
import { NewTokenForm } from './new-token-form.js'
import { assignableRoles } from './role-labels.js'
import { TokenRow } from './token-row.js'
import { TokenSecret } from './token-secret.js'

/** API tokens for scripts and integrations: list, create (secret shown once), revoke. */
export function TokensPage() {
  const { me, can } = useSession()
  const announce = useAnnounce()
  const { confirm, dialog } = useConfirm()
  const fetchPage = useCallback((cursor: string | undefined) => listTokens({ cursor, limit: 50 }), [])
  const list = usePagedList<ApiToken>(fetchPage)
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState<CreatedApiToken | null>(null)
  const [busyId, setBusyId] = useState<string | null>(null)
  const newButton = useRef<HTMLButtonElement>(null)
  const canWrite = can('tokens:write')

  const focusNewButton = () => requestAnimationFrame(() => newButton.current?.focus())

  const revoke = async (token: ApiToken) => {
    const ok = await confirm({
      title: `Revoke “${token.name}”?`,
      body: 'Anything that uses this token stops working at once. This cannot be undone.',
      confirmLabel: 'Revoke token',
    })
    if (!ok) return
    setBusyId(token.id)
    try {
      list.upsert(await revokeToken(token.id))
      announce(`Token “${token.name}” has been revoked.`)
    } catch (err) {
      announce(`Could not revoke “${token.name}”: ${errorMessage(err)}`, 'error')
    } finally {
      setBusyId(null)
    }
  }

  return (
    <section className="section" aria-labelledby="tokens-title">
      <div className="section-header">
        <div>
          <h2 id="tokens-title">API tokens</h2>
          <p className="muted">
            Tokens let scripts and integrations call the Centric API with a role of their own.
          </p>
        </div>
        {canWrite && !creating && !created && (
          <button
            ref={newButton}
            type="button"
            className="button button-primary"
            onClick={() => setCreating(true)}
          >
            New token
          </button>
        )}
      </div>
      {creating && (
        <NewTokenForm
          roles={assignableRoles(me.role)}
          onCancel={() => {
            setCreating(false)
            focusNewButton()
          }}
          onCreated={(token) => {
            const { token: _secret, ...view } = token
            list.upsert(view)
            setCreating(false)
            setCreated(token)
            announce(`Token “${token.name}” has been created. Copy its secret now.`)
          }}
        />
      )}
      {created && (
        <TokenSecret
          token={created}
          onDone={() => {
            setCreated(null)
            focusNewButton()
          }}
        />
      )}
      <div className="table-wrap">
        <table className="table table-stack">
          <caption className="visually-hidden">API tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Prefix</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              {canWrite && (
                <th scope="col" className="actions-col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {list.items.map((token) => (
              <TokenRow
                key={token.id}
                token={token}
                canWrite={canWrite}
                busy={busyId === token.id}
                onRevoke={revoke}
              />
            ))}
            {!list.loading && !list.error && list.items.length === 0 && (
              <tr>
                <td colSpan={canWrite ? 7 : 6} className="table-empty">
                  No API tokens yet.{canWrite && ' Create one to connect a script or an integration.'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <ListFooter
        loading={list.loading}
        error={list.error}
        hasMore={list.hasMore}
        onLoadMore={list.loadMore}
      />
      {dialog}
    </section>
  )
}
