import { describe, expect, it } from 'vitest'
import { mapColumns } from './map-columns.js'

const mapping = (kind: 'customers' | 'purchases', headers: string[], explicit?: Record<string, string>) =>
  mapColumns(kind, headers, explicit).mapping

describe('mapColumns', () => {
  it('reads the canonical names', () => {
    expect(mapping('purchases', ['external_id', 'customer_external_id', 'occurred_at', 'amount'])).toEqual({
      external_id: 'external_id',
      customer_external_id: 'customer_external_id',
      occurred_at: 'occurred_at',
      amount: 'amount',
    })
  })

  it('recognises the exports of common CRMs and shops', () => {
    // HubSpot contacts
    expect(
      mapping('customers', [
        'Record ID',
        'First Name',
        'Last Name',
        'Email',
        'Phone Number',
        'Country/Region',
        'Create Date',
      ]),
    ).toEqual({
      external_id: 'Record ID',
      first_name: 'First Name',
      last_name: 'Last Name',
      email: 'Email',
      phone: 'Phone Number',
      country: 'Country/Region',
      created_at: 'Create Date',
    })
    // Salesforce contacts
    expect(
      mapping('customers', [
        'Contact ID',
        'Full Name',
        'Email Address',
        'Mobile',
        'Mailing Country',
        'Created Date',
      ]),
    ).toMatchObject({
      external_id: 'Contact ID',
      name: 'Full Name',
      email: 'Email Address',
      phone: 'Mobile',
      country: 'Mailing Country',
      created_at: 'Created Date',
    })
    // Zendesk users
    expect(
      mapping('customers', ['id', 'name', 'email', 'phone', 'time_zone', 'locale', 'created_at']),
    ).toEqual({
      external_id: 'id',
      name: 'name',
      email: 'email',
      phone: 'phone',
      timezone: 'time_zone',
      language: 'locale',
      created_at: 'created_at',
    })
    // Stripe payments
    expect(
      mapping('purchases', [
        'id',
        'Created (UTC)',
        'Amount',
        'Currency',
        'Status',
        'Customer ID',
        'Customer Email',
      ]),
    ).toEqual({
      external_id: 'id',
      customer_external_id: 'Customer ID',
      occurred_at: 'Created (UTC)',
      amount: 'Amount',
      currency: 'Currency',
      status: 'Status',
    })
    // WooCommerce orders
    expect(
      mapping('purchases', [
        'Order ID',
        'Order Date',
        'Order Status',
        'Order Total Amount',
        'Customer User ID',
        'Billing Email',
        'SKU',
        'Quantity',
      ]),
    ).toEqual({
      external_id: 'Order ID',
      customer_external_id: 'Billing Email',
      occurred_at: 'Order Date',
      amount: 'Order Total Amount',
      product_sku: 'SKU',
      quantity: 'Quantity',
      status: 'Order Status',
    })
    // Shopify orders (line items) and the CDNOW log's own header
    expect(
      mapping('purchases', [
        'Id',
        'Email',
        'Created at',
        'Total',
        'Lineitem sku',
        'Lineitem quantity',
        'Financial Status',
      ]),
    ).toMatchObject({
      external_id: 'Id',
      customer_external_id: 'Email',
      occurred_at: 'Created at',
      amount: 'Total',
      product_sku: 'Lineitem sku',
      quantity: 'Lineitem quantity',
      status: 'Financial Status',
    })
  })

  it('lets an explicit mapping win, turn a column off, and reports what it ignores', () => {
    const mapped = mapColumns('customers', ['Id', 'Customer ID', 'Email', 'Notes'], {
      external_id: 'customer id',
      email: '',
    })
    expect(mapped.mapping).toEqual({ external_id: 'Customer ID' })
    expect(mapped.ignored).toEqual(['Id', 'Email', 'Notes'])
    expect(mapped.fields.get('external_id')).toBe(1)
  })

  it('refuses unknown columns, headers the file lacks, and files without a required column', () => {
    expect(() => mapColumns('customers', ['id'], { nickname: 'id' })).toThrow(/unknown column nickname/)
    expect(() => mapColumns('customers', ['id'], { external_id: 'Key' })).toThrow(
      /the file has no column "Key"/,
    )
    expect(() => mapColumns('purchases', ['Order ID', 'Total'])).toThrow(
      /no column for customer_external_id, occurred_at; its headers are: Order ID, Total/,
    )
  })
})
