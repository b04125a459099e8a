import { PERMISSIONS, ROLES } from '../../api/index.js'
import { useSession } from '../../session.js'
import { capitalize } from '../../ui/format.js'
import { PERMISSION_LABELS, PERMISSION_MATRIX, ROLE_DESCRIPTIONS } from './permission-matrix.js'

/** The permission matrix, read-only: roles are fixed, so this page explains rather than edits. */
export function RolesPage() {
  const { me } = useSession()
  return (
    <section className="section" aria-labelledby="roles-title">
      <div className="section-header">
        <div>
          <h2 id="roles-title">Roles</h2>
          <p className="muted">
            What each role may do. Roles are fixed; assign them to users and API tokens.
          </p>
        </div>
      </div>
      <div className="table-wrap">
        <table className="table matrix">
          <caption className="visually-hidden">Permissions by role</caption>
          <thead>
            <tr>
              <th scope="col">Role</th>
              {PERMISSIONS.map((p) => (
                <th scope="col" key={p}>
                  <span className="matrix-label">{PERMISSION_LABELS[p]}</span>
                  <code className="matrix-code">{p}</code>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROLES.map((role) => (
              <tr key={role} className={role === me.role ? 'row-highlight' : undefined}>
                <th scope="row">
                  <span className="cell-title">
                    {capitalize(role)}
                    {role === me.role && <span className="badge badge-accent">your role</span>}
                  </span>
                  <span className="cell-sub">{ROLE_DESCRIPTIONS[role]}</span>
                </th>
                {PERMISSIONS.map((p) =>
                  PERMISSION_MATRIX[role].includes(p) ? (
                    <td key={p} className="matrix-cell">
                      <span className="check" aria-hidden="true">
                        ✓
                      </span>
                      <span className="visually-hidden">Allowed</span>
                    </td>
                  ) : (
                    <td key={p} className="matrix-cell">
                      <span className="dash" aria-hidden="true">
                        –
                      </span>
                      <span className="visually-hidden">Not allowed</span>
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
