// SQL over one staged row `s` (all text): the shapes validation accepts, and the typed values the
// write takes from them. Validation and write read the same definitions, so a value that passes
// validation always casts; a failed cast would abort the whole statement.

/** Decimal money: up to 16 digits and 2 decimals, no sign, no thousands separators. */
export const DECIMAL = String.raw`'^\d{1,16}(\.\d{0,2})?$'`

const YEAR = '(19|20|21)\\d\\d'
const MONTH = '(0[1-9]|1[0-2])'
const DAY = '(0[1-9]|[12]\\d|3[01])'
const TIME = String.raw`[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?( ?([Zz]|[+-]([01]\d|2[0-3])(:?[0-5]\d)?))?`
const ISO = `'^${YEAR}-${MONTH}-${DAY}(${TIME})?$'`
const BASIC = `'^${YEAR}${MONTH}${DAY}$'`

/** The 29th to 31st exist only in some months; the regex cannot tell, the calendar can. */
const dayFits = (y: string, m: string, d: string) =>
  `(${d})::int <= extract(day FROM make_date((${y})::int, (${m})::int, 1) + interval '1 month - 1 day')`

/**
 * True when `col` is not a date or timestamp we read: ISO 8601 (`2026-11-23`, `2026-11-23 10:00`,
 * `2026-11-23T10:00:00.5+01:00`, `...Z`) or a basic date (`20261123`, as in CDNOW). The time of
 * day is optional; without an offset, it is read in the workspace time zone.
 */
export const badTimestamp = (col: string) =>
  `(${col} IS NOT NULL AND CASE WHEN ${col} ~ ${ISO} THEN substr(${col}, 9, 2) > '28' AND NOT ${dayFits(`substr(${col}, 1, 4)`, `substr(${col}, 6, 2)`, `substr(${col}, 9, 2)`)}
    WHEN ${col} ~ ${BASIC} THEN substr(${col}, 7, 2) > '28' AND NOT ${dayFits(`substr(${col}, 1, 4)`, `substr(${col}, 5, 2)`, `substr(${col}, 7, 2)`)}
    ELSE true END)`

/** Valid values only: the write runs with TimeZone set to the workspace's, which reads offset-less values. */
export const timestampValue = (col: string) => `(${col})::timestamptz`

export const STATUS_SYNONYMS = {
  completed: [
    'completed',
    'complete',
    'paid',
    'succeeded',
    'success',
    'successful',
    'fulfilled',
    'captured',
    'settled',
    'closed',
    'done',
    'shipped',
    'delivered',
  ],
  refunded: ['refunded', 'refund', 'returned', 'reversed', 'chargeback', 'charged_back'],
} as const

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ')

/** The canonical spellings are checked first: most rows never reach lower(). */
export const badStatus = (col: string) =>
  `${col} NOT IN ('completed', 'refunded') AND lower(${col}) NOT IN (${list([...STATUS_SYNONYMS.completed, ...STATUS_SYNONYMS.refunded])})`

export const statusValue = (col: string) =>
  `(CASE WHEN lower(${col}) IN (${list(STATUS_SYNONYMS.refunded)}) THEN 'refunded' ELSE 'completed' END)`

/** A positive whole number below 2^31. */
export const badQuantity = (col: string) => String.raw`${col} !~ '^\+?0*[1-9]\d{0,8}$'`

const EMAIL = String.raw`[^@\s;,]+@[^@\s;,]+\.[^@\s;,]+`
/** One address, or several separated by `;`. */
export const badEmails = (col: string) =>
  String.raw`(length(${col}) > 2000 OR lower(${col}) !~ '^${EMAIL}(\s*;\s*${EMAIL})*\s*;?$')`

export const emailsValue = (col: string) =>
  `(CASE WHEN ${col} IS NULL THEN '{}'::text[] WHEN strpos(${col}, ';') = 0 THEN ARRAY[lower(${col})]
    ELSE ARRAY(SELECT lower(btrim(e)) FROM unnest(string_to_array(${col}, ';')) e WHERE btrim(e) <> '') END)`

/** Phones are kept as `+` and digits, like the customers module stores them. */
const phoneDigits = (p: string) =>
  `(CASE WHEN left(${p}, 1) = '+' THEN '+' ELSE '' END || regexp_replace(${p}, '\\D', '', 'g'))`
const PHONE = String.raw`'^\+?\d{3,20}$'`

export const badPhones = (col: string) =>
  `(CASE WHEN strpos(${col}, ';') = 0 THEN ${phoneDigits(col)} !~ ${PHONE}
    ELSE length(${col}) > 1000 OR EXISTS (SELECT 1 FROM unnest(string_to_array(${col}, ';')) p
      WHERE btrim(p) <> '' AND ${phoneDigits('btrim(p)')} !~ ${PHONE}) END)`

export const phonesValue = (col: string) =>
  `(CASE WHEN ${col} IS NULL THEN '{}'::text[] WHEN strpos(${col}, ';') = 0 THEN ARRAY[${phoneDigits(col)}]
    ELSE ARRAY(SELECT ${phoneDigits('btrim(p)')} FROM unnest(string_to_array(${col}, ';')) p WHERE btrim(p) <> '') END)`

/** `en`, `pt-BR`, also written `pt_br` or `PT-br`. */
export const badLanguage = (col: string) => `${col} !~* '^[a-z]{2,3}([-_][a-z]{2})?$'`

export const languageValue = (col: string) =>
  `(lower(left(${col}, strpos(translate(${col}, '_', '-') || '-', '-') - 1)) ||
    CASE WHEN strpos(translate(${col}, '_', '-'), '-') > 0
      THEN '-' || upper(substr(${col}, strpos(translate(${col}, '_', '-'), '-') + 1)) ELSE '' END)`

/** Zone names PostgreSQL knows, without its legacy copies (posix/, right/) and placeholders. */
export const badTimezone = (col: string) =>
  `${col} NOT IN (SELECT name FROM pg_timezone_names
    WHERE name !~ '^(posix|right)/' AND name NOT IN ('Factory', 'localtime', 'posixrules'))`
