import { type RawBuilder, sql } from 'kysely'
import { z } from 'zod'
import type { Executor } from '../../../db/database.js'
import { isUuid } from '../../../db/ids.js'
import { decodeCursor, type Page, PageQuery, toPage } from '../../../shared/pagination.js'
import { readValueSettings } from '../value-settings.js'
import { underServedSignals } from './service-fit-signals.js'

const Money = z.string().describe('Exact decimal amount in the workspace currency')

export const ServiceFitQuery = z.object({
  ...PageQuery.shape,
  kind: z
    .enum(['over', 'under'])
    .default('over')
    .describe('over: cost-to-serve above a share of margin; under: valuable customers lacking service'),
  overServedShare: z.coerce.number().min(0).max(100).optional().describe('Overrides the workspace setting'),
  inactiveDays: z.coerce
    .number()
    .int()
    .min(1)
    .max(3650)
    .optional()
    .describe('Overrides the workspace setting'),
  tiers: z
    .string()
    .max(400)
    .optional()
    .describe('Comma-separated tiers for the under-served list; overrides the workspace setting'),
})

export const ServiceFitItem = z.object({
  customerId: z.uuid(),
  name: z.string(),
  externalId: z.string().nullable(),
  tier: z.string().nullable(),
  reasons: z.array(z.string()).describe('cost_above_share, negative_margin, inactive, or a module signal'),
  clv: Money,
  grossMargin: Money,
  costToServe: Money,
  netProfit: Money,
  costShare: z
    .number()
    .nullable()
    .describe('Cost-to-serve / gross margin; null when the margin is not positive'),
  pAlive: z.number(),
  lastPurchaseAt: z.date().nullable(),
})
export type ServiceFitItem = z.infer<typeof ServiceFitItem>

interface Row extends Omit<ServiceFitItem, 'costShare'> {
  sortKey: string
}

/**
 * The service-fit report, one page at a time. Over-served: cost-to-serve above the share of
 * gross margin (and above zero), worst excess first. Under-served: customers in the given tiers
 * with no purchase for `inactiveDays`, or named by another module's signal, highest CLV first.
 * Figures are the latest run's; the last purchase is live.
 */
export async function getServiceFit(
  db: Executor,
  workspaceId: string,
  query: z.infer<typeof ServiceFitQuery>,
): Promise<Page<ServiceFitItem>> {
  const { serviceFit } = await readValueSettings(db, workspaceId)
  const share = query.overServedShare ?? serviceFit.overServedShare
  const cursor = query.cursor ? decodeCursor(query.cursor, 2) : undefined
  if (
    cursor &&
    !(typeof cursor[0] === 'string' && /^-?\d+(\.\d+)?$/.test(cursor[0]) && isUuid(String(cursor[1])))
  ) {
    decodeCursor('', 2) // throws the usual INVALID_CURSOR
  }
  const after = (key: RawBuilder<unknown>) =>
    cursor ? sql`AND (${key}, v.customer_id) < (${cursor[0]}::numeric, ${cursor[1]}::uuid)` : sql``
  let rows: Row[]
  if (query.kind === 'over') {
    const excess = sql`(v.cost_to_serve - ${share}::numeric * v.gross_margin)`
    rows = (
      await sql<Row>`
        SELECT ${columns}, ${excess}::text AS "sortKey",
          array_remove(ARRAY['cost_above_share', CASE WHEN v.gross_margin <= 0 THEN 'negative_margin' END], NULL) AS reasons
        FROM customer_values v JOIN customers c ON c.workspace_id = v.workspace_id AND c.id = v.customer_id
        WHERE v.workspace_id = ${workspaceId} AND v.cost_to_serve > 0 AND ${excess} > 0 ${after(excess)}
        ORDER BY ${excess} DESC, v.customer_id DESC LIMIT ${query.limit + 1}`.execute(db)
    ).rows
  } else {
    const tiers = query.tiers
      ? query.tiers
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean)
      : serviceFit.underServedTiers
    const days = query.inactiveDays ?? serviceFit.inactiveDays
    const inactive = sql`coalesce(c.last_purchase_at, '-infinity') < now() - make_interval(days => ${days}::int)`
    const signals = underServedSignals()
    const joins = signals.map(
      (s, i) =>
        sql`LEFT JOIN (${s.customers(workspaceId)}) ${sql.id(`s${i}`)} ON ${sql.ref(`s${i}.customer_id`)} = v.customer_id`,
    )
    const flags = signals.map(
      (s, i) => sql`CASE WHEN ${sql.ref(`s${i}.customer_id`)} IS NOT NULL THEN ${s.reason} END`,
    )
    const any = [inactive, ...signals.map((_, i) => sql`${sql.ref(`s${i}.customer_id`)} IS NOT NULL`)]
    rows = (
      await sql<Row>`
        SELECT ${columns}, v.clv::text AS "sortKey",
          array_remove(ARRAY[CASE WHEN ${inactive} THEN 'inactive' END, ${sql.join([sql`NULL`, ...flags])}]::text[], NULL) AS reasons
        FROM customer_values v JOIN customers c ON c.workspace_id = v.workspace_id AND c.id = v.customer_id
        ${sql.join(joins, sql` `)}
        WHERE v.workspace_id = ${workspaceId} AND c.tier = ANY(${tiers}::text[])
          AND (${sql.join(any, sql` OR `)}) ${after(sql`v.clv`)}
        ORDER BY v.clv DESC, v.customer_id DESC LIMIT ${query.limit + 1}`.execute(db)
    ).rows
  }
  return toPage(
    rows,
    query.limit,
    (r) => [r.sortKey, r.customerId],
    ({ sortKey: _, ...item }) => ({
      ...item,
      costShare: Number(item.grossMargin) > 0 ? Number(item.costToServe) / Number(item.grossMargin) : null,
    }),
  )
}

const columns = sql`v.customer_id AS "customerId", c.name, c.external_id AS "externalId", c.tier,
  v.clv, v.gross_margin AS "grossMargin", v.cost_to_serve AS "costToServe", v.net_profit AS "netProfit",
  v.p_alive AS "pAlive", c.last_purchase_at AS "lastPurchaseAt"`
