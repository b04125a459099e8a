import { IANAZone } from 'luxon'
import { z } from 'zod'

export const LIFECYCLE_STAGES = ['lead', 'prospect', 'customer', 'churned'] as const
export const LifecycleStage = z.enum(LIFECYCLE_STAGES)
export const CustomerKind = z.enum(['person', 'organisation'])

export const CustomerEmail = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((e) => e.toLowerCase())

/** Phones are stored as `+` and digits so that "+49 (30) 123-4" and "+49301234" are one number. */
export const normalisePhone = (raw: string) => raw.trim().replace(/(?!^\+)\D/g, '')
export const CustomerPhone = z
  .string()
  .trim()
  .max(40)
  .transform(normalisePhone)
  .pipe(z.string().regex(/^\+?\d{3,20}$/, 'a phone number: digits, optionally a leading +'))

export const CountryCode = z
  .string()
  .trim()
  .transform((c) => c.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code, e.g. DE'))
export const LanguageTag = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a language tag such as en, de or pt-BR')
export const TimeZone = z
  .string()
  .trim()
  .refine((tz) => IANAZone.isValidZone(tz), 'an IANA time zone such as Europe/Berlin')
const Tag = z.string().trim().min(1).max(60)
export const ExternalId = z.string().trim().min(1).max(200)
export const Money = z.string().describe('Exact decimal amount in the workspace currency, e.g. "129.90"')

const profileFields = {
  externalId: ExternalId.nullable(),
  kind: CustomerKind,
  name: z.string().trim().min(1).max(300),
  organisationId: z.uuid().nullable().describe('The organisation a person belongs to (as a contact)'),
  emails: z.array(CustomerEmail).max(20),
  phones: z.array(CustomerPhone).max(20),
  country: CountryCode.nullable(),
  language: LanguageTag.nullable(),
  timezone: TimeZone.nullable(),
  lifecycleStage: LifecycleStage,
  tags: z.array(Tag).max(50),
  ownerId: z.uuid().nullable().describe('The user who owns the relationship (key-account owner)'),
  tier: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .nullable()
    .describe('Value tier; set here by hand until the value engine sets it'),
  attributes: z
    .record(z.string(), z.unknown())
    .describe('Custom attributes, validated against their definitions'),
}

export const CreateCustomerInput = z.object({
  ...profileFields,
  externalId: profileFields.externalId.optional(),
  kind: profileFields.kind.default('person'),
  organisationId: profileFields.organisationId.optional(),
  emails: profileFields.emails.default([]),
  phones: profileFields.phones.default([]),
  country: profileFields.country.optional(),
  language: profileFields.language.optional(),
  timezone: profileFields.timezone.optional(),
  lifecycleStage: profileFields.lifecycleStage.default('customer'),
  tags: profileFields.tags.default([]),
  ownerId: profileFields.ownerId.optional(),
  tier: profileFields.tier.optional(),
  attributes: profileFields.attributes.default({}),
})
export type CreateCustomerInput = z.input<typeof CreateCustomerInput>

export const UpdateCustomerInput = z
  .object(profileFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change')
export type UpdateCustomerInput = z.input<typeof UpdateCustomerInput>

export const CustomerView = z.object({
  id: z.uuid(),
  externalId: z.string().nullable(),
  kind: CustomerKind,
  name: z.string(),
  organisationId: z.uuid().nullable(),
  organisationName: z.string().nullable(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  country: z.string().nullable(),
  language: z.string().nullable(),
  timezone: z.string().nullable(),
  lifecycleStage: LifecycleStage,
  tags: z.array(z.string()),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  tier: z.string().nullable(),
  tierSource: z.enum(['manual', 'value']).nullable(),
  attributes: z.record(z.string(), z.unknown()),
  revenue: Money.describe('Completed purchases, net of refunded lines'),
  refunds: Money.describe('Refunded purchase lines'),
  ordersCount: z.number().int().describe('Completed purchase lines'),
  firstPurchaseAt: z.date().nullable(),
  lastPurchaseAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
})
export type CustomerView = z.infer<typeof CustomerView>
