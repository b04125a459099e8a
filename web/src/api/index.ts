// The web app's only door to the server: screens import from here, never fetch() themselves.
export { ApiError, errorMessage, isApiError } from './api-error.js'
export { getMe, login, logout } from './auth.api.js'
export * from './cases.api.js'
export { setUnauthorizedHandler } from './client.js'
export * from './customer-settings.api.js'
export * from './customers.api.js'
export * from './imports.api.js'
export * from './merge.api.js'
export * from './purchases.api.js'
export { getRoles, type RolesMatrix } from './roles.api.js'
export * from './service.api.js'
export { createToken, listTokens, revokeToken } from './tokens.api.js'
export * from './types.js'
export {
  createUser,
  deactivateUser,
  type ListUsersQuery,
  listUsers,
  type NewUser,
  reactivateUser,
  updateUser,
} from './users.api.js'
export * from './value.api.js'
