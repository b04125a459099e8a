// Synthetic import files for the import benchmarks: seeded, so every run reads the same bytes.

import { once } from 'node:events'
import fs from 'node:fs'

function seeded(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let r = Math.imul(s ^ (s >>> 15), 1 | s)
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296
  }
}

async function writeLines(
  file: string,
  header: string,
  n: number,
  line: (i: number) => string,
): Promise<void> {
  const out = fs.createWriteStream(file)
  out.write(`${header}\n`)
  let batch = ''
  for (let i = 1; i <= n; i++) {
    batch += `${line(i)}\n`
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain')
      batch = ''
    }
  }
  out.end(batch)
  await once(out, 'finish')
}

const COUNTRIES = ['DE', 'US', 'FR', 'GB', 'NL', 'ES', 'IT', 'SE']

/** `n` customers C1..Cn, as a CRM export would list them. */
export function writeCustomersCsv(file: string, n: number): Promise<void> {
  return writeLines(file, 'external_id,name,email,country,created_at', n, (i) => {
    const month = String(1 + (i % 12)).padStart(2, '0')
    return `C${i},Customer ${i},c${i}@example.com,${COUNTRIES[i % COUNTRIES.length]},2023-${month}-15`
  })
}

/**
 * `n` purchase lines of `n / 10` customers over two years, 5% of them refunded, 1,000 products:
 * every canonical column filled, about 76 bytes a line.
 */
export function writePurchasesCsv(file: string, n: number): Promise<void> {
  const rand = seeded(20261123)
  const customers = Math.max(1, Math.floor(n / 10))
  const start = Date.UTC(2024, 0, 1)
  return writeLines(
    file,
    'external_id,customer_external_id,occurred_at,amount,cost,currency,product_sku,quantity,channel,status',
    n,
    (i) => {
      const at = new Date(start + Math.floor(rand() * 730 * 86_400) * 1000).toISOString().slice(0, 19)
      const amount = (1 + rand() * 199).toFixed(2)
      const cost = (Number(amount) * 0.6).toFixed(2)
      const status = rand() < 0.05 ? 'refunded' : 'completed'
      return `O${i},C${1 + Math.floor(rand() * customers)},${at}Z,${amount},${cost},USD,SKU-${Math.floor(rand() * 1000)},${1 + Math.floor(rand() * 3)},web,${status}`
    },
  )
}
