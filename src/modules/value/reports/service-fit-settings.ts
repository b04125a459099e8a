import { z } from 'zod'

/**
 * Thresholds of the service-fit report. Over-served: cost-to-serve above `overServedShare` of the
 * customer's gross margin. Under-served: a customer in one of `underServedTiers` with no purchase
 * for `inactiveDays` days (or a signal from another module, see service-fit-signals.ts).
 */
export const ServiceFitSettings = z.object({
  overServedShare: z
    .number()
    .min(0)
    .max(100)
    .default(0.5)
    .describe('Cost-to-serve above this share of gross margin is over-serving (0.5 = half)'),
  underServedTiers: z
    .array(z.string().trim().min(1).max(40))
    .max(10)
    .default(['platinum', 'gold'])
    .describe('Tiers whose customers deserve attention'),
  inactiveDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .default(90)
    .describe('Days without a purchase after which a valuable customer counts as under-served'),
})
export type ServiceFitSettings = z.infer<typeof ServiceFitSettings>

export const DEFAULT_SERVICE_FIT: ServiceFitSettings = {
  overServedShare: 0.5,
  underServedTiers: ['platinum', 'gold'],
  inactiveDays: 90,
}
