import { type FormEvent, useEffect, useState } from 'react'
import {
  ApiError,
  errorMessage,
  getTierRules,
  getValueSummary,
  recomputeTiers,
  saveTierRules,
  TIER_BASES,
  type TierBasis,
  type TierRules,
} from '../../api/index.js'
import { useSession } from '../../session.js'
import { SelectField } from '../../ui/field.js'
import { capitalize, sentence } from '../../ui/format.js'
import { useAnnounce } from '../../ui/status.js'
import { useResource } from '../../ui/use-resource.js'
import { useWorkspaceFormat } from '../../ui/use-workspace-format.js'

const BASIS_LABELS: Record<TierBasis, string> = {
  clv: 'Predicted CLV',
  predicted_margin: 'Predicted gross margin',
  predicted_net_profit: 'Predicted net profit',
  revenue: 'Revenue so far',
  net_profit: 'Net profit so far',
}

interface Row {
  key: number
  name: string
  percent: string
}

/** /value/tiers: the rules that give tiers (best first, each a share of the ranked customers). */
export function TierRulesPage() {
  const { can } = useSession()
  const f = useWorkspaceFormat()
  const announce = useAnnounce()
  const rules = useResource(getTierRules, 'tier-rules')
  const summary = useResource(getValueSummary, 'value-summary')
  const canEdit = can('value:configure')
  const [basis, setBasis] = useState<TierBasis>('clv')
  const [rows, setRows] = useState<Row[]>([])
  const [manualWins, setManualWins] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const r = rules.data
    if (!r) return
    setBasis(r.basis)
    setManualWins(r.manualTiersWin)
    setRows(r.tiers.map((t, i) => ({ key: i, name: t.name, percent: String(t.percent) })))
  }, [rules.data])

  const total = rows.reduce((s, r) => s + (Number(r.percent) || 0), 0)
  const change = (key: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)))

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const body: TierRules = {
      basis,
      manualTiersWin: manualWins,
      tiers: rows.map((r) => ({ name: r.name.trim().toLowerCase(), percent: Number(r.percent) })),
    }
    try {
      const saved = await saveTierRules(body)
      rules.set(saved.rules)
      summary.reload()
      announce(`Tier rules saved; ${f.number(saved.tierChanges)} customers changed tier.`)
    } catch (err) {
      const issues = err instanceof ApiError ? err.errors : undefined
      setError(
        issues?.length ? issues.map((i) => sentence(i.message)).join(' ') : sentence(errorMessage(err)),
      )
    } finally {
      setBusy(false)
    }
  }

  const recompute = async () => {
    setBusy(true)
    setError(null)
    try {
      const { tierChanges } = await recomputeTiers()
      summary.reload()
      announce(`Tiers recomputed; ${f.number(tierChanges)} customers changed tier.`)
    } catch (err) {
      setError(sentence(errorMessage(err)))
    } finally {
      setBusy(false)
    }
  }

  if (!rules.data) return <p className="muted">{rules.error ?? 'Loading…'}</p>
  return (
    <>
      <form className="card form tier-form" onSubmit={save} noValidate aria-labelledby="tiers-title">
        <h2 id="tiers-title" className="form-title">
          Tier rules
        </h2>
        <p className="muted">
          Customers are ranked by the basis, highest first, and fill the tiers in order; each tier takes its
          share of the scored customers. The shares add up to 100%.
        </p>
        <SelectField
          label="Rank customers by"
          value={basis}
          disabled={!canEdit}
          onChange={(e) => setBasis(e.target.value as TierBasis)}
        >
          {TIER_BASES.map((b) => (
            <option key={b} value={b}>
              {BASIS_LABELS[b]}
            </option>
          ))}
        </SelectField>
        <div className="table-wrap">
          <table className="table tier-table">
            <caption className="visually-hidden">Tiers, best first</caption>
            <thead>
              <tr>
                <th scope="col">Tier</th>
                <th scope="col" className="numeric">
                  Share (%)
                </th>
                {canEdit && (
                  <th scope="col" className="actions-col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.key}>
                  <td>
                    <input
                      className="input input-compact"
                      aria-label={`Name of tier ${i + 1}`}
                      value={r.name}
                      readOnly={!canEdit}
                      onChange={(e) => change(r.key, { name: e.target.value })}
                    />
                  </td>
                  <td className="numeric">
                    <input
                      className="input input-compact tier-percent"
                      aria-label={`Share of tier ${i + 1} (%)`}
                      inputMode="decimal"
                      value={r.percent}
                      readOnly={!canEdit}
                      onChange={(e) => change(r.key, { percent: e.target.value })}
                    />
                  </td>
                  {canEdit && (
                    <td className="actions-col">
                      <button
                        type="button"
                        className="button button-quiet button-small"
                        disabled={rows.length <= 1}
                        aria-label={`Remove tier ${r.name || i + 1}`}
                        onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                      >
                        Remove
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td className="numeric">{Math.round(total * 100) / 100}%</td>
                {canEdit && <td />}
              </tr>
            </tfoot>
          </table>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={manualWins}
            disabled={!canEdit}
            onChange={(e) => setManualWins(e.target.checked)}
          />{' '}
          A tier set by hand stays until someone clears it
        </label>
        {error && (
          <p className="inline-error" role="alert">
            {error}
          </p>
        )}
        {canEdit && (
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={busy || rows.length >= 10}
              onClick={() =>
                setRows((rs) => [
                  ...rs,
                  { key: Math.max(0, ...rs.map((r) => r.key)) + 1, name: '', percent: '' },
                ])
              }
            >
              Add tier
            </button>
            <button type="submit" className="button button-primary" disabled={busy}>
              Save and re-tier
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void recompute()}>
              Recompute tiers
            </button>
          </div>
        )}
      </form>
      {summary.data && summary.data.tiers.length > 0 && (
        <section className="section" aria-labelledby="tier-counts-title">
          <div className="section-header">
            <h2 id="tier-counts-title">Customers per tier</h2>
          </div>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Scored customers and CLV per tier</caption>
              <thead>
                <tr>
                  <th scope="col">Tier</th>
                  <th scope="col" className="numeric">
                    Customers
                  </th>
                  <th scope="col" className="numeric">
                    CLV
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.data.tiers.map((t) => (
                  <tr key={t.tier ?? '-'}>
                    <th scope="row">{t.tier ? capitalize(t.tier) : 'No tier'}</th>
                    <td className="numeric">{f.number(t.customers)}</td>
                    <td className="numeric">{f.money(t.clv)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  )
}
