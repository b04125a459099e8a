import type { Migration } from 'kysely'
import * as m0001 from './2026_11_23_0001_platform.js'
import * as m0002 from './2026_11_23_0002_customers.js'
import * as m0010 from './2026_11_23_0010_value.js'
import * as m0020 from './2026_11_23_0020_service.js'
import * as m0030 from './2026_11_23_0030_imports.js'
import * as m0045 from './2026_11_23_0045_customer_name_words.js'
import * as m0050 from './2026_11_23_0050_empowerment.js'
import * as m0060 from './2026_11_23_0060_feedback.js'
import * as m0070 from './2026_11_23_0070_customers_tier_hot.js'
import * as m0080 from './2026_11_23_0080_customer_facets.js'

/** Append-only: add new migrations at the end with a later, sortable name. */
export const migrations: Record<string, Migration> = {
  '2026_11_23_0001_platform': m0001,
  '2026_11_23_0002_customers': m0002,
  '2026_11_23_0010_value': m0010,
  '2026_11_23_0020_service': m0020,
  '2026_11_23_0030_imports': m0030,
  '2026_11_23_0045_customer_name_words': m0045,
  '2026_11_23_0050_empowerment': m0050,
  '2026_11_23_0060_feedback': m0060,
  '2026_11_23_0070_customers_tier_hot': m0070,
  '2026_11_23_0080_customer_facets': m0080,
}
