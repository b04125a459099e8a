import type { ApiToken } from '../../api/index.js'
import { capitalize, formatDate, formatDateTime } from '../../ui/format.js'

function statusOf(token: ApiToken, now = Date.now()): 'active' | 'revoked' | 'expired' {
  if (token.revokedAt) return 'revoked'
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired'
  return 'active'
}

const BADGE = { active: 'badge badge-success', revoked: 'badge badge-danger', expired: 'badge badge-neutral' }

export function TokenRow({
  token,
  canWrite,
  busy,
  onRevoke,
}: {
  token: ApiToken
  canWrite: boolean
  busy: boolean
  onRevoke: (token: ApiToken) => void
}) {
  const status = statusOf(token)
  return (
    <tr className={status === 'active' ? undefined : 'row-muted'}>
      <th scope="row">
        <span className="cell-title">{token.name}</span>
      </th>
      <td data-label="Role">{capitalize(token.role)}</td>
      <td data-label="Prefix">
        <code className="code">{token.prefix}</code>
      </td>
      <td data-label="Created">
        <time dateTime={token.createdAt} title={formatDateTime(token.createdAt)}>
          {formatDate(token.createdAt)}
        </time>
      </td>
      <td data-label="Last used">
        {token.lastUsedAt ? (
          <time dateTime={token.lastUsedAt}>{formatDateTime(token.lastUsedAt)}</time>
        ) : (
          <span className="muted">Never</span>
        )}
      </td>
      <td data-label="Status">
        <span
          className={BADGE[status]}
          title={token.revokedAt ? `Revoked ${formatDateTime(token.revokedAt)}` : undefined}
        >
          {status}
        </span>
      </td>
      {canWrite && (
        <td className="actions-col">
          {status !== 'revoked' && (
            <button
              type="button"
              className="button button-small button-danger-quiet"
              disabled={busy}
              aria-label={`Revoke ${token.name}`}
              onClick={() => onRevoke(token)}
            >
              Revoke
            </button>
          )}
        </td>
      )}
    </tr>
  )
}
