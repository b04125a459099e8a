/** Demo data: a deterministic, realistic workspace that grows as modules land. */
export { seedDemo } from './seed-demo.js'
