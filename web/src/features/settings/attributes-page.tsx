import { useState } from 'react'
import { type AttributeDefinition, deleteAttribute, errorMessage, listAttributes } from '../../api/index.js'
import { useSession } from '../../session.js'
import { useConfirm } from '../../ui/confirm-dialog.js'
import { useAnnounce } from '../../ui/status.js'
import { useResource } from '../../ui/use-resource.js'
import { AttributeForm, TYPE_LABELS } from './attribute-form.js'

/** Custom attributes every customer may carry: define, edit options and required, delete. */
export function AttributesPage() {
  const { can } = useSession()
  const announce = useAnnounce()
  const { confirm, dialog } = useConfirm()
  const attributes = useResource(listAttributes, 'attributes')
  const [editing, setEditing] = useState<AttributeDefinition | 'new' | null>(null)
  const canWrite = can('customers:configure')
  const items = attributes.data?.items ?? []

  const saved = (definition: AttributeDefinition, created: boolean) => {
    announce(`Attribute “${definition.label}” has been ${created ? 'created' : 'saved'}.`)
    setEditing(null)
    attributes.reload()
  }

  const remove = async (definition: AttributeDefinition) => {
    const ok = await confirm({
      title: `Delete “${definition.label}”?`,
      body: `Every customer loses their ${definition.label} value, and saved segments that filter on it stop working. This cannot be undone.`,
      confirmLabel: 'Delete attribute',
    })
    if (!ok) return
    try {
      await deleteAttribute(definition.id)
      announce(`Attribute “${definition.label}” has been deleted.`)
      attributes.reload()
    } catch (err) {
      announce(`Could not delete “${definition.label}”: ${errorMessage(err)}`, 'error')
    }
  }

  return (
    <section className="section" aria-labelledby="attributes-title">
      <div className="section-header">
        <div>
          <h2 id="attributes-title">Custom attributes</h2>
          <p className="muted">Fields of your own on every customer, checked against their type.</p>
        </div>
        {canWrite && editing === null && (
          <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
            New attribute
          </button>
        )}
      </div>
      {editing && (
        <AttributeForm
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing === 'new' ? undefined : editing}
          onCancel={() => setEditing(null)}
          onSaved={(d) => saved(d, editing === 'new')}
        />
      )}
      {attributes.error && (
        <p className="inline-error" role="alert">
          {attributes.error}
        </p>
      )}
      <div className="table-wrap">
        <table className="table table-stack">
          <caption className="visually-hidden">Custom attributes</caption>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Key</th>
              <th scope="col">Type</th>
              <th scope="col">Options</th>
              <th scope="col">Required</th>
              {canWrite && (
                <th scope="col" className="actions-col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.label}</th>
                <td data-label="Key">
                  <code className="code">{d.key}</code>
                </td>
                <td data-label="Type">{TYPE_LABELS[d.type]}</td>
                <td data-label="Options" className="wrap">
                  {d.options.length ? d.options.join(', ') : <span className="muted">—</span>}
                </td>
                <td data-label="Required">{d.required ? 'Yes' : 'No'}</td>
                {canWrite && (
                  <td className="actions-col">
                    <span className="button-row">
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`Edit ${d.label}`}
                        onClick={() => setEditing(d)}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="button button-small button-danger-quiet"
                        aria-label={`Delete ${d.label}`}
                        onClick={() => void remove(d)}
                      >
                        Delete
                      </button>
                    </span>
                  </td>
                )}
              </tr>
            ))}
            {!attributes.loading && !attributes.error && items.length === 0 && (
              <tr>
                <td colSpan={canWrite ? 6 : 5} className="table-empty">
                  No custom attributes yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {dialog}
    </section>
  )
}
