/**
 * `npm run bench:load` — how the portal answers under load, alone and while uploaded tables are parsed (issue 10):
 * starts the production portal on loopback with a fresh embedded database and demo data (building it first when
 * the build is missing or stale), signs in, and measures with autocannon, for `/api/health`, the public home page
 * and a signed-in road-map page, requests per second and p99 latency — first alone (the reference), then while
 * two 4,000-row XLSX road-map imports (previews) are parsed without pause. The figure to hold: p99 of the health
 * check under imports below 200 ms. Figures only, not a test.
 *
 * Loopback only; every phase is bounded (BENCH_SECONDS per measurement, default 10) and the whole run stops
 * itself after 20 minutes. BENCH_PORT (default 3300) and OPORA_DIST_DIR choose the port and the build folder.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import autocannon from 'autocannon';
import ExcelJS from 'exceljs';

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const IMPORT_ROWS = 4_000;
const PARALLEL_IMPORTS = 2;
const DATA_DIR = `.bench-data-${PORT}`;
const HARD_STOP_MS = 20 * 60_000;
const DEMO_LOGIN = 'admin@opora.demo';
const DEMO_PASSWORD = 'Opora-demo-2026';

const log = (message: string) => console.log(`[bench:load] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startPortal() {
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  // Its own process group: the portal, its build and its Next.js server are stopped together at the end.
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/portal.ts', 'start'], {
    detached: true,
    env: {
      ...process.env,
      PORT: String(PORT),
      OPORA_DATA_DIR: DATA_DIR,
      OPORA_EMBEDDED_PORT: String(54_400 + (PORT % 100)),
      NEXTAUTH_URL: ORIGIN,
      NEXTAUTH_SECRET: 'bench-secret-not-for-production',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

async function portListening(): Promise<boolean> {
  return fetch(`${ORIGIN}/api/health`).then(
    () => true,
    () => false,
  );
}

/** SIGTERM to the portal's process group (the portal stops Next.js, then its database); SIGKILL after 30 s. */
async function stopPortal(portal: ReturnType<typeof startPortal>): Promise<void> {
  if (portal.exitCode !== null || portal.signalCode !== null || !portal.pid) return;
  const exited = new Promise((resolve) => portal.once('exit', resolve));
  process.kill(-portal.pid, 'SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(30_000).then(() => false)]);
  if (!stopped) process.kill(-portal.pid, 'SIGKILL');
  // Whatever the portal started (its build, its server) goes with the group.
  await sleep(1000);
  try {
    process.kill(-portal.pid, 'SIGKILL');
  } catch {
    // the group is gone
  }
}

async function waitForHealth(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${ORIGIN}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(1000);
  }
  throw new Error('портал не ответил на /api/health');
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
    body: new URLSearchParams({ csrfToken, login: DEMO_LOGIN, password: DEMO_PASSWORD, callbackUrl: `${ORIGIN}/`, json: 'true' }),
  });
  const session = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).find((cookie) => cookie?.includes('session-token'));
  if (!session) throw new Error(`вход не удался (HTTP ${response.status})`);
  return [...csrfCookies, session].join('; ');
}

async function firstRoadmapId(cookie: string): Promise<string> {
  const response = await fetch(`${ORIGIN}/api/v1/roadmaps`, { headers: { cookie } });
  const body = (await response.json()) as unknown;
  const list = Array.isArray(body) ? body : ((body as { items?: unknown[]; data?: unknown[] }).items ?? (body as { data?: unknown[] }).data ?? []);
  const id = (list[0] as { id?: string } | undefined)?.id;
  if (!id) throw new Error('в демо-данных нет дорожной карты');
  return id;
}

