/**
 * `npm run db:migrate` and `npm run db:seed`. With DATABASE_URL they work on that server. Without it they open
 * the embedded database folder themselves — which fails with a clear message while the portal is running and owns
 * it (stop the portal first, or let it migrate and seed on start).
 */
import path from 'node:path';
import { closeDb } from '@/lib/db/client';
import { dataDir, embeddedPort, isEmbedded } from '@/lib/db/config';
import { startEmbeddedDatabase } from '@/lib/db/embedded';
import { migrateConfiguredDatabase } from '@/lib/db/migrate';
import { seedDemoData } from '@/lib/demo/seed';

async function main() {
  const command = process.argv[2];
  if (command !== 'migrate' && command !== 'seed') throw new Error('Использование: tsx scripts/db.ts migrate|seed');
  const embedded = isEmbedded()
    ? await startEmbeddedDatabase({ folder: path.join(dataDir(), 'pglite'), port: embeddedPort() })
    : undefined;
  try {
    await migrateConfiguredDatabase();
    console.log('Миграции применены.');
    if (command === 'seed') {
      const report = await seedDemoData();
      console.log(`Демонстрационные данные: создано организаций ${report.organisationsCreated}, пользователей ${report.usersCreated}.`);
    }
  } finally {
    await closeDb();
    await embedded?.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
