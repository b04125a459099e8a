import type { Executor } from '../../../db/database.js'
import type { Actor } from '../../platform/index.js'
import { ServiceError } from '../service.errors.js'

/** The variables a macro may use, with what they stand for. */
export const MACRO_VARIABLES = {
  'customer.name': "The customer's name (or the requesting department)",
  'customer.firstName': "The first word of the customer's name",
  'case.number': 'The case number',
  'case.subject': 'The case subject',
  'agent.name': 'The name of the agent sending the reply',
  'workspace.name': 'The name of the company',
} as const
export type MacroVariable = keyof typeof MACRO_VARIABLES

const PLACEHOLDER = /\{\{\s*([a-zA-Z.]+)\s*\}\}/g

/** Refuses a template that names a variable outside {@link MACRO_VARIABLES} (400, at `path`). */
export function assertKnownVariables(template: string, path: string): void {
  const unknown = [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((v) => !(v in MACRO_VARIABLES))
  if (unknown.length === 0) return
  throw new ServiceError(
    'UNKNOWN_MACRO_VARIABLE',
    `unknown variable ${unknown.map((v) => `{{${v}}}`).join(', ')}`,
    {
      fields: [
        {
          path,
          message: `variables: ${Object.keys(MACRO_VARIABLES)
            .map((v) => `{{${v}}}`)
            .join(', ')}`,
        },
      ],
    },
  )
}

/** Fills `{{variable}}` placeholders; unknown ones stay as written (templates are checked on save). */
export function renderMacro(template: string, values: Record<MacroVariable, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    name in values ? values[name as MacroVariable] : whole,
  )
}

/** The variable values for one case and the agent acting on it. */
export async function macroValues(
  db: Executor,
  actor: Actor,
  c: { number: number; subject: string; customer_id: string | null; department: string | null },
): Promise<Record<MacroVariable, string>> {
  const ws = actor.workspaceId
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('customers')
        .select('name')
        .where('workspace_id', '=', ws)
        .where('id', '=', c.customer_id)
        .as('customer'),
      eb
        .selectFrom('users')
        .select('name')
        .where('workspace_id', '=', ws)
        .where('id', '=', actor.userId)
        .as('agent'),
      eb.selectFrom('workspaces').select('name').where('id', '=', ws).as('workspace'),
    ])
    .executeTakeFirstOrThrow()
  const customer = row.customer ?? c.department ?? 'there'
  const company = row.workspace ?? ''
  return {
    'customer.name': customer,
    'customer.firstName': customer.split(/\s+/)[0] ?? customer,
    'case.number': String(c.number),
    'case.subject': c.subject,
    // An API token is not a person: sign as the company's team.
    'agent.name': row.agent ?? `${company} team`.trim(),
    'workspace.name': company,
  }
}
