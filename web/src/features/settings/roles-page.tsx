import { getRoles } from '../../api/index.js'
import { useSession } from '../../session.js'
import { capitalize } from '../../ui/format.js'
import { useResource } from '../../ui/use-resource.js'
import { permissionLabel, ROLE_DESCRIPTIONS } from './role-labels.js'

/** The permission matrix, read-only and as the server has it: roles are fixed, so this page explains. */
export function RolesPage() {
  const { me } = useSession()
  const roles = useResource(getRoles, 'roles')
  const data = roles.data
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
      {roles.error && (
        <p className="inline-error" role="alert">
          {roles.error}
        </p>
      )}
      {!data && roles.loading && <p className="muted">Loading…</p>}
      {data && (
        <div className="table-wrap">
          <table className="table matrix">
            <caption className="visually-hidden">Permissions by role</caption>
            <thead>
              <tr>
                <th scope="col">Role</th>
                {data.permissions.map((p) => (
                  <th scope="col" key={p}>
                    <span className="matrix-label">{permissionLabel(p)}</span>
                    <code className="matrix-code">{p}</code>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.roles.map((role) => (
                <tr key={role} className={role === me.role ? 'row-highlight' : undefined}>
                  <th scope="row">
                    <span className="cell-title">
                      {capitalize(role)}
                      {role === me.role && <span className="badge badge-accent">your role</span>}
                    </span>
                    <span className="cell-sub">{ROLE_DESCRIPTIONS[role] ?? ''}</span>
                  </th>
                  {data.permissions.map((p) => (
                    <td key={p} className="matrix-cell">
                      {data.matrix[role]?.includes(p) ? (
                        <>
                          <span className="check" aria-hidden="true">
                            ✓
                          </span>
                          <span className="visually-hidden">Allowed</span>
                        </>
                      ) : (
                        <>
                          <span className="dash" aria-hidden="true">
                            –
                          </span>
                          <span className="visually-hidden">Not allowed</span>
                        </>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
