// npm run migrate [-- up | down [steps] | status]
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/connection.ts';
import { migrateDown, migrateUp, migrationStatus } from '../server/db/migrator.ts';

const [command = 'up', arg] = process.argv.slice(2);
const config = loadConfig();
const database = openDatabase(config.databaseFile);
const db = database.db.withoutPlugins();
try {
  if (command === 'up') {
    const ran = await migrateUp(db);
    console.log(ran.length ? `Applied: ${ran.join(', ')}` : 'Database is up to date.');
  } else if (command === 'down') {
    const steps = arg === 'all' ? Number.POSITIVE_INFINITY : Number(arg ?? 1);
    if (!Number.isFinite(steps) && arg !== 'all') throw new Error('down takes a number of steps or "all"');
    const reverted = await migrateDown(db, steps);
    console.log(reverted.length ? `Reverted: ${reverted.join(', ')}` : 'Nothing to revert.');
  } else if (command === 'status') {
    for (const s of await migrationStatus(db))
      console.log(`${s.appliedAt ? 'applied' : 'pending'}  ${s.name}  ${s.appliedAt ?? ''}`);
  } else {
    throw new Error(`unknown command "${command}" (use up, down [steps|all] or status)`);
  }
} catch (err) {
  console.error(`Migration failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
