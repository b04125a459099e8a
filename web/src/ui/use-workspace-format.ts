import { useMemo } from 'react'
import { useSession } from '../session.js'

export interface WorkspaceFormat {
  /** An exact decimal string ("1234.50") in the workspace currency. */
  money: (amount: string | null | undefined) => string
  /** A UTC instant as a date in the workspace time zone. */
  date: (iso: string) => string
  dateTime: (iso: string) => string
  number: (n: number) => string
}

/**
 * Formatters for the signed-in workspace: its currency, and its time zone rather than the
 * browser's, so that two colleagues in different countries read the same dates.
 */
export function useWorkspaceFormat(): WorkspaceFormat {
  const { workspace } = useSession().me
  return useMemo(() => {
    const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: workspace.currency })
    const timeZone = workspace.timezone
    const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone })
    const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone })
    const number = new Intl.NumberFormat()
    return {
      // Intl takes a decimal string as it is (no float rounding) where supported.
      money: (amount) => (amount == null ? '—' : money.format(amount as unknown as number)),
      date: (iso) => date.format(new Date(iso)),
      dateTime: (iso) => dateTime.format(new Date(iso)),
      number: (n) => number.format(n),
    }
  }, [workspace.currency, workspace.timezone])
}
