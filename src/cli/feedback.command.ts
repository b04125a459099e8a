import { type Command, Option } from 'commander'
import {
  AnalyticsQuery,
  createSurvey,
  feedbackAnalytics,
  listIdeas,
  listResponses,
  listSurveys,
  ResponsesQuery,
  runFeedbackSweep,
  sendSurvey,
  smtpUrlFor,
} from '../modules/feedback/index.js'
import { createEmailSender, deliverDueMessages, listOutbox } from '../modules/outbox/index.js'
import { getWorkspaceBySlug, systemActor } from '../modules/platform/index.js'
import { withDatabase } from './with-database.js'

const WORKSPACE = ['--workspace <slug>', 'workspace slug', 'demo'] as const
const print = (json: boolean | undefined, value: unknown, text: () => string) =>
  console.log(json ? JSON.stringify(value) : text())
const fmt = (n: number | null, digits = 1) => (n === null ? '–' : n.toFixed(digits))

/** `centric feedback ...` (surveys, sends, answers, ideas, analytics, the sweep) and `centric outbox ...`. */
export function registerFeedbackCommands(program: Command): void {
  const feedback = program
    .command('feedback')
    .description('NPS, CSAT and CES surveys, answers, ideas, analytics')
  feedback
    .command('surveys')
    .description('list surveys')
    .option(...WORKSPACE)
    .option('--json', 'print JSON')
    .action(async (flags: { workspace: string; json?: boolean }) => {
      const items = await withDatabase(async ({ db }) =>
        listSurveys(db, (await getWorkspaceBySlug(db, flags.workspace)).id),
      )
      print(flags.json, items, () =>
        items
          .map(
            (s) =>
              `${s.id}  ${s.kind.padEnd(4)} ${s.trigger.padEnd(13)} ${s.active ? 'active' : 'off   '} ${s.name}`,
          )
          .join('\n'),
      )
    })
  feedback
    .command('create-survey')
    .description('create a survey')
    .requiredOption('--name <name>', 'survey name')
    .addOption(
      new Option('--kind <kind>', 'survey kind').choices(['nps', 'csat', 'ces']).makeOptionMandatory(),
    )
    .addOption(
      new Option('--trigger <trigger>', 'when it is sent')
        .choices(['case_resolved', 'purchase', 'periodic', 'manual'])
        .default('manual'),
    )
    .option('--delay-days <n>', 'days after the trigger', '0')
    .option('--segment <id>', 'periodic: segment id')
    .option('--period-days <n>', 'periodic: ask again after')
    .option(...WORKSPACE)
    .action(
      async (f: {
        name: string
        kind: 'nps'
        trigger: 'manual'
        delayDays: string
        segment?: string
        periodDays?: string
        workspace: string
      }) => {
        const survey = await withDatabase(async ({ db }) => {
          const ws = await getWorkspaceBySlug(db, f.workspace)
          return createSurvey(db, systemActor(ws.id), {
            name: f.name,
            kind: f.kind,
            trigger: f.trigger,
            delayDays: Number(f.delayDays),
            segmentId: f.segment ?? null,
            periodDays: f.periodDays ? Number(f.periodDays) : null,
          })
        })
        console.log(survey.id)
      },
    )
  feedback
    .command('send <surveyId> <customerIds...>')
    .description('ask customers now (fatigue rules apply)')
    .option(...WORKSPACE)
    .action(async (surveyId: string, customerIds: string[], f: { workspace: string }) => {
      const r = await withDatabase(async ({ db }) =>
        sendSurvey(db, (await getWorkspaceBySlug(db, f.workspace)).id, surveyId, { customerIds }),
      )
      console.log(`${r.scheduled} scheduled, ${r.suppressed.length} suppressed`)
      for (const s of r.suppressed) console.log(`  ${s.customerId}: ${s.reason}`)
    })
  feedback
    .command('sweep')
    .description('run the triggers, send due invitations and reminders, and deliver the outbox once')
    .option(
      '--base-url <url>',
      'origin of the answer links',
      process.env.CENTRIC_PUBLIC_URL ?? 'http://localhost:3000',
    )
    .action(async (f: { baseUrl: string }) => {
      const r = await withDatabase(async ({ db }) => {
        const now = new Date()
        const sweep = await runFeedbackSweep(db, { now, baseUrl: f.baseUrl })
        const sender = createEmailSender((ws) => smtpUrlFor(db, ws, process.env.CENTRIC_SMTP_URL))
        const outbox = await deliverDueMessages(db, { now, senders: { email: sender }, batch: 200 })
        return { ...sweep, ...outbox }
      })
      console.log(
        `${r.scheduled} scheduled, ${r.suppressed} suppressed, ${r.invitations} invitations, ${r.reminders} reminders, ` +
          `${r.expired} expired; outbox: ${r.sent} sent, ${r.retried} to retry, ${r.dead} dead, ${r.released} left for the next run`,
      )
    })
  feedback
    .command('responses')
    .description('survey answers, newest first')
    .option(...WORKSPACE)
    .addOption(new Option('--kind <kind>').choices(['nps', 'csat', 'ces']))
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print JSON')
    .action(async (f: { workspace: string; kind?: 'nps'; limit: string; json?: boolean }) => {
      const page = await withDatabase(async ({ db }) =>
        listResponses(
          db,
          (await getWorkspaceBySlug(db, f.workspace)).id,
          ResponsesQuery.parse({ kind: f.kind, limit: f.limit }),
        ),
      )
      print(f.json, page, () =>
        page.items
          .map(
            (r) =>
              `${r.answeredAt.toISOString().slice(0, 10)}  ${r.kind.toUpperCase()} ${String(r.score).padStart(2)}  ${r.customerName}${r.comment ? `: ${r.comment}` : ''}`,
          )
          .join('\n'),
      )
    })
  feedback
    .command('ideas')
    .description('the ideas inbox')
    .option(...WORKSPACE)
    .option('--json', 'print JSON')
    .action(async (f: { workspace: string; json?: boolean }) => {
      const items = await withDatabase(async ({ db }) =>
        listIdeas(db, (await getWorkspaceBySlug(db, f.workspace)).id),
      )
      print(f.json, items, () =>
        items.map((i) => `${String(i.askedBy.length).padStart(3)} × ${i.title} [${i.status}]`).join('\n'),
      )
    })
  feedback
    .command('analytics')
    .description('NPS, CSAT or CES over time with 95 % intervals')
    .option(...WORKSPACE)
    .addOption(new Option('--kind <kind>').choices(['nps', 'csat', 'ces']).default('nps'))
    .addOption(
      new Option('--by <dimension>')
        .choices(['none', 'segment', 'tier', 'team', 'agent', 'channel'])
        .default('none'),
    )
    .addOption(new Option('--interval <interval>').choices(['week', 'month']).default('month'))
    .option('--from <iso>', 'start (default: 180 days ago)')
    .option('--json', 'print JSON')
    .action(
      async (f: {
        workspace: string
        kind: string
        by: string
        interval: string
        from?: string
        json?: boolean
      }) => {
        const query = AnalyticsQuery.parse({ kind: f.kind, by: f.by, interval: f.interval, from: f.from })
        const a = await withDatabase(async ({ db }) =>
          feedbackAnalytics(db, (await getWorkspaceBySlug(db, f.workspace)).id, query),
        )
        print(f.json, a, () =>
          [
            `${a.kind.toUpperCase()} ${fmt(a.total.value)} [${fmt(a.total.low)}, ${fmt(a.total.high)}] from ${a.total.n} answers; ` +
              `response rate ${a.responseRate.rate === null ? '–' : `${(100 * a.responseRate.rate).toFixed(0)} %`}; ` +
              `closed loop ${a.closedLoop.resolved}/${a.closedLoop.followUps}`,
            ...a.groups.map(
              (g) =>
                `  ${g.label.padEnd(24)} ${fmt(g.total.value).padStart(6)} [${fmt(g.total.low)}, ${fmt(g.total.high)}] n=${g.total.n}`,
            ),
          ].join('\n'),
        )
      },
    )

  const outbox = program.command('outbox').description('the outbox of emails and notifications')
  outbox
    .command('list')
    .description('latest outbox messages')
    .option(...WORKSPACE)
    .addOption(new Option('--status <status>').choices(['pending', 'sending', 'sent', 'dead']))
    .option('--json', 'print JSON')
    .action(async (f: { workspace: string; status?: 'dead'; json?: boolean }) => {
      const items = await withDatabase(async ({ db }) =>
        listOutbox(db, (await getWorkspaceBySlug(db, f.workspace)).id, { status: f.status, limit: 50 }),
      )
      print(f.json, items, () =>
        items
          .map(
            (m) =>
              `${m.createdAt.toISOString()}  ${m.status.padEnd(7)} ${m.attempts}×  ${m.kind}  ${m.idempotencyKey}${m.lastError ? `  (${m.lastError})` : ''}`,
          )
          .join('\n'),
      )
    })
}
