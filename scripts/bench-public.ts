/**
 * `npm run bench:public` — how fast the public pages answer (issue 14, «Speed»): loads the synthetic region of
 * 2,000 schools in 100 municipalities (scripts/bench-region.ts: three years of results, road maps, approved
 * indicators, published runs of two years) into a scratch PostgreSQL database, starts the production portal on
 * loopback (building it first when the build is missing or stale), and measures with wrk or autocannon (50
 * connections; see CLIENT below) a school page, a municipality page and search, each next to the minimal
 * prerendered page /public/bench-static (the ceiling) and the explanations page /public/about (a page with no
 * data under the same shell) in the same run, alternately, BENCH_ROUNDS times, and search with a new query on
 * every request (never cached) next to its floor, /public/bench-dynamic/<n> (a page that reads nothing, rendered
 * anew on every request); it
 * prints the medians of req/s, p50/p99 latency, errors and the ratio to the static page — with the page and data
 * cache off (OPORA_PUBLIC_CACHE=off), in process memory, and shared through Redis (REDIS_URL, default
 * 127.0.0.1:6379).
 * Targets: school and municipality pages ≥ 80 % of the static page's throughput, search p99 ≤ 100 ms, no errors.
 * Figures only, not a test.
 *
 * BENCH_CLIENT (wrk or autocannon), BENCH_PORT (default 3300), BENCH_SECONDS per measurement (default 5), BENCH_ROUNDS (default 3), BENCH_PHASES
 * (default «off,on,redis»), OPORA_DIST_DIR (default .next-bench). TEST_POSTGRES_URL overrides the admin URL of
 * the scratch database. The whole run stops itself after 40 minutes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@redis/client';
import autocannon from 'autocannon';
import { classifyLazily } from '@/lib/classification/classify';
import { DEFAULT_METHODOLOGY } from '@/lib/classification/methodology';
import { loadInput } from '@/lib/classification/server/load';
import { insertRun } from '@/lib/classification/server/store';
import { hashPassword } from '@/lib/auth/password';
import { closeDb, getPool } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { inTransaction } from '@/lib/db/transaction';
import { categoryHeadline } from '@/lib/public/sentences';
import { createScratchDatabase } from '@/tests/support/database';
import { loadIndicatorsAndDecisions, loadRegion, loadRoadmaps, publishedRun, YEAR } from './bench-region';
import { parseWrk, type Measured } from './bench-wrk';

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
type Phase = 'off' | 'on' | 'redis';
const PHASES = (process.env.BENCH_PHASES ?? 'off,on,redis').split(',').map((p) => p.trim()) as Phase[];
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const CONNECTIONS = 50;
const DIST_DIR = process.env.OPORA_DIST_DIR || '.next-bench';
const HARD_STOP_MS = 40 * 60_000;
const BENCH_LOGIN = 'bench@opora.test';
const BENCH_PASSWORD = 'Bench-password-2026';

const log = (message: string) => console.log(`[bench:public] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const load = () => `load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} на ${cpus().length} ядрах`;

function startPortal(databaseUrl: string, phase: Phase) {
  // Its own process group: the portal, its build and its Next.js server are stopped together.
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/portal.ts', 'start'], {
    detached: true,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(PORT),
      OPORA_DIST_DIR: DIST_DIR,
      OPORA_PUBLIC_CACHE: phase === 'off' ? 'off' : 'on',
      // The shared cache of several instances (lib/cache/handler.mjs), under a prefix of this run's own.
      REDIS_URL: phase === 'redis' ? REDIS_URL : '',
      OPORA_CACHE_PREFIX: `opora:bench:${process.pid}:`,
      NEXTAUTH_URL: ORIGIN,
      NEXTAUTH_SECRET: 'bench-secret-not-for-production',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
type Portal = ReturnType<typeof startPortal>;

async function stopPortal(portal: Portal): Promise<void> {
  if (portal.exitCode !== null || portal.signalCode !== null || !portal.pid) return;
  const exited = new Promise((resolve) => portal.once('exit', resolve));
  process.kill(-portal.pid, 'SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(30_000).then(() => false)]);
  if (!stopped) process.kill(-portal.pid, 'SIGKILL');
  await sleep(1000);
  try {
    process.kill(-portal.pid, 'SIGKILL');
  } catch {
    // the group is gone
  }
}

async function portListening(): Promise<boolean> {
  return fetch(`${ORIGIN}/api/health`).then(() => true, () => false);
}

async function waitForHealth(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (await fetch(`${ORIGIN}/api/health`).then((r) => r.ok, () => false)) return;
    await sleep(1000);
  }
  throw new Error('портал не ответил на /api/health');
}


/**
 * The load generator: wrk (Debian's package `wrk`) when it is installed, else autocannon from npm — or
 * BENCH_CLIENT=wrk|autocannon. wrk is preferred: it shares the machine's two cores with the portal, and
 * autocannon decodes every response body into a JavaScript string (UTF-8, most of it Cyrillic), which costs it
 * more the larger the page, so with it the large pages read slower than the portal serves them.
 */
