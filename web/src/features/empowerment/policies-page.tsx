import { deletePolicy, listActionTypes, listPolicies } from '../../api/empowerment.api.js'
import { errorMessage } from '../../api/index.js'
import { useSession } from '../../session.js'
import { capitalize } from '../../ui/format.js'
import { useAnnounce } from '../../ui/status.js'
import { useResource } from '../../ui/use-resource.js'
import { useWorkspaceFormat } from '../../ui/use-workspace-format.js'
import { NewActionForm, NewPolicyForm } from './policy-forms.js'

/** Authority policies per role (and tier, category, stage) and the action types agents may grant. */
export function PoliciesPage() {
  const { can } = useSession()
  const fmt = useWorkspaceFormat()
  const announce = useAnnounce()
  const canEdit = can('empowerment:admin')
  const policies = useResource(listPolicies, 'policies')
  const actions = useResource(listActionTypes, 'actions')
  const remove = async (id: string, name: string) => {
    try {
      await deletePolicy(id)
      policies.reload()
      announce(`Policy “${name}” deleted.`)
    } catch (err) {
      announce(errorMessage(err), 'error')
    }
  }
  return (
    <div className="empowerment-policies">
      <section className="section" aria-labelledby="policies-title">
        <div className="section-header">
          <div>
            <h2 id="policies-title">Authority policies</h2>
            <p className="muted">
              What each role may grant without asking. Where several apply, the most generous wins; owners and
              admins without a policy have no limit.
            </p>
          </div>
        </div>
        <div className="table-wrap">
          <table className="table table-stack">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Per grant</th>
                <th scope="col">Per customer</th>
                <th scope="col">Per person a month</th>
                <th scope="col">Conditions</th>
                {canEdit && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {policies.data?.items.map((p) => (
                <tr key={p.id} className={p.active ? undefined : 'row-muted'}>
                  <th scope="row">{p.name}</th>
                  <td data-label="Role">{capitalize(p.role)}</td>
                  <td data-label="Per grant">{fmt.money(p.maxPerGrant)}</td>
                  <td data-label="Per customer">
                    {p.maxPerCustomer ? `${fmt.money(p.maxPerCustomer)} / ${p.customerPeriodDays} days` : '—'}
                  </td>
                  <td data-label="Per person a month">{fmt.money(p.maxPerAgentMonth)}</td>
                  <td data-label="Conditions">
                    {[
                      p.tiers.length ? `tiers ${p.tiers.join(', ')}` : '',
                      p.categories.length ? `categories ${p.categories.join(', ')}` : '',
                      p.stages.length ? `stages ${p.stages.join(', ')}` : '',
                    ]
                      .filter(Boolean)
                      .join('; ') || 'any customer'}
                  </td>
                  {canEdit && (
                    <td>
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => void remove(p.id, p.name)}
                      >
                        Delete
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {canEdit && <NewPolicyForm onCreated={policies.reload} />}
      </section>
      <section className="section" aria-labelledby="actions-title">
        <h2 id="actions-title">Action types</h2>
        <ul className="goodwill-list">
          {actions.data?.items.map((a) => (
            <li key={a.id}>
              <span>
                {a.name} <span className="muted">({a.kind.replace('_', ' ')})</span>
              </span>
              <strong>{a.costRule === 'fixed' ? fmt.money(a.fixedAmount) : 'amount entered'}</strong>
            </li>
          ))}
        </ul>
        {canEdit && <NewActionForm onCreated={actions.reload} />}
      </section>
    </div>
  )
}
