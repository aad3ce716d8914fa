import './app';
import { closeDataSource, getDataSource, migrate } from './core/data-source';

/** `npm run db:migrate`: the deliberate step that changes the schema. */
async function main() {
  const ds = await getDataSource();
  const applied = await migrate(ds);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
  await closeDataSource();
}

main().catch((err) => {
  console.error('migration failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
