import type { Command } from 'commander'
import { loadConfig } from '../config.js'
import { startServer } from '../http/server.js'
import { seedDemo } from '../modules/demo/index.js'

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the server (API, web app, workers); migrates the database first')
    .option('--demo', 'create the demo workspace on first start and print its login')
    .action(async (opts: { demo?: boolean }) => {
      const config = loadConfig()
      const server = await startServer(config, async (database) => {
        if (!opts.demo) return
        const seeded = await seedDemo(database.db, { slug: 'demo' })
        if (seeded.owner) {
          console.log('\nDemo workspace created. Sign in with (shown this once):')
          console.log(`  email:    ${seeded.owner.email}`)
          console.log(`  password: ${seeded.owner.password}\n`)
        }
      })
      const where = config.databaseUrl
        ? 'PostgreSQL (DATABASE_URL)'
        : `embedded database in ${config.dataDir}`
      console.log(`Centric is running at ${server.url}  (${where})`)
      console.log(`API docs: ${server.url}/api/docs`)
      const shutdown = async () => {
        await server.stop()
        process.exit(0)
      }
      process.once('SIGINT', shutdown)
      process.once('SIGTERM', shutdown)
    })
}
