import '../app';
import { closeDataSource, getDataSource, migrate } from '../core/data-source';
import { seedDemoBookings } from './demo-bookings';
import { seedDemoNeeds } from './demo-needs';
import { seedDemo } from './seed';

/** `npm run db:seed`: migrate, then insert the demo city if it is not there yet. */
async function main() {
  const ds = await getDataSource();
  await migrate(ds);
  console.log((await seedDemo(ds)) ? 'demo data seeded' : 'demo data already present');
  const needs = await seedDemoNeeds(ds);
  if (needs) console.log(`demo needs: ${needs}`);
  const bookings = await seedDemoBookings(ds);
  if (bookings) console.log(`demo bookings: ${bookings}`);
  await closeDataSource();
}

main().catch((err) => {
  console.error('seed failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
