// Duplicate detection at 100,000 customers on a throwaway PostgreSQL server (the test suite's):
// the workspace-wide pair list (one page) and one customer's duplicates. First names and half
// of the surnames follow a Zipf law over common names (the top surname on ~1.5% of customers, as
// Smith is in the US); the other half are made of random syllables, the long tail of a real customer base.
// 2% of the customers are re-entered copies with a typo, half of them with the same email.
import { sql } from 'kysely'
import { openPostgresDatabase } from '../src/db/dialects/postgres.js'
import { newId } from '../src/db/ids.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { findDuplicates } from '../src/modules/customers/find-duplicates.js'
import { listDuplicatePairs } from '../src/modules/customers/list-duplicate-pairs.js'
import { createWorkspace } from '../src/modules/platform/index.js'
import { seededRandom } from '../src/modules/value/models/index.js'
import { startTestPostgres } from '../test/postgres-server.js'
import type { Figure } from './bench-support.js'

const N = 100_000
const FIRST =
  `james mary john patricia robert jennifer michael linda william elizabeth david barbara richard susan joseph
  jessica thomas sarah charles karen christopher nancy daniel lisa matthew betty anthony margaret mark sandra donald
  ashley steven kimberly paul emily andrew donna joshua michelle kenneth dorothy kevin carol brian amanda george melissa
  edward deborah ronald stephanie timothy rebecca jason sharon jeffrey laura ryan cynthia jacob kathleen gary amy nicholas
  shirley eric angela jonathan helen stephen anna larry brenda justin pamela scott nicole brandon emma benjamin samantha
  samuel katherine frank christine gregory debra raymond rachel alexander catherine patrick carolyn jack janet dennis ruth
  jerry maria tyler heather aaron diane jose virginia adam julie henry joyce nathan victoria douglas olivia zachary kelly`
    .split(/\s+/)
    .filter(Boolean)
const LAST =
  `smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson
  anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson walker
  young allen king wright scott torres nguyen hill flores green adams nelson baker hall rivera campbell mitchell carter
  roberts gomez phillips evans turner diaz parker cruz edwards collins reyes stewart morris morales murphy cook rogers
  gutierrez ortiz morgan cooper peterson bailey reed kelly howard ramos kim cox ward richardson watson brooks chavez wood
  james bennett gray mendoza ruiz hughes price alvarez castillo sanders patel myers long ross foster jimenez powell jenkins
  perry russell sullivan bell coleman butler henderson barnes gonzales fisher vasquez simmons romero jordan patterson
  alexander hamilton graham reynolds griffin wallace moreno west cole hayes bryant herrera gibson ellis tran medina aguilar
  stevens murray ford castro marshall owens harrison fernandez mcdonald woods washington kennedy wells vargas henry chen
  freeman webb tucker guzman burns crawford olson simpson porter hunter gordon mendez silva shaw snyder mason dixon munoz
  hunt hicks holmes palmer wagner black robertson boyd rose stone salazar fox warren mills meyer rice schmidt garza daniels`
    .split(/\s+/)
    .filter(Boolean)

const SYLLABLES = [...'bcdfghklmnprstvz'].flatMap((c) => [...'aeiou'].map((v) => c + v))

function zipf(list: string[], rand: () => number): string {
  // Inverse-CDF draw from weights 1/(rank+10).
  const h = list.reduce((s, _, i) => s + 1 / (i + 10), 0)
  let u = rand() * h
  for (let i = 0; i < list.length; i++) {
    u -= 1 / (i + 10)
    if (u <= 0) return list[i]!
  }
  return list[list.length - 1]!
}

const surname = (rand: () => number) =>
  rand() < 0.5
    ? zipf(LAST, rand)
    : Array.from(
        { length: 2 + Math.floor(rand() * 2) },
        () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)],
      ).join('')

const typo = (s: string, rand: () => number) => {
  const i = 2 + Math.floor(rand() * Math.max(1, s.length - 3))
  return s.slice(0, i) + String.fromCharCode(97 + Math.floor(rand() * 26)) + s.slice(i + 1)
}

export async function seed(db: ReturnType<typeof openPostgresDatabase>['db'], workspaceId: string) {
  const rand = seededRandom(42)
  const rows: { name: string; emails: string[]; phones: string[] }[] = []
  for (let i = 0; i < N; i++) {
    const copyOf = i > 1000 && rand() < 0.02 ? rows[Math.floor(rand() * i)] : undefined
    if (copyOf) {
      rows.push({ name: typo(copyOf.name, rand), emails: rand() < 0.5 ? copyOf.emails : [], phones: [] })
      continue
    }
    const name = `${zipf(FIRST, rand)} ${surname(rand)}`
    rows.push({
      name,
      emails: [`${name.replace(' ', '.')}.${i}@example.com`],
      phones: rand() < 0.6 ? [`+49${String(Math.floor(rand() * 1e10)).padStart(10, '0')}`] : [],
    })
  }
  for (let i = 0; i < rows.length; i += 5000) {
    await db
      .insertInto('customers')
      .values(rows.slice(i, i + 5000).map((r) => ({ workspace_id: workspaceId, id: newId(), ...r })))
      .execute()
  }
  await sql`ANALYZE customers`.execute(db)
}

async function time(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn()
  const start = performance.now()
  for (let i = 0; i < runs; i++) await fn()
  return (performance.now() - start) / runs
}

export default async function bench(): Promise<Figure[]> {
  const server = await startTestPostgres()
  const { db, close } = openPostgresDatabase(server.url('postgres'))
  try {
    await migrateToLatest(db)
    const ws = await createWorkspace(db, { slug: 'bench', name: 'Bench' })
    await seed(db, ws.id)
    const some = await db
      .selectFrom('customers')
      .select('id')
      .where('workspace_id', '=', ws.id)
      .limit(20)
      .execute()
    let k = 0
    const one = await time(() => findDuplicates(db, ws.id, some[k++ % some.length]!.id), 20)
    const firstPage = await time(() => listDuplicatePairs(db, ws.id, { limit: 50 }), 3)
    const emailsOnly = await time(
      () =>
        sql`SELECT count(*) FROM customers c, unnest(c.emails) x WHERE c.workspace_id = ${ws.id}`.execute(db),
      3,
    )
    return [
      { name: 'duplicates of one customer, 100k customers (PostgreSQL)', value: one, unit: 'ms', target: 50 },
      {
        name: 'duplicate pairs, first page, 100k customers (PostgreSQL)',
        value: firstPage,
        unit: 'ms',
        target: 5000,
        baseline: emailsOnly,
      },
    ]
  } finally {
    await close()
    server.stop()
  }
}
