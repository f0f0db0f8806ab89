import { expect, test } from '@playwright/test';
import type { EmbeddedDatabase } from '@/lib/db/embedded';
import { startEmbeddedDatabase } from '@/lib/db/embedded';
import { migrateDatabase } from '@/lib/db/migrate';
import { OUTAGE_DB_PORT, OUTAGE_URL } from '../../playwright.config';

let database: EmbeddedDatabase | undefined;
test.afterAll(async () => {
  await database?.stop();
});

test('with the database down: 503 from health, a Russian error page; then recovery without a restart', async ({ page, request }) => {
  const down = await request.get(`${OUTAGE_URL}/api/health`);
  expect(down.status()).toBe(503);
  expect(await down.json()).toEqual({ status: 'degraded', db: 'unreachable' });

  await page.goto(`${OUTAGE_URL}/`);
  await expect(page.getByRole('heading', { name: 'Сервис временно недоступен' })).toBeVisible();
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/ECONNREFUSED|at .*\.js|Error:/);

  database = await startEmbeddedDatabase({ port: OUTAGE_DB_PORT });
  await migrateDatabase(database.url);
  await expect.poll(async () => (await request.get(`${OUTAGE_URL}/api/health`)).status(), { timeout: 20_000 }).toBe(200);
  await page.goto(`${OUTAGE_URL}/`);
  await expect(page.getByText('Справочник школ пока пуст.')).toBeVisible();
});
