import { DomainError, type ErrorKind } from '../../shared/domain-error.js'

const KINDS = {
  PRODUCT_NOT_FOUND: 'not_found',
  PRODUCT_SKU_TAKEN: 'conflict',
  PURCHASE_NOT_FOUND: 'not_found',
  PURCHASE_EXTERNAL_ID_TAKEN: 'conflict',
  PURCHASE_ALREADY_REFUNDED: 'conflict',
  UNKNOWN_CUSTOMER: 'invalid',
  UNKNOWN_PRODUCT: 'invalid',
} as const satisfies Record<string, ErrorKind>

export class PurchasesError extends DomainError {
  constructor(code: keyof typeof KINDS, message: string, details?: DomainError['details']) {
    super(KINDS[code], code, message, details)
  }
}
