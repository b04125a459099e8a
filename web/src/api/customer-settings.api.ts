import { api } from './client.js'
import type { CustomerFilter } from './customers.api.js'

export const ATTRIBUTE_TYPES = ['text', 'number', 'date', 'boolean', 'select', 'multiselect'] as const
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number]

export interface AttributeDefinition {
  id: string
  key: string
  label: string
  type: AttributeType
  options: string[]
  required: boolean
  createdAt: string
}

export interface NewAttribute {
  key: string
  label: string
  type: AttributeType
  options?: string[]
  required?: boolean
}

export interface Segment {
  id: string
  name: string
  filter: CustomerFilter
  /** Customers matching now; null when the list was asked without counts. */
  count: number | null
  createdAt: string
  updatedAt: string
}

const attribute = (id: string) => `/api/attributes/${encodeURIComponent(id)}`
const segment = (id: string) => `/api/segments/${encodeURIComponent(id)}`

export const listAttributes = () => api.get<{ items: AttributeDefinition[] }>('/api/attributes')
export const createAttribute = (input: NewAttribute) =>
  api.post<AttributeDefinition>('/api/attributes', input)
export const updateAttribute = (
  id: string,
  changes: Partial<Pick<AttributeDefinition, 'label' | 'options' | 'required'>>,
) => api.patch<AttributeDefinition>(attribute(id), changes)
export const deleteAttribute = (id: string) => api.delete(attribute(id))

export const listSegments = () => api.get<{ items: Segment[] }>('/api/segments')
export const createSegment = (input: { name: string; filter: CustomerFilter }) =>
  api.post<Segment>('/api/segments', input)
export const updateSegment = (id: string, changes: { name?: string; filter?: CustomerFilter }) =>
  api.patch<Segment>(segment(id), changes)
export const deleteSegment = (id: string) => api.delete(segment(id))
