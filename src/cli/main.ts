import { Command, CommanderError } from 'commander'
import { ZodError, z } from 'zod'
import { DataDirInUseError } from '../db/dialects/pglite.js'
import { DomainError } from '../shared/domain-error.js'
import { registerFeedbackCommands } from './feedback.command.js'
import { registerGrantsCommands } from './grants.command.js'
import { registerImportCommands } from './import.command.js'
import { registerPlatformCommands } from './platform.commands.js'
import { registerServeCommand } from './serve.command.js'
import { registerValueCommands } from './value.command.js'

export function buildProgram(): Command {
  const program = new Command('centric')
    .description('Centric: customer-centric operations platform')
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: true })
  registerServeCommand(program)
  registerPlatformCommands(program)
  registerImportCommands(program)
  registerValueCommands(program)
  registerFeedbackCommands(program)
  registerGrantsCommands(program)
  return program
}

async function main(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv)
  } catch (err) {
    if (err instanceof CommanderError) process.exit(err.exitCode)
    if (err instanceof ZodError) {
      console.error(`error: invalid input\n${z.prettifyError(err)}`)
      process.exit(1)
    }
    const known = err instanceof DomainError || err instanceof DataDirInUseError
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`)
    if (!known && process.env.DEBUG) console.error(err)
    process.exit(1)
  }
}

await main()
