import { api } from './client.js'
import type { Page } from './types.js'

export interface Product {
  id: string
  sku: string
  name: string
  category: string | null
  listPrice: string | null
  unitCost: string | null
  active: boolean
  createdAt: string
  updatedAt: string
}

export interface NewProduct {
  sku: string
  name: string
  category?: string | null
  listPrice?: string | null
  unitCost?: string | null
  active?: boolean
}

export type PurchaseStatus = 'completed' | 'refunded'

export interface Purchase {
  id: string
  externalId: string | null
  customerId: string
  customerName: string
  productId: string | null
  productSku: string | null
  productName: string | null
  quantity: number
  amount: string
  cost: string | null
  occurredAt: string
  channel: string | null
  status: PurchaseStatus
  createdAt: string
  updatedAt: string
}

export const listProducts = (
  query: { q?: string; active?: 'true' | 'false'; sort?: string; limit?: number; cursor?: string } = {},
) => api.get<Page<Product>>('/api/products', { ...query })
export const createProduct = (input: NewProduct) => api.post<Product>('/api/products', input)
export const updateProduct = (id: string, changes: Partial<NewProduct>) =>
  api.patch<Product>(`/api/products/${encodeURIComponent(id)}`, changes)

export const listCustomerPurchases = (
  customerId: string,
  query: { status?: PurchaseStatus; sort?: string; limit?: number; cursor?: string } = {},
) => api.get<Page<Purchase>>(`/api/customers/${encodeURIComponent(customerId)}/purchases`, { ...query })

export const refundPurchase = (id: string, reason?: string) =>
  api.post<Purchase>(`/api/purchases/${encodeURIComponent(id)}/refund`, reason ? { reason } : {})
