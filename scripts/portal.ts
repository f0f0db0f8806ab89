/**
 * `npm start` / `npm run dev`: brings the portal up in one command. Without DATABASE_URL it becomes the one
 * process that owns the embedded database folder (a second start stops with a clear message), applies the
 * migrations, loads the demo data into an empty database, builds the app when the build is missing or older
 * than the sources, and runs Next.js — started again if it dies (scripts/supervise.ts) — stopping everything
 * cleanly on Ctrl+C or SIGTERM.
 */
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { closeDb } from '@/lib/db/client';
import { dataDir, embeddedPort, isEmbedded } from '@/lib/db/config';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '@/lib/db/embedded';
import { migrateConfiguredDatabase } from '@/lib/db/migrate';
import { databaseIsEmpty, seedDemoData } from '@/lib/demo/seed';
import { supervise } from './supervise';
import { nextEnv } from './next-env';

const mode = process.argv[2] === 'dev' ? 'dev' : 'start';
const port = Number(process.env.PORT ?? 3000);
const nextBin = path.resolve('node_modules/next/dist/bin/next');

function log(message: string) {
  console.log(`[опора] ${message}`);
}

/** NEXTAUTH_SECRET from the environment, or one generated once and kept in the data folder. */
function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataDir(), 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir(), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.resolve(process.env.OPORA_DIST_DIR || '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = ['app', 'components', 'lib', 'db'].filter((d) => fs.existsSync(d)).map(newestSource);
  return Math.max(...sources, fs.statSync('package-lock.json').mtimeMs) > built;
}

async function main() {
  let embedded: EmbeddedDatabase | undefined;
  if (isEmbedded()) {
    const folder = path.join(dataDir(), 'pglite');
    embedded = await startEmbeddedDatabase({ folder, port: embeddedPort() });
    log(`встроенная база данных: ${folder} (порт ${embedded.port})`);
  } else {
    log('база данных: PostgreSQL из DATABASE_URL');
  }
  const stopDatabase = async () => {
    await closeDb().catch(() => {});
    await embedded?.stop().catch(() => {});
  };

  try {
    await migrateConfiguredDatabase();
    log('миграции применены');
    if (await databaseIsEmpty()) {
      const report = await seedDemoData();
      log(`загружены демонстрационные данные: организаций ${report.organisationsCreated}, пользователей ${report.usersCreated}`);
    }
    await closeDb();
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  const env = nextEnv(process.env, authSecret(), port);
  if (mode === 'start' && buildIsStale()) {
    log('сборка приложения (next build)…');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: { ...env, NODE_ENV: 'production' } });
    if (build.status !== 0) {
      await stopDatabase();
      throw new Error('Сборка не удалась — подробности выше.');
    }
  }

  const server = supervise({
    name: 'Сервер Next.js',
    start: () => spawn(process.execPath, [nextBin, mode, '-p', String(port)], { stdio: 'inherit', env }),
    log,
  });
  log(`портал: ${env.NEXTAUTH_URL}`);
  const stop = (signal: NodeJS.Signals) => void server.stop(signal);
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  const code = await server.done;
  await stopDatabase();
  process.exit(code);
}

main().catch((error: Error) => {
  console.error(`[опора] ${error.message}`);
  process.exit(1);
});
