import type { FieldIssue, Problem } from './types.js'

/** A failed request, parsed from the server's application/problem+json body when there is one. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly detail: string
  readonly errors: FieldIssue[]

  constructor(problem: Pick<Problem, 'status' | 'code'> & Partial<Problem>) {
    const detail = problem.detail ?? problem.title ?? `request failed (${problem.status})`
    super(detail)
    this.name = 'ApiError'
    this.status = problem.status
    this.code = problem.code
    this.detail = detail
    this.errors = problem.errors ?? []
  }

  /** The message for one field, matched on the end of its path (`body.email` → `email`). */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.path === field || e.path.endsWith(`.${field}`))?.message
  }
}

export async function toApiError(res: Response): Promise<ApiError> {
  const type = res.headers.get('content-type') ?? ''
  if (type.includes('json')) {
    try {
      const body = (await res.json()) as Partial<Problem>
      return new ApiError({ ...body, status: res.status, code: body.code ?? 'HTTP_ERROR' })
    } catch {
      // A body that does not parse falls through to the generic error below.
    }
  }
  return new ApiError({
    status: res.status,
    code: 'HTTP_ERROR',
    detail: `${res.status} ${res.statusText}`.trim(),
  })
}

export const isApiError = (err: unknown): err is ApiError => err instanceof ApiError

/** A message fit for people, whatever was thrown. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.detail
  if (err instanceof TypeError) return 'The server could not be reached. Check your connection and try again.'
  return err instanceof Error ? err.message : String(err)
}
