import type { ImportKind } from '../../db/database.js'

export type { ImportKind }

export const IMPORT_KINDS = ['customers', 'purchases'] as const satisfies readonly ImportKind[]

export interface ImportColumn {
  name: string
  required?: boolean
  /** Accepted but not canonical (not exported): first and last name, which make `name`. */
  extra?: boolean
  /**
   * Header names that mean this column, normalised (lower case, letters and digits only), best
   * first: the exports of common CRMs, shops and billing tools (HubSpot, Salesforce, Shopify,
   * WooCommerce, Stripe, Zendesk, Pipedrive, Mailchimp...).
   */
  aliases: readonly string[]
}

/** Canonical columns, always accepted without a mapping, in the order exports write them. */
export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  customers: [
    {
      name: 'external_id',
      required: true,
      aliases: [
        'customerexternalid',
        'customerid',
        'customernumber',
        'customerno',
        'contactid',
        'recordid',
        'userid',
        'clientid',
        'id',
      ],
    },
    { name: 'name', aliases: ['fullname', 'customername', 'contactname', 'displayname', 'accountname'] },
    // Not canonical, but many CRMs split the name; the two parts make `name` when it is absent.
    { name: 'first_name', extra: true, aliases: ['firstname', 'givenname', 'first', 'billingfirstname'] },
    {
      name: 'last_name',
      extra: true,
      aliases: ['lastname', 'surname', 'familyname', 'last', 'billinglastname'],
    },
    {
      name: 'email',
      aliases: [
        'emailaddress',
        'email1',
        'primaryemail',
        'emailaddresses',
        'customeremail',
        'contactemail',
        'billingemail',
        'mail',
      ],
    },
    {
      name: 'phone',
      aliases: [
        'phonenumber',
        'mobile',
        'mobilephone',
        'mobilenumber',
        'telephone',
        'tel',
        'phone1',
        'billingphone',
        'defaultaddressphone',
      ],
    },
    {
      name: 'country',
      aliases: [
        'countrycode',
        'countryregion',
        'mailingcountry',
        'billingcountry',
        'defaultaddresscountrycode',
        'countryiso',
      ],
    },
    { name: 'language', aliases: ['locale', 'preferredlanguage', 'lang', 'languagecode'] },
    { name: 'timezone', aliases: ['tz', 'ianatimezone'] },
    {
      name: 'created_at',
      aliases: [
        'created',
        'createdate',
        'createddate',
        'datecreated',
        'customersince',
        'signupdate',
        'createdutc',
        'creationdate',
        'dateregistered',
      ],
    },
  ],
  purchases: [
    {
      name: 'external_id',
      required: true,
      aliases: [
        'orderlineid',
        'lineid',
        'lineitemid',
        'orderid',
        'ordernumber',
        'orderno',
        'transactionid',
        'invoiceid',
        'invoicenumber',
        'purchaseid',
        'chargeid',
        'paymentid',
        'id',
        'order',
      ],
    },
    {
      name: 'customer_external_id',
      required: true,
      aliases: [
        'customerid',
        'customernumber',
        'customer',
        'contactid',
        'userid',
        'clientid',
        'accountid',
        'customeremail',
        'email',
        'billingemail',
        'buyeremail',
      ],
    },
    {
      name: 'occurred_at',
      required: true,
      aliases: [
        'orderdate',
        'purchasedate',
        'transactiondate',
        'date',
        'createdat',
        'created',
        'createdutc',
        'paidat',
        'datecreated',
        'datepaid',
        'processedat',
        'timestamp',
        'datetime',
      ],
    },
    {
      name: 'amount',
      required: true,
      aliases: [
        'total',
        'ordertotal',
        'ordertotalamount',
        'totalamount',
        'grandtotal',
        'linetotal',
        'lineitemtotal',
        'revenue',
        'saleamount',
        'amountpaid',
        'netamount',
        'totalprice',
        'dollarvalue',
        'value',
        'sales',
      ],
    },
    { name: 'cost', aliases: ['totalcost', 'cogs', 'costofgoods', 'costofgoodssold', 'linecost'] },
    { name: 'currency', aliases: ['currencycode', 'ordercurrency', 'currencyiso'] },
    {
      name: 'product_sku',
      aliases: [
        'sku',
        'lineitemsku',
        'itemsku',
        'variantsku',
        'productcode',
        'itemcode',
        'productid',
        'itemid',
      ],
    },
    {
      name: 'quantity',
      aliases: ['qty', 'lineitemquantity', 'itemquantity', 'units', 'numberofitems', 'numberofcds'],
    },
    { name: 'channel', aliases: ['saleschannel', 'source', 'sourcename', 'createdvia', 'orderchannel'] },
    {
      name: 'status',
      aliases: ['financialstatus', 'orderstatus', 'paymentstatus', 'transactionstatus', 'state'],
    },
  ],
}

/** "Email Address", "E-mail" and "email_address" all normalise to "emailaddress" / "email". */
export const normaliseHeader = (name: string): string =>
  name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')

export const columnNames = (kind: ImportKind): string[] => IMPORT_COLUMNS[kind].map((c) => c.name)

/** The canonical columns, as exports write them. */
export const canonicalColumns = (kind: ImportKind): string[] =>
  IMPORT_COLUMNS[kind].filter((c) => !c.extra).map((c) => c.name)
