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
        <>
          {/* Permissions down, roles across: six columns fit a laptop, and new permissions only add rows. */}
          <div className="table-wrap">
            <table className="table matrix">
              <caption className="visually-hidden">Permissions by role</caption>
              <thead>
                <tr>
                  <th scope="col">Permission</th>
                  {data.roles.map((role) => (
                    <th scope="col" key={role} className={role === me.role ? 'matrix-mine' : undefined}>
                      <span className="matrix-label">{capitalize(role)}</span>
                      {role === me.role && <span className="badge badge-accent">your role</span>}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.permissions.map((p) => (
                  <tr key={p}>
                    <th scope="row">
                      <span className="matrix-label">{permissionLabel(p)}</span>
                      <code className="matrix-code">{p}</code>
                    </th>
                    {data.roles.map((role) => (
                      <td key={role} className={role === me.role ? 'matrix-cell matrix-mine' : 'matrix-cell'}>
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
          <dl className="role-notes">
            {data.roles.map((role) => (
              <div key={role}>
                <dt>{capitalize(role)}</dt>
                <dd>{ROLE_DESCRIPTIONS[role] ?? ''}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  )
}
