import { useCallback, useRef, useState } from 'react'
import {
  deactivateUser,
  errorMessage,
  listUsers,
  type Role,
  reactivateUser,
  type User,
  updateUser,
} from '../../api/index.js'
import { useSession } from '../../session.js'
import { useConfirm } from '../../ui/confirm-dialog.js'
import { ListFooter } from '../../ui/list-footer.js'
import { useAnnounce } from '../../ui/status.js'
import { usePagedList } from '../../ui/use-paged-list.js'
import { NewUserForm } from './new-user-form.js'
import { assignableRoles } from './role-labels.js'
import { UserRow } from './user-row.js'

/** Workspace members: list, create, change role, deactivate and reactivate. */
export function UsersPage() {
  const { me, can } = useSession()
  const announce = useAnnounce()
  const { confirm, dialog } = useConfirm()
  const fetchPage = useCallback(
    (cursor: string | undefined) => listUsers({ cursor, limit: 50, sort: 'name' }),
    [],
  )
  const list = usePagedList<User>(fetchPage)
  const [creating, setCreating] = useState(false)
  const [busyId, setBusyId] = useState<string | null>(null)
  const newButton = useRef<HTMLButtonElement>(null)
  const canWrite = can('users:write')
  const roles = assignableRoles(me.role)

  const run = async (user: User, action: () => Promise<User>, done: (u: User) => string) => {
    setBusyId(user.id)
    try {
      const updated = await action()
      list.upsert(updated)
      announce(done(updated))
    } catch (err) {
      announce(`Could not update ${user.name}: ${errorMessage(err)}`, 'error')
    } finally {
      setBusyId(null)
    }
  }

  const changeRole = (user: User, role: Role) =>
    run(
      user,
      () => updateUser(user.id, { role }),
      (u) => `${u.name} is now ${article(u.role)} ${u.role}.`,
    )

  const deactivate = async (user: User) => {
    const ok = await confirm({
      title: `Deactivate ${user.name}?`,
      body: `${user.name} (${user.email}) will be signed out and can no longer sign in. You can reactivate them later.`,
      confirmLabel: 'Deactivate',
    })
    if (ok)
      await run(
        user,
        () => deactivateUser(user.id),
        (u) => `${u.name} has been deactivated.`,
      )
  }

  const reactivate = (user: User) =>
    run(
      user,
      () => reactivateUser(user.id),
      (u) => `${u.name} has been reactivated.`,
    )

  const closeForm = () => {
    setCreating(false)
    requestAnimationFrame(() => newButton.current?.focus())
  }

  return (
    <section className="section" aria-labelledby="users-title">
      <div className="section-header">
        <div>
          <h2 id="users-title">Users</h2>
          <p className="muted">People who can sign in to this workspace, and what they may do.</p>
        </div>
        {canWrite && !creating && (
          <button
            ref={newButton}
            type="button"
            className="button button-primary"
            onClick={() => setCreating(true)}
          >
            New user
          </button>
        )}
      </div>
      {creating && (
        <NewUserForm
          roles={roles}
          onCancel={closeForm}
          onCreated={(user) => {
            list.upsert(user)
            announce(`${user.name} has been added as ${article(user.role)} ${user.role}.`)
            closeForm()
          }}
        />
      )}
      <div className="table-wrap">
        <table className="table table-stack">
          <caption className="visually-hidden">Users</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              {canWrite && (
                <th scope="col" className="actions-col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {list.items.map((user) => (
              <UserRow
                key={user.id}
                user={user}
                isMe={user.id === me.user?.id}
                canWrite={canWrite}
                roles={roles}
                busy={busyId === user.id}
                onRoleChange={changeRole}
                onDeactivate={deactivate}
                onReactivate={reactivate}
              />
            ))}
            {!list.loading && !list.error && list.items.length === 0 && (
              <tr>
                <td colSpan={canWrite ? 5 : 4} className="table-empty">
                  No users yet.
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

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a')
