import type { Role, User } from '../../api/index.js'
import { capitalize } from '../../ui/format.js'

interface UserRowProps {
  user: User
  isMe: boolean
  canWrite: boolean
  roles: Role[]
  busy: boolean
  onRoleChange: (user: User, role: Role) => void
  onDeactivate: (user: User) => void
  onReactivate: (user: User) => void
}

export function UserRow({
  user,
  isMe,
  canWrite,
  roles,
  busy,
  onRoleChange,
  onDeactivate,
  onReactivate,
}: UserRowProps) {
  // The server refuses changes to users above one's own role, and changing oneself is a footgun.
  const editable = canWrite && !isMe && roles.includes(user.role)
  return (
    <tr className={user.active ? undefined : 'row-muted'}>
      <th scope="row">
        <span className="cell-title">
          {user.name}
          {isMe && <span className="badge badge-accent">you</span>}
        </span>
      </th>
      <td data-label="Email">{user.email}</td>
      <td data-label="Role">
        {editable ? (
          <select
            className="input input-compact"
            aria-label={`Role of ${user.name}`}
            value={user.role}
            disabled={busy}
            onChange={(e) => onRoleChange(user, e.target.value as Role)}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {capitalize(r)}
              </option>
            ))}
          </select>
        ) : (
          capitalize(user.role)
        )}
      </td>
      <td data-label="Status">
        <span className={user.active ? 'badge badge-success' : 'badge badge-neutral'}>
          {user.active ? 'active' : 'inactive'}
        </span>
      </td>
      {canWrite && (
        <td className="actions-col">
          {editable &&
            (user.active ? (
              <button
                type="button"
                className="button button-small button-danger-quiet"
                disabled={busy}
                aria-label={`Deactivate ${user.name}`}
                onClick={() => onDeactivate(user)}
              >
                Deactivate
              </button>
            ) : (
              <button
                type="button"
                className="button button-small"
                disabled={busy}
                aria-label={`Reactivate ${user.name}`}
                onClick={() => onReactivate(user)}
              >
                Reactivate
              </button>
            ))}
        </td>
      )}
    </tr>
  )
}
