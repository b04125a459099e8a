import { useEffect, useState } from 'react'

/** The current time, re-read every second while mounted: one interval drives every timer on a page. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000)
    return () => window.clearInterval(timer)
  }, [])
  return now
}

/** Below this many minutes to breach a timer turns to warning. */
export const WARNING_MINUTES = 30

export type SlaState = 'ok' | 'warning' | 'breached' | 'paused' | 'none'

export function slaState(dueAt: string | null, now: number, paused: boolean, breached = false): SlaState {
  if (paused) return 'paused'
  if (!dueAt) return breached ? 'breached' : 'none'
  const left = Date.parse(dueAt) - now
  if (left <= 0 || breached) return 'breached'
  return left <= WARNING_MINUTES * 60_000 ? 'warning' : 'ok'
}

/** "1:02:09", "14:05", "2d 03:10": whole seconds, so the countdown visibly moves every second. */
export function formatCountdown(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000)
  const days = Math.floor(total / 86_400)
  const h = Math.floor((total % 86_400) / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const pad = (n: number) => String(n).padStart(2, '0')
  if (days > 0) return `${days}d ${pad(h)}:${pad(m)}`
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`
}

const STATE_TEXT: Record<SlaState, string> = {
  ok: 'On time',
  warning: 'Due soon',
  breached: 'Breached',
  paused: 'Paused',
  none: 'No target',
}

/**
 * Time to breach, counted down client-side from the due instant the API gave. The state is in
 * words as well as colour, so it reads without colour vision and in a screen reader.
 */
export function SlaTimer({
  dueAt,
  now,
  paused = false,
  breached = false,
  label,
}: {
  dueAt: string | null
  now: number
  paused?: boolean
  breached?: boolean
  label?: string
}) {
  const state = slaState(dueAt, now, paused, breached)
  const left = dueAt ? Date.parse(dueAt) - now : 0
  const time =
    state === 'paused' || state === 'none' || !dueAt
      ? ''
      : left > 0
        ? `${formatCountdown(left)} left`
        : `${formatCountdown(left)} over`
  return (
    <span className={`sla-timer sla-${state}`} data-sla={state}>
      {label && <span className="sla-label">{label}</span>}
      <span className="sla-state">{STATE_TEXT[state]}</span>
      {time && (
        <time className="sla-time" dateTime={dueAt ?? undefined}>
          {time}
        </time>
      )}
    </span>
  )
}
