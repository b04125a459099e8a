import { type FormEvent, useEffect, useRef, useState } from 'react'
import { createProduct, type Product } from '../../api/index.js'
import { TextField } from '../../ui/field.js'
import { type FormErrors, splitFieldErrors } from '../customers/field-errors.js'

const FIELDS = ['sku', 'name', 'category', 'listPrice', 'unitCost'] as const
type Field = (typeof FIELDS)[number]

const MONEY = /^\d{1,16}(\.\d{1,2})?$/

export function NewProductForm({
  onCreated,
  onCancel,
}: {
  onCreated: (product: Product) => void
  onCancel: () => void
}) {
  const [v, setV] = useState<Record<Field, string>>({
    sku: '',
    name: '',
    category: '',
    listPrice: '',
    unitCost: '',
  })
  const [errors, setErrors] = useState<FormErrors<Field>>({ fields: {}, form: null })
  const [busy, setBusy] = useState(false)
  const form = useRef<HTMLFormElement>(null)

  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('input')?.focus()
  }, [])

  const set = (field: Field) => (e: { target: { value: string } }) =>
    setV((p) => ({ ...p, [field]: e.target.value }))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const local: Partial<Record<Field, string>> = {}
    if (!v.sku.trim()) local.sku = 'Enter the SKU.'
    if (!v.name.trim()) local.name = 'Enter a name.'
    for (const f of ['listPrice', 'unitCost'] as const)
      if (v[f].trim() && !MONEY.test(v[f].trim())) local[f] = 'Enter an amount such as 19.90.'
    if (Object.keys(local).length) {
      setErrors({ fields: local, form: null })
      return
    }
    setBusy(true)
    setErrors({ fields: {}, form: null })
    const optional = (s: string) => (s.trim() ? s.trim() : undefined)
    try {
      onCreated(
        await createProduct({
          sku: v.sku.trim(),
          name: v.name.trim(),
          category: optional(v.category),
          listPrice: optional(v.listPrice),
          unitCost: optional(v.unitCost),
        }),
      )
    } catch (err) {
      setErrors(splitFieldErrors(err, FIELDS, { PRODUCT_SKU_TAKEN: 'sku' }))
      setBusy(false)
    }
  }

  const e = errors.fields
  return (
    <form ref={form} className="card form form-grid" onSubmit={submit} noValidate aria-label="New product">
      <h3 className="form-title">New product</h3>
      <TextField label="SKU" value={v.sku} onChange={set('sku')} error={e.sku} autoComplete="off" />
      <TextField label="Name" value={v.name} onChange={set('name')} error={e.name} autoComplete="off" />
      <TextField label="Category" value={v.category} onChange={set('category')} error={e.category} />
      <TextField
        label="List price"
        inputMode="decimal"
        value={v.listPrice}
        onChange={set('listPrice')}
        error={e.listPrice}
      />
      <TextField
        label="Unit cost"
        inputMode="decimal"
        value={v.unitCost}
        onChange={set('unitCost')}
        error={e.unitCost}
      />
      <div className="form-footer">
        <div aria-live="polite">{errors.form && <p className="inline-error">{errors.form}</p>}</div>
        <div className="button-row">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create product'}
          </button>
        </div>
      </div>
    </form>
  )
}
