import { expect, test } from '@playwright/test';
import type { EmbeddedDatabase } from '@/lib/db/embedded';
import { startEmbeddedDatabase } from '@/lib/db/embedded';
import { migrateDatabase } from '@/lib/db/migrate';
import { OUTAGE_DB_PORT, OUTAGE_URL } from '../../playwright.config';

let database: EmbeddedDatabase | undefined;
test.afterAll(async () => {
  await database?.stop();
});

test('with the database down: 503 from health, 503 with the Russian outage page for pages and login; then recovery without a restart', async ({ page, request }) => {
  const down = await request.get(`${OUTAGE_URL}/api/health`);
  expect(down.status()).toBe(503);
  expect(await down.json()).toEqual({ status: 'degraded', db: 'unreachable' });

  for (const path of ['/', '/login', '/schools', '/login?callbackUrl=%2Froadmaps']) {
    const response = await page.goto(`${OUTAGE_URL}${path}`);
    expect(response?.status()).toBe(503);
    await expect(page.getByRole('heading', { name: 'Сервис временно недоступен' })).toBeVisible();
    const text = await page.locator('body').innerText();
    expect(text).toMatch(/база данных временно недоступна/);
    expect(text).not.toMatch(/ECONNREFUSED|at .*\.js|Error:/);
  }

  database = await startEmbeddedDatabase({ port: OUTAGE_DB_PORT });
  await migrateDatabase(database.url);
  await expect.poll(async () => (await request.get(`${OUTAGE_URL}/api/health`)).status(), { timeout: 20_000 }).toBe(200);
  await expect.poll(async () => (await page.goto(`${OUTAGE_URL}/`))?.status(), { timeout: 10_000 }).toBe(200);
  await expect(page.getByText('Справочник школ пока пуст.')).toBeVisible();
  expect((await page.goto(`${OUTAGE_URL}/login`))?.status()).toBe(200);
});
