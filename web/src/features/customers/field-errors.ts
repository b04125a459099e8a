import { ApiError, errorMessage } from '../../api/index.js'
import { sentence } from '../../ui/format.js'

export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>
  form: string | null
}

/**
 * Maps a refusal onto the named fields (`body.emails.0` → emails); what names no field becomes
 * the form's error. `aliases` maps error codes to the field they are about.
 */
export function splitFieldErrors<F extends string>(
  err: unknown,
  fields: readonly F[],
  aliases: Record<string, F> = {},
): FormErrors<F> {
  if (!(err instanceof ApiError)) return { fields: {}, form: sentence(errorMessage(err)) }
  const out: Partial<Record<F, string>> = {}
  for (const issue of err.errors) {
    const path = issue.path.replace(/^body\./, '')
    const field = fields.find((f) => path === f || path.startsWith(`${f}.`))
    if (field && !out[field]) out[field] = sentence(issue.message)
  }
  const alias = aliases[err.code]
  if (alias && !out[alias]) out[alias] = sentence(err.detail)
  return { fields: out, form: Object.keys(out).length ? null : sentence(err.detail) }
}
