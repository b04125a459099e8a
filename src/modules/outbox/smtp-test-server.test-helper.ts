import type { Socket } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  raw: string
  messageId: string | undefined
  to: string[]
  subject: string | undefined
  /** The text part, quoted-printable decoded. */
  text: string
}

/** Undoes quoted-printable (soft line breaks and =XX bytes), enough to read links and text. */
export function decodeQuotedPrintable(s: string): string {
  const bytes = s
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16)))
  return Buffer.from(bytes, 'latin1').toString('utf8')
}

function parse(raw: string, to: string[]): ReceivedMail {
  const header = (name: string) =>
    new RegExp(`^${name}:\\s*(.*)$`, 'mi').exec(raw.split(/\r?\n\r?\n/)[0] ?? '')?.[1]
  const textPart = /Content-Type: text\/plain[\s\S]*?\r?\n\r?\n([\s\S]*?)(?:\r?\n--|$)/i.exec(raw)?.[1] ?? raw
  return {
    raw,
    messageId: header('Message-ID'),
    to,
    subject: header('Subject'),
    text: decodeQuotedPrintable(textPart),
  }
}

/**
 * A real SMTP server on a loopback port for tests: it stores every message it accepts and
 * de-duplicates nothing, so a test can prove exactly-once delivery by counting.
 * `onDataStart` runs when the client starts a message (DATA) (a crash test kills the client there).
 */
export async function startTestSmtpServer(opts: { onDataStart?: (clientPort: number) => void } = {}) {
  const received: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      opts.onDataStart?.(session.remotePort)
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      // A client that goes away mid-message destroys the stream: nothing is stored, as a real MTA
      // stores nothing it has not acknowledged.
      stream.on('error', (err) => callback(err))
      stream.on('end', () => {
        const socket = byPort.get(session.remotePort)
        if (!socket || socket.destroyed) return callback(new Error('client gone'))
        received.push(
          parse(
            Buffer.concat(chunks).toString('latin1'),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        )
        callback()
      })
    },
  })
  const sockets = new Set<Socket>()
  const byPort = new Map<number, Socket>()
  const listeners: ((s: Socket) => void)[] = []
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as { port: number }).port
  server.server.on('connection', (s: Socket) => {
    sockets.add(s)
    if (s.remotePort) byPort.set(s.remotePort, s)
    s.on('close', () => sockets.delete(s))
    for (const l of listeners) l(s)
  })
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    /** Sees each new client connection (e.g. to cut it in a crash test). */
    onConnection: (l: (s: Socket) => void) => listeners.push(l),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
