import type { Command } from 'commander'
import { loadConfig } from '../config.js'
import { migrateToLatest } from '../db/migrate.js'
import { openDatabase } from '../db/open-database.js'
import { seedDemo } from '../modules/demo/index.js'
import {
  createApiToken,
  createUser,
  createWorkspace,
  getWorkspaceBySlug,
  RoleSchema,
  randomPassword,
  systemActor,
} from '../modules/platform/index.js'
import { withDatabase } from './with-database.js'

const parseRole = (value: string) => {
  const role = RoleSchema.safeParse(value)
  if (!role.success) throw new Error(`role must be one of ${RoleSchema.options.join(', ')}`)
  return role.data
}

export function registerPlatformCommands(program: Command): void {
  program
    .command('migrate')
    .description('Bring the database schema up to date')
    .action(async () => {
      const database = await openDatabase(loadConfig())
      try {
        const { results } = await migrateToLatest(database.db)
        for (const r of results ?? [])
          console.log(`${r.status === 'Success' ? 'applied' : r.status}: ${r.migrationName}`)
        console.log(results?.length ? 'migrations applied' : 'schema is up to date')
      } finally {
        await database.close()
      }
    })

  program
    .command('demo')
    .description('Create or refresh a deterministic demo workspace')
    .option('--workspace <slug>', 'workspace slug (created if missing)', 'demo')
    .action(async (opts: { workspace: string }) => {
      await withDatabase(async ({ db }) => {
        const seeded = await seedDemo(db, { slug: opts.workspace })
        console.log(`demo data ready in workspace ${seeded.workspace.slug}`)
        if (seeded.owner) console.log(`owner login: ${seeded.owner.email} / ${seeded.owner.password}`)
      })
    })

  const workspace = program.command('workspace').description('Manage workspaces')
  workspace
    .command('create')
    .description('Create a workspace')
    .requiredOption('--slug <slug>', 'URL-safe identifier, e.g. acme')
    .requiredOption('--name <name>', 'display name')
    .option('--timezone <zone>', 'IANA time zone', 'UTC')
    .action(async (opts: { slug: string; name: string; timezone: string }) => {
      await withDatabase(async ({ db }) => {
        const ws = await createWorkspace(db, opts)
        console.log(`created workspace ${ws.slug} (${ws.id})`)
      })
    })

  const user = program.command('user').description('Manage users')
  user
    .command('add')
    .description('Add a user to a workspace; prints a generated password unless --password is given')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .requiredOption('--email <email>', 'email address')
    .option('--name <name>', 'display name')
    .option('--role <role>', 'owner, admin, manager, agent, analyst or viewer', 'agent')
    .option('--password <password>', 'password (at least 10 characters)')
    .action(
      async (opts: { workspace: string; email: string; name?: string; role: string; password?: string }) => {
        const role = parseRole(opts.role)
        await withDatabase(async ({ db }) => {
          const ws = await getWorkspaceBySlug(db, opts.workspace)
          const password = opts.password ?? randomPassword()
          const created = await createUser(db, systemActor(ws.id), {
            email: opts.email,
            name: opts.name ?? opts.email.split('@')[0] ?? opts.email,
            role,
            password,
          })
          console.log(`added ${created.email} as ${created.role} to ${ws.slug}`)
          if (!opts.password) console.log(`password: ${password}`)
        })
      },
    )

  const token = program.command('token').description('Manage API tokens')
  token
    .command('create')
    .description('Create an API token; the token is printed alone on the last line')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--role <role>', 'role the token acts with', 'admin')
    .option('--name <name>', 'a name to recognise it by', 'cli')
    .action(async (opts: { workspace: string; role: string; name: string }) => {
      const role = parseRole(opts.role)
      await withDatabase(async ({ db }) => {
        const ws = await getWorkspaceBySlug(db, opts.workspace)
        const created = await createApiToken(db, systemActor(ws.id), { name: opts.name, role })
        console.log(`created ${role} token "${created.name}" for ${ws.slug} (shown once):`)
        console.log(created.token)
      })
    })
}
