import fs from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Command } from 'commander'
import {
  actingUser,
  createGrant,
  decideApproval,
  exportLedgerCsv,
  LedgerQuery,
  ListApprovalsQuery,
  listApprovals,
  listLedger,
} from '../modules/empowerment/index.js'
import { getWorkspaceBySlug } from '../modules/platform/index.js'
import { withDatabase } from './with-database.js'

const WORKSPACE = ['--workspace <slug>', 'workspace slug', 'demo'] as const
const AS = ['--as <email>', 'act as this member (their role and authority); default: the system'] as const

interface Flags {
  workspace: string
  as?: string
  json?: boolean
}

const print = (value: unknown) => console.log(JSON.stringify(value, null, 2))

/** `centric grants ...`: list, grant, approvals, approve, deny and ledger export, over the module's use cases. */
export function registerGrantsCommands(program: Command): void {
  const grants = program
    .command('grants')
    .description('goodwill grants within authority limits, approvals, the ledger')

  grants
    .command('list')
    .description('the grant ledger, newest first')
    .option(...WORKSPACE)
    .option('--customer <id>', 'only this customer')
    .option('--limit <n>', 'rows', '50')
    .option('--json', 'print JSON')
    .action(async (flags: Flags & { customer?: string; limit: string }) => {
      await withDatabase(async ({ db }) => {
        const ws = await getWorkspaceBySlug(db, flags.workspace)
        const page = await listLedger(
          db,
          ws.id,
          LedgerQuery.parse({ customer: flags.customer, limit: flags.limit }),
        )
        if (flags.json) return print(page.items)
        for (const e of page.items)
          console.log(
            `${e.occurredAt.toISOString()}  ${e.amount.padStart(10)} ${e.currency}  ${e.actionName}  ${e.customerName ?? e.customerId}  by ${e.agentName ?? e.agentRole}${e.approverName ? `, approved by ${e.approverName}` : ''}`,
          )
      })
    })

  grants
    .command('grant')
    .description(
      'grant goodwill: executed within authority, else (with --request-approval) an approval request',
    )
    .option(...WORKSPACE)
    .option(...AS)
    .requiredOption('--customer <id>', 'customer id')
    .requiredOption('--action <id>', 'action type id')
    .option('--amount <amount>', 'amount, for action types with an entered cost')
    .option('--case <id>', 'the case the grant belongs to')
    .requiredOption('--reason <text>', 'why')
    .option('--request-approval', 'ask for approval when above authority')
    .action(
      async (
        flags: Flags & {
          customer: string
          action: string
          amount?: string
          case?: string
          reason: string
          requestApproval?: boolean
        },
      ) => {
        const outcome = await withDatabase(async ({ db }) => {
          const ws = await getWorkspaceBySlug(db, flags.workspace)
          return createGrant(db, await actingUser(db, ws.id, flags.as), {
            customerId: flags.customer,
            caseId: flags.case,
            actionTypeId: flags.action,
            amount: flags.amount,
            reason: flags.reason,
            requestApproval: flags.requestApproval ?? false,
          })
        })
        print(outcome)
      },
    )

  grants
    .command('approvals')
    .description('approval requests (pending by default)')
    .option(...WORKSPACE)
    .option(...AS)
    .option('--status <status>', 'pending, approved, denied or expired', 'pending')
    .action(async (flags: Flags & { status: string }) => {
      await withDatabase(async ({ db }) => {
        const ws = await getWorkspaceBySlug(db, flags.workspace)
        const actor = await actingUser(db, ws.id, flags.as)
        const page = await listApprovals(
          db,
          actor,
          ListApprovalsQuery.parse({ status: flags.status, limit: 500 }),
        )
        for (const a of page.items)
          console.log(
            `${a.id}  ${a.amount.padStart(10)}  ${a.actionName}  ${a.customerName}  → ${a.routeToRole}  ${a.reason}`,
          )
      })
    })

  for (const decision of ['approve', 'deny'] as const)
    grants
      .command(`${decision} <approvalId>`)
      .description(`${decision} an approval request`)
      .option(...WORKSPACE)
      .option(...AS)
      .requiredOption('--reason <text>', 'the reason the requester sees')
      .action(async (approvalId: string, flags: Flags & { reason: string }) => {
        const result = await withDatabase(async ({ db }) => {
          const ws = await getWorkspaceBySlug(db, flags.workspace)
          return decideApproval(db, await actingUser(db, ws.id, flags.as), approvalId, {
            decision,
            reason: flags.reason,
          })
        })
        print(result)
      })

  grants
    .command('export')
    .description('the ledger as CSV')
    .option(...WORKSPACE)
    .requiredOption('--out <file>', 'CSV file to write (- for stdout)')
    .option('--since <iso>', 'from this time')
    .option('--until <iso>', 'before this time')
    .action(async (flags: Flags & { out: string; since?: string; until?: string }) => {
      await withDatabase(async ({ db }) => {
        const ws = await getWorkspaceBySlug(db, flags.workspace)
        const query = LedgerQuery.omit({ limit: true, cursor: true }).parse({
          since: flags.since,
          until: flags.until,
        })
        const out = flags.out === '-' ? process.stdout : fs.createWriteStream(flags.out)
        await pipeline(Readable.from(exportLedgerCsv(db, ws.id, query)), out)
      })
    })
}
