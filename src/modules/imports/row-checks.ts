import { COUNTRY_CODES } from './country-codes.js'
import type { ImportKind } from './import-columns.js'
import {
  badEmails,
  badLanguage,
  badPhones,
  badQuantity,
  badStatus,
  badTimestamp,
  badTimezone,
  DECIMAL,
  STATUS_SYNONYMS,
} from './stage-values.js'

/** One rule for one column of a staged row `s`; `bad` is SQL that is true for a value that breaks it. */
export interface RowCheck {
  column: string
  bad: string
  /** Said about a bad value; `reasonSql` (an expression over `b`, the row) when it depends on it. */
  reason: string
  reasonSql?: string
  /** Required-column rules apply even when the file lacks the column. */
  required?: boolean
}

const required = (column: string): RowCheck => ({
  column,
  bad: `s.${column} IS NULL`,
  reason: 'is required',
  required: true,
})
const maxLength = (column: string, max: number): RowCheck => ({
  column,
  bad: `length(s.${column}) > ${max}`,
  reason: `is longer than ${max} characters`,
})
const timestamp = (column: string): RowCheck => ({
  column,
  bad: badTimestamp(`s.${column}`),
  reason: 'is not a date: use ISO 8601 (2026-11-23, 2026-11-23 14:30, 2026-11-23T14:30:00+01:00) or 20261123',
})
/** One regex per value; which of the two reasons applies is decided for bad rows only. */
const decimal = (column: string): RowCheck => {
  const negative =
    column === 'amount'
      ? 'is negative: record a refund as the positive amount with status=refunded'
      : 'must not be negative'
  const malformed =
    'is not an amount: digits with at most 2 decimals and no thousands separators, e.g. 1234.50'
  return {
    column,
    bad: `s.${column} !~ ${DECIMAL}`,
    reason: malformed,
    reasonSql: `CASE WHEN left(b.${column}, 1) = '-' THEN '${negative}' ELSE '${malformed}' END`,
  }
}

const CUSTOMER_CHECKS: readonly RowCheck[] = [
  required('external_id'),
  maxLength('external_id', 200),
  maxLength('name', 300),
  maxLength('first_name', 150),
  maxLength('last_name', 150),
  {
    column: 'email',
    bad: badEmails('s.email'),
    reason: 'is not an email address (several: separate with ;)',
  },
  {
    column: 'phone',
    bad: badPhones('s.phone'),
    reason: 'is not a phone number: 3 to 20 digits, optionally a leading +',
  },
  {
    column: 'country',
    bad: `upper(s.country) NOT IN (${COUNTRY_CODES.map((c) => `'${c}'`).join(', ')})`,
    reason: 'is not an ISO 3166-1 alpha-2 country code, e.g. DE or US',
  },
  {
    column: 'language',
    bad: badLanguage('s.language'),
    reason: 'is not a language tag such as en, de or pt-BR',
  },
  {
    column: 'timezone',
    bad: badTimezone('s.timezone'),
    reason: 'is not an IANA time zone such as Europe/Berlin',
  },
  timestamp('created_at'),
]

function purchaseChecks(currency: string): RowCheck[] {
  return [
    required('external_id'),
    maxLength('external_id', 200),
    required('customer_external_id'),
    maxLength('customer_external_id', 200),
    required('occurred_at'),
    timestamp('occurred_at'),
    required('amount'),
    decimal('amount'),
    decimal('cost'),
    {
      column: 'currency',
      // The workspace's code comes from the database (3 capital letters), never from the file.
      // The exact comparison first: it settles most rows without upper().
      bad: `s.currency <> '${currency}' AND upper(s.currency) <> '${currency}'`,
      reason: `differs from the workspace currency ${currency}`,
    },
    maxLength('product_sku', 100),
    { column: 'quantity', bad: badQuantity('s.quantity'), reason: 'is not a positive whole number' },
    maxLength('channel', 60),
    {
      column: 'status',
      bad: badStatus('s.status'),
      reason: `is not completed or refunded (also accepted: ${[...STATUS_SYNONYMS.completed.slice(1), ...STATUS_SYNONYMS.refunded.slice(1)].join(', ')})`,
    },
  ]
}

/** The per-row rules of an import; rules that need other rows or tables live in validate-stage.ts. */
export function rowChecks(kind: ImportKind, workspace: { currency: string }): RowCheck[] {
  if (!/^[A-Z]{3}$/.test(workspace.currency)) throw new Error(`unexpected currency ${workspace.currency}`)
  return kind === 'customers' ? [...CUSTOMER_CHECKS] : purchaseChecks(workspace.currency)
}
