import { useEffect, useState } from 'react'
import { type CustomerFilter, countCustomers, errorMessage } from '../../../api/index.js'
import { useWorkspaceFormat } from '../../../ui/use-workspace-format.js'

/**
 * How many customers match, counted only when asked: a count scans every match, which at a
 * million customers is the one slow question, so typing never triggers it.
 */
export function MatchCount({ filter, filterKey }: { filter: CustomerFilter; filterKey: string }) {
  const format = useWorkspaceFormat()
  const [state, setState] = useState<
    | { status: 'idle' }
    | { status: 'counting' }
    | { status: 'done'; count: number }
    | { status: 'error'; message: string }
  >({ status: 'idle' })

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter makes the old count wrong
  useEffect(() => setState({ status: 'idle' }), [filterKey])

  const count = async () => {
    setState({ status: 'counting' })
    try {
      const { count } = await countCustomers(filter)
      setState({ status: 'done', count })
    } catch (err) {
      setState({ status: 'error', message: errorMessage(err) })
    }
  }

  if (state.status === 'done')
    return (
      <span className="match-count" aria-live="polite">
        {format.number(state.count)} {state.count === 1 ? 'customer matches' : 'customers match'}
      </span>
    )
  return (
    <span className="match-count" aria-live="polite">
      <button
        type="button"
        className="button button-small button-quiet"
        onClick={count}
        disabled={state.status === 'counting'}
      >
        {state.status === 'counting' ? 'Counting…' : 'Count matches'}
      </button>
      {state.status === 'error' && <span className="field-error">{state.message}</span>}
    </span>
  )
}
