import { PGlite } from '@electric-sql/pglite'
import fs from 'node:fs'
fs.rmSync('/tmp/pgt', { recursive: true, force: true })
let t = Date.now(); const a = await PGlite.create('/tmp/pgt'); await a.exec('create table x(a int)'); console.log('initdb', Date.now()-t)
t = Date.now(); const dump = await a.dumpDataDir('none'); console.log('dump', Date.now()-t, dump.size); await a.close()
t = Date.now(); fs.cpSync('/tmp/pgt', '/tmp/pgt2', { recursive: true }); console.log('cp', Date.now()-t)
t = Date.now(); const b = await PGlite.create('/tmp/pgt2'); await b.query('select * from x'); console.log('open copy', Date.now()-t); await b.close()
t = Date.now(); const c = await PGlite.create({ loadDataDir: dump }); await c.query('select * from x'); console.log('load mem', Date.now()-t)
