import { defineConfig, devices } from '@playwright/test';

/**
 * Browser journeys against the production build (`next build` runs before, in `npm test`), in Debian's Chromium —
 * Playwright never downloads a browser here. The main server has a fresh embedded database with demo data; the
 * second one starts with its database down, for the outage and recovery journey.
 */
// E2E_PORT lets two runs share a machine (each also needs its own OPORA_DIST_DIR build).
const port = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://localhost:${port}`;
export const OUTAGE_URL = `http://localhost:${port + 1}`;
export const OUTAGE_DB_PORT = 54341 + (port - 3100) * 10;
export const EMBEDDED_PORT = 54339 + (port - 3100) * 10;
const dataDir = `.e2e-data-${port}`;

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: [
    {
      command: `rm -rf ${dataDir} && npx tsx scripts/portal.ts start`,
      url: `${BASE_URL}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      env: {
        PORT: String(port),
        OPORA_DATA_DIR: dataDir,
        OPORA_EMBEDDED_PORT: String(EMBEDDED_PORT),
        NEXTAUTH_URL: BASE_URL,
        NEXTAUTH_SECRET: 'e2e-secret-not-for-production',
      },
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node node_modules/next/dist/bin/next start -p ${port + 1}`,
      // Pages answer 503 while its database is down; the API description needs no database.
      url: `${OUTAGE_URL}/api/v1/openapi.json`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        DATABASE_URL: `postgres://postgres@127.0.0.1:${OUTAGE_DB_PORT}/postgres`,
        NEXTAUTH_URL: OUTAGE_URL,
        NEXTAUTH_SECRET: 'e2e-secret-not-for-production',
      },
      stdout: 'ignore',
      stderr: 'ignore',
    },
  ],
});