const CLIENT: 'wrk' | 'autocannon' = (() => {
  const asked = process.env.BENCH_CLIENT;
  if (asked === 'wrk' || asked === 'autocannon') return asked;
  return spawnSync('wrk', ['--version']).error ? 'autocannon' : 'wrk';
})();

/** A path ending in «{n}» gets a new number on every request (a search never asked before: no cache hit). */
async function measure(path: string): Promise<Measured> {
  // The previous measurement's requests still queued in the server must not weigh on this one.
  await sleep(3000);
  await fetch(`${ORIGIN}/public/bench-static`).then((r) => r.arrayBuffer(), () => null);
  const vary = path.includes('%7Bn%7D');
  if (CLIENT === 'wrk') {
    const args = ['-t1', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--timeout', '10s', '--latency'];
    let script: string | null = null;
    if (vary) {
      script = join(tmpdir(), `opora-bench-${process.pid}.lua`);
      const template = path.replace('%7Bn%7D', 'OPORAN');
      writeFileSync(script, `local n = 0\nrequest = function()\n  n = n + 1\n  return wrk.format("GET", (string.gsub(${JSON.stringify(template)}, "OPORAN", "${process.pid}x" .. n)))\nend\n`);
      args.push('-s', script);
    }
    const run = spawnSync('wrk', [...args, `${ORIGIN}${vary ? '/' : path}`], { encoding: 'utf8', timeout: (SECONDS + 60) * 1000 });
    if (script) rmSync(script, { force: true });
    if (run.status !== 0) throw new Error(`wrk: ${run.stderr || run.error?.message}`);
    return parseWrk(run.stdout);
  }
  let n = 0;
  const result = await autocannon({
    url: `${ORIGIN}${path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    ...(vary ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: path.replace('%7Bn%7D', `${process.pid}x${++n}`) }) }] } : {}),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function prepareRegion() {
  const regionId = randomUUID();
  await getPool().query(`INSERT INTO organisations (id, kind, name, region_id) VALUES ($1, 'region', 'Синтетическая область', $1)`, [regionId]);
  const region = await loadRegion(regionId);
  await loadRoadmaps(regionId, region);
  await loadIndicatorsAndDecisions(regionId);
  await getPool().query('ANALYZE');
  const [{ id: methodologyId }] = (await getPool().query(
    `INSERT INTO methodologies (region_id, name, version_number, status, params) VALUES ($1, 'По умолчанию', 1, 'active', $2) RETURNING id`,
    [regionId, JSON.stringify(DEFAULT_METHODOLOGY)])).rows as [{ id: string }];
  await publishedRun(regionId, methodologyId, YEAR - 1);
  const counts = await publishedRun(regionId, methodologyId, YEAR);
  // The page measured: a school in the programme (its page has the status, reasons and the most to show).
  const [school] = (await getPool().query(
    `SELECT r.school_id AS id, o.municipality_id FROM classification_results r JOIN classification_runs run ON run.id = r.run_id AND run.year = $1
       JOIN organisations o ON o.id = r.school_id WHERE r.category IN ('low_results', 'both') ORDER BY o.name LIMIT 1`, [YEAR])).rows as [{ id: string; municipality_id: string }];
  // A draft run of the same year under a stricter rule: publishing it (through the API, at the end of the run)
  // must change a school's status on its very next page view, cache or not.
  const draftInput = await loadInput({ regionId, municipalityId: null, year: YEAR }, { ...DEFAULT_METHODOLOGY, r1: { gapPoints: 10 } });
  const draft = await inTransaction((tx) => insertRun(tx, { regionId, municipalityId: null, year: YEAR, methodologyId, createdBy: null },
    classifyLazily(draftInput, { explain: true }), false));
  await getPool().query(`INSERT INTO users (login, name, role, organisation_id, password_hash) VALUES ($1, 'Замер', 'admin', $2, $3)`,
    [BENCH_LOGIN, regionId, await hashPassword(BENCH_PASSWORD)]);
  log(`данные: ${region.schools} школ в ${region.municipalityIds.length} муниципалитетах, ${region.results} строк результатов; категории ${YEAR}: ${JSON.stringify(counts)}`);
  return { schoolId: school.id, municipalityId: school.municipality_id, draftRunId: draft.id };
}

/** Signs in through next-auth's credentials form and returns the Cookie header of the session. */
async function signIn(): Promise<string> {
  const csrfResponse = await fetch(`${ORIGIN}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookies = csrfResponse.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  const response = await fetch(`${ORIGIN}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookies.join('; '), origin: ORIGIN },
    body: new URLSearchParams({ csrfToken, login: BENCH_LOGIN, password: BENCH_PASSWORD, callbackUrl: `${ORIGIN}/`, json: 'true' }),
  });
  const session = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).find((cookie) => cookie?.includes('session-token'));
  if (!session) throw new Error(`вход не удался (HTTP ${response.status})`);
  return [...csrfCookies, session].join('; ');
}

/**
 * Publishes the draft run through the API and opens, once, the page of a school whose status it changes (its
 * page was read, and cached, before): the new status must be on that very response.
 */
async function publicationVisible(draftRunId: string): Promise<string> {
  const [changed] = (await getPool().query(
    `SELECT d.school_id, d.category FROM classification_results d
       JOIN classification_results p ON p.school_id = d.school_id
       JOIN classification_runs pr ON pr.id = p.run_id AND pr.status = 'published' AND pr.year = $2
      WHERE d.run_id = $1 AND d.category <> p.category AND d.category IN ('low_results', 'both') ORDER BY d.school_id LIMIT 1`, [draftRunId, YEAR])).rows as [{ school_id: string; category: 'low_results' | 'both' }?];
  if (!changed) return 'проверка публикации пропущена: черновой расчёт не меняет ни одного статуса';
  const path = `/public/schools/${changed.school_id}`;
  const expected = categoryHeadline(changed.category, YEAR);
  const page = async () => (await fetch(`${ORIGIN}${path}`)).text();
  const before = await page();
  await page();
  if (before.includes(expected)) throw new Error('новый статус виден до публикации');
  log('проверка публикации: вход и публикация расчёта');
  const cookie = await signIn();
  const published = await fetch(`${ORIGIN}/api/v1/classification/runs/${draftRunId}/publish`, { method: 'POST', headers: { cookie, origin: ORIGIN } });
  if (!published.ok) throw new Error(`публикация не удалась: HTTP ${published.status} ${await published.text()}`);
  const after = await page();
  if (!after.includes(expected)) throw new Error(`после публикации страница школы ${path} не показала новый статус с первого запроса`);
  return `после публикации расчёта новый статус школы виден с первого же запроса (${path})`;
}

const ms = (value: number) => `${value.toFixed(0)} мс`;

async function main() {
  if (await portListening()) throw new Error(`порт ${PORT} уже занят — задайте BENCH_PORT`);
  const scratch = await createScratchDatabase('opora_bench_public');
  let portal: Portal | null = null;
  const hardStop = setTimeout(() => {
    log('прервано: прогон дольше 40 минут');
    void (portal ? stopPortal(portal) : Promise.resolve()).then(() => scratch.drop()).then(() => process.exit(2));
  }, HARD_STOP_MS);
  try {
    process.env.DATABASE_URL = scratch.url;
    await migrateDatabase(scratch.url);
    const { schoolId, municipalityId, draftRunId } = await prepareRegion();

    const targets: [string, string][] = [
      ['статическая страница', '/public/bench-static'],
      ['страница без данных', '/public/about'],
      ['страница школы', `/public/schools/${schoolId}`],
      ['страница муниципалитета', `/public/municipalities/${municipalityId}`],
      ['поиск (с опечаткой)', `/?q=${encodeURIComponent('шкла № 7 муниципалитет 12')}`],
      ['поиск, всякий раз новый', `/?q=${encodeURIComponent('шкла № 7 муниципалитет {n}')}`],
      // The floor of the line above: a page of the same kind that reads nothing, rendered anew on every request.
      ['пол: новая страница', `/public/bench-dynamic/${encodeURIComponent('{n}')}`],
    ];
    const report: string[] = [];
    for (const phase of PHASES) {
      portal = startPortal(scratch.url, phase);
      await waitForHealth(Date.now() + 20 * 60_000);
      for (const [, target] of targets) {
        // Warmed up as measured: a placeholder gets a number of its own (the floor page answers nothing else).
        const path = target.replace('%7Bn%7D', `${process.pid}x0`);
        // A keep-alive connection the busy server has just closed fails the request: ask once more.
        const response = await fetch(`${ORIGIN}${path}`).catch(async (error: Error) => {
          log(`${path}: ${error.message} — повтор`);
          await sleep(2000);
          return fetch(`${ORIGIN}${path}`);
        });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      }
      const runs = new Map<string, Measured[]>(targets.map(([label]) => [label, []]));
      const loads: number[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        for (const [label, path] of targets) runs.get(label)!.push(await measure(path));
        loads.push(loadavg()[0]!);
        log(`кэш ${phase}: круг ${round} из ${ROUNDS} (${load()})`);
      }
      const publication = phase === PHASES[PHASES.length - 1] ? await publicationVisible(draftRunId) : null;
      if (publication) log(publication);
      await stopPortal(portal);
      portal = null;
      const staticRps = median(runs.get(targets[0]![0])!.map((m) => m.requestsPerSecond));
      const title = { off: 'выключен (OPORA_PUBLIC_CACHE=off)', on: 'ВКЛЮЧЁН, в памяти процесса', redis: `ВКЛЮЧЁН, общий через Redis (${REDIS_URL})` }[phase];
      report.push('', `Кэш страниц и данных: ${title}; медианы ${ROUNDS} кругов; load average (1 мин) за круги: ${loads.map((l) => l.toFixed(1)).join(', ')}`);
      report.push('страница                  |  запр/с |   p50 |   p99 | ошибки | доля статической');
      for (const [label] of targets) {
        const m = runs.get(label)!;
        const rps = median(m.map((x) => x.requestsPerSecond));
        report.push(`${label.padEnd(25)} | ${rps.toFixed(0).padStart(7)} | ${ms(median(m.map((x) => x.p50))).padStart(5)} | ${ms(median(m.map((x) => x.p99))).padStart(5)} | ${String(m.reduce((n, x) => n + x.errors, 0)).padStart(6)} | ${((rps / staticRps) * 100).toFixed(0).padStart(3)} %`);
      }
      if (publication) report.push(publication);
    }
    console.log(`\nНагрузка: ${CONNECTIONS} соединений, ${SECONDS} с на замер, страницы по очереди в каждом круге; цели: школа и муниципалитет ≥ 80 % статической, поиск p99 ≤ 100 мс, без ошибок`);
    for (const line of report) console.log(line);
  } finally {
    clearTimeout(hardStop);
    if (portal) await stopPortal(portal);
    await closeDb();
    await scratch.drop();
    if (PHASES.includes('redis')) {
      const redis = await createClient({ url: REDIS_URL }).connect().catch(() => null);
      if (redis) {
        for await (const keys of redis.scanIterator({ MATCH: `opora:bench:${process.pid}:*`, COUNT: 500 })) if (keys.length) await redis.del(keys);
        await redis.close();
      }
    }
  }
}

main().catch((error: Error) => {
  console.error(`[bench:public] ${error.message}`);
  process.exit(1);
});
