/**
 * `npm test`: everything a change must pass, in order, stopping at the first failure — type check, lint, unit and
 * embedded-runtime tests, database tests on PGlite and on PostgreSQL, the production build, and the browser
 * journeys in Debian's Chromium. It installs Chromium when it is missing and it may (as root, via apt).
 * The PostgreSQL run happens whenever a server is reachable; with OPORA_REQUIRE_POSTGRES=1 (CI) an unreachable
 * server is a failure, not a skip.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { postgresReachable } from '../tests/support/database';

const RESULTS = path.resolve('.test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const totals = { passed: 0, failed: 0, skipped: 0 };

/** Runs one step; on failure stops the whole run after `afterwards` has counted what the step reported. */
function run(title: string, command: string, args: string[], env: Record<string, string> = {}, afterwards?: () => void) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  afterwards?.();
  if (result.status !== 0) {
    console.error(`✖ ${title}: не пройдено (${seconds} с)`);
    finish(1);
  }
  console.log(`✔ ${title} (${seconds} с)`);
}

function count(report: string, read: (json: never) => { passed: number; failed: number; skipped: number }) {
  if (!fs.existsSync(report)) return;
  const counts = read(JSON.parse(fs.readFileSync(report, 'utf8')) as never);
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
}

function vitest(title: string, projects: string[], env: Record<string, string> = {}) {
  const report = path.join(RESULTS, `${title.replace(/\W+/g, '-')}.json`);
  const projectArgs = projects.flatMap((p) => ['--project', p]);
  run(title, 'npx', ['vitest', 'run', ...projectArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env, () =>
    count(report, (json: { numPassedTests: number; numFailedTests: number; numPendingTests: number }) => ({
      passed: json.numPassedTests,
      failed: json.numFailedTests,
      skipped: json.numPendingTests,
    })),
  );
}

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  const root = process.getuid?.() === 0;
  if (!root) {
    console.error(`Нет Chromium (${CHROMIUM}). Установите: sudo apt-get install -y chromium, или укажите CHROMIUM_PATH.`);
    finish(1);
  }
  run('установка Chromium из пакетов Debian', 'bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium']);
}

function finish(code: number): never {
  console.log(`\nИтог тестов: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(code);
}

async function main() {
  fs.rmSync(RESULTS, { recursive: true, force: true });
  fs.mkdirSync(RESULTS, { recursive: true });
  ensureChromium();
  run('проверка типов (tsc)', 'npx', ['tsc', '--noEmit']);
  run('линтер (eslint)', 'npx', ['eslint', '.', '--max-warnings=0']);
  vitest('модульные тесты и встроенная БД', ['unit', 'embedded']);
  vitest('тесты БД на PGlite', ['db'], { DB_TARGET: 'pglite' });
  if (await postgresReachable()) {
    vitest('тесты БД на PostgreSQL', ['db'], { DB_TARGET: 'postgres' });
  } else if (process.env.OPORA_REQUIRE_POSTGRES === '1') {
    console.error('✖ PostgreSQL на 127.0.0.1:5432 недоступен, а OPORA_REQUIRE_POSTGRES=1 требует прогона на нём.');
    finish(1);
  } else {
    console.log('\n⚠ PostgreSQL на 127.0.0.1:5432 недоступен — тесты БД на нём не запускались (в CI они обязательны).');
  }
  run('сборка (next build)', 'npx', ['next', 'build']);
  const e2eReport = path.join(RESULTS, 'playwright.json');
  run(
    'браузерные сценарии (Playwright, Chromium)',
    'npx',
    ['playwright', 'test', '--reporter=list,json'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport, CHROMIUM_PATH: CHROMIUM },
    () =>
      count(e2eReport, (json: { stats: { expected: number; unexpected: number; skipped: number; flaky: number } }) => ({
        passed: json.stats.expected + json.stats.flaky,
        failed: json.stats.unexpected,
        skipped: json.stats.skipped,
      })),
  );
  finish(totals.failed > 0 ? 1 : 0);
}

main().catch((error: Error) => {
  console.error(error);
  finish(1);
});
