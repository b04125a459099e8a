// Placeholder replaced by the database harness: starts PostgreSQL and builds migrated templates.
export default async function setup() {}
