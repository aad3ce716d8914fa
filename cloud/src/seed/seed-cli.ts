import { closeDataSource, getDataSource, migrate } from '../core/data-source';
import { seedDemoCity } from './run-seed';

/** `npm run db:seed`: migrate, then add the demo city and each module's demo data where missing. */
async function main() {
  const ds = await getDataSource();
  await migrate(ds);
  const lines = await seedDemoCity(ds);
  console.log(lines.length ? lines.join('\n') : 'demo data already present');
  await closeDataSource();
}

main().catch((err) => {
  console.error('seed failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
