import { z } from 'zod'

/** What tiers rank customers by; each is a column of customer_values. */
export const TIER_BASES = [
  'clv',
  'predicted_margin',
  'predicted_net_profit',
  'revenue',
  'net_profit',
] as const
export type TierBasis = (typeof TIER_BASES)[number]

const TierName = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, - and _, e.g. "gold"')

/**
 * Value tier rules of a workspace: customers ranked by `basis` (highest first) fill the tiers in
 * order, each taking `percent` of the scored customers; the percents add up to 100. Equal values
 * are ordered by revenue, then by id, so each tier holds its share exactly.
 */
export const TierRules = z
  .object({
    basis: z.enum(TIER_BASES).default('clv').describe('What customers are ranked by, highest first'),
    tiers: z
      .array(
        z.object({
          name: TierName,
          percent: z.number().gt(0).max(100).describe('Share of scored customers, in percent'),
        }),
      )
      .min(1)
      .max(10)
      .describe('Best tier first'),
    manualTiersWin: z
      .boolean()
      .default(true)
      .describe('A tier set by hand stays until someone clears it; false lets the value engine replace it'),
  })
  .superRefine((rules, ctx) => {
    const total = rules.tiers.reduce((sum, t) => sum + t.percent, 0)
    if (Math.abs(total - 100) > 1e-6)
      ctx.addIssue({ code: 'custom', path: ['tiers'], message: `percents add up to ${total}, not 100` })
    const names = rules.tiers.map((t) => t.name)
    if (new Set(names).size !== names.length)
      ctx.addIssue({ code: 'custom', path: ['tiers'], message: 'tier names must be unique' })
  })
export type TierRules = z.infer<typeof TierRules>

export const DEFAULT_TIER_RULES: TierRules = {
  basis: 'clv',
  tiers: [
    { name: 'platinum', percent: 5 },
    { name: 'gold', percent: 15 },
    { name: 'silver', percent: 30 },
    { name: 'bronze', percent: 50 },
  ],
  manualTiersWin: true,
}

/** Upper bounds of each tier's rank fraction: platinum 0.05, gold 0.20, silver 0.50, bronze 1. */
export function tierBounds(rules: TierRules): { names: string[]; bounds: number[] } {
  let cumulative = 0
  const bounds = rules.tiers.map((t) => {
    cumulative += t.percent
    return cumulative / 100
  })
  bounds[bounds.length - 1] = Number.POSITIVE_INFINITY // rounding must never leave a customer out
  return { names: rules.tiers.map((t) => t.name), bounds }
}
