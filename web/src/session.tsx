import { createContext, useContext } from 'react'
import type { Me, Permission } from './api/index.js'

export interface Session {
  me: Me
  can: (permission: Permission) => boolean
  signOut: () => Promise<void>
}

export const SessionContext = createContext<Session | null>(null)

/** The signed-in session; only screens rendered inside the app layout may call it. */
export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside a signed-in layout')
  return session
}
