/**
 * Products and purchases: the catalogue and every order line, with the purchase totals kept on
 * customers. Purchases appear on the customer timeline through their own timeline source.
 */
import { registerTimelineSource } from '../customers/index.js'
import { purchaseTimelineSource } from './purchase-timeline.js'

registerTimelineSource(purchaseTimelineSource)

export { refreshCustomerTotals } from './customer-totals.js'
export { MoneyInput, MoneyView } from './money.js'
export {
  CreateProductInput,
  createProduct,
  getProduct,
  ListProductsQuery,
  listProducts,
  ProductView,
  UpdateProductInput,
  updateProduct,
} from './products.js'
export { PurchasesError } from './purchases.errors.js'
export {
  CreatePurchaseInput,
  createPurchase,
  getPurchase,
  ListPurchasesQuery,
  listPurchases,
  PURCHASE_STATUSES,
  PurchaseView,
  refundPurchase,
} from './purchases.js'