async function roadmapWorkbook(): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Дорожная карта');
  sheet.addRow(['№', 'Мероприятие', 'Сроки', 'Ответственные', 'Ожидаемый результат']);
  for (let section = 0; section < IMPORT_ROWS / 100; section += 1) {
    sheet.addRow([`${section + 1}.`, `Раздел ${section + 1}. Повышение качества образования`, '', '', '']);
    for (let item = 1; item < 100; item += 1) {
      sheet.addRow([
        `${section + 1}.${item}.`,
        `Провести методический семинар № ${item} для учителей школ с низкими результатами`,
        item % 2 ? 'март 2025' : '4 квартал 2025 года и ежегодно',
        'МОУО, УМЦ',
        'Проведён семинар, не менее 20 участников',
      ]);
    }
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

interface Measured {
  label: string;
  requestsPerSecond: number;
  p99: number;
  errors: number;
}

async function measure(label: string, path: string, cookie?: string): Promise<Measured> {
  const result = await autocannon({
    url: `${ORIGIN}${path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: cookie ? { cookie } : {},
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  return { label, requestsPerSecond: result.requests.average, p99: result.latency.p99, errors };
}

/** Keeps `PARALLEL_IMPORTS` import previews in flight until `stop` resolves; counts them and their times. */
function importsUnderway(roadmapId: string, cookie: string, workbook: Uint8Array<ArrayBuffer>) {
  let running = true;
  const times: number[] = [];
  const failures: string[] = [];
  const loop = async () => {
    while (running) {
      const started = performance.now();
      const response = await fetch(`${ORIGIN}/api/v1/roadmaps/${roadmapId}/import?dryRun=true`, {
        method: 'POST',
        headers: {
          cookie,
          origin: ORIGIN,
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
        body: workbook,
      });
      await response.arrayBuffer();
      if (response.ok) times.push(performance.now() - started);
      else failures.push(`HTTP ${response.status}`);
    }
  };
  const loops = Array.from({ length: PARALLEL_IMPORTS }, loop);
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return { times, failures };
    },
  };
}

const ms = (value: number) => `${value.toFixed(0)} мс`;

async function main() {
  if (await portListening()) throw new Error(`порт ${PORT} уже занят — остановите то, что на нём работает, или задайте BENCH_PORT`);
  const portal = startPortal();
  const hardStop = setTimeout(() => {
    log('прервано: прогон дольше 20 минут');
    void stopPortal(portal).then(() => process.exit(2));
  }, HARD_STOP_MS);
  try {
    await waitForHealth(Date.now() + 15 * 60_000);
    const cookie = await signIn();
    const roadmapId = await firstRoadmapId(cookie);
    const workbook = await roadmapWorkbook();
    log(`портал ${ORIGIN}; файл импорта: ${IMPORT_ROWS} строк XLSX, ${(workbook.length / 1024).toFixed(0)} КБ`);

    // Warm-up: compile the pages and start the worker of the table pool.
    for (const path of ['/api/health', '/', `/roadmaps/${roadmapId}`]) await fetch(`${ORIGIN}${path}`, { headers: { cookie } });
    const warm = importsUnderway(roadmapId, cookie, workbook);
    await sleep(3000);
    const warmed = await warm.stop();
    if (warmed.times.length === 0) throw new Error(`импорт не удался: ${warmed.failures.join(', ')}`);
    log(`один импорт (предпросмотр) ${IMPORT_ROWS} строк без нагрузки: ${ms(Math.min(...warmed.times))}`);

    const targets: [string, string, string | undefined][] = [
      ['/api/health', '/api/health', undefined],
      ['главная (открытая)', '/', undefined],
      ['дорожная карта (вход)', `/roadmaps/${roadmapId}`, cookie],
    ];
    const rows: { label: string; alone: Measured; loaded: Measured; imports: number; importP50: number }[] = [];
    for (const [label, path, session] of targets) {
      const alone = await measure(label, path, session);
      const imports = importsUnderway(roadmapId, cookie, workbook);
      await sleep(500);
      const loaded = await measure(label, path, session);
      const { times, failures } = await imports.stop();
      if (failures.length > 0) log(`ошибки импорта: ${failures.slice(0, 5).join(', ')}`);
      const sorted = [...times].sort((a, b) => a - b);
      rows.push({ label, alone, loaded, imports: times.length, importP50: sorted[sorted.length >> 1] ?? NaN });
    }

    console.log('');
    console.log(`Нагрузка: ${CONNECTIONS} соединений, ${SECONDS} с на замер; под импортом — ${PARALLEL_IMPORTS} импорта XLSX по ${IMPORT_ROWS} строк без перерыва`);
    console.log('страница                  | одна: запр/с   p99    ошибки | под импортом: запр/с   p99    ошибки | импортов, медиана');
    for (const { label, alone, loaded, imports, importP50 } of rows) {
      console.log(
        `${label.padEnd(25)} | ${alone.requestsPerSecond.toFixed(0).padStart(10)} ${ms(alone.p99).padStart(7)} ${String(alone.errors).padStart(6)} |` +
          ` ${loaded.requestsPerSecond.toFixed(0).padStart(19)} ${ms(loaded.p99).padStart(7)} ${String(loaded.errors).padStart(6)} | ${imports}, ${ms(importP50)}`,
      );
    }
    const health = rows[0]!;
    const held = health.loaded.p99 < 200;
    console.log('');
    console.log(`p99 /api/health под импортом: ${ms(health.loaded.p99)} (без импорта ${ms(health.alone.p99)}) — цель < 200 мс: ${held ? 'выполнена' : 'НЕ выполнена'}`);
  } finally {
    clearTimeout(hardStop);
    await stopPortal(portal);
    fs.rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`[bench:load] ${error.message}`);
  process.exit(1);
});
