import path from 'node:path'

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number
  host: string
  /** Folder of the embedded database; ignored when `databaseUrl` is set. */
  dataDir: string
  databaseUrl: string | undefined
  logLevel: string
  /** Public origin used in links (e.g. https://centric.example.com); derived from the request when unset. */
  publicUrl: string | undefined
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`)
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.CENTRIC_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    publicUrl: env.CENTRIC_PUBLIC_URL || undefined,
  }
}
