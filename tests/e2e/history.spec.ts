import { expect, test } from '@playwright/test';
import { expectAccessible, LoginPage } from './support/pages';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

test('the audit browser speaks Russian: record names with links, an import as one event, no ids', async ({ page }) => {
  await new LoginPage(page).signInAndWait('admin@opora.demo');
  await page.goto('/admin/audit?entityType=roadmap');
  const table = page.getByRole('table', { name: 'Журнал аудита' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const text = await table.innerText();
  expect(text).not.toMatch(UUID);
  expect(text).not.toMatch(ISO_DATE);
  expect(text).not.toMatch(/roadmap|ownerOrganisationId|importKey/);
  await expect(table.getByText(/^Импортировано из .*таблицы, \d+ мероприяти/).first()).toBeVisible();
  await expect(table.getByRole('link').first()).toHaveAttribute('href', /^\/roadmaps\/[0-9a-f-]{36}$/);
  await expectAccessible(page);
});

test('the history of an imported item lists no internal keys', async ({ page }) => {
  await new LoginPage(page).signInAndWait('coordinator@opora.demo');
  await page.goto('/roadmaps');
  await page.getByRole('table', { name: 'Дорожные карты' }).getByRole('link').first().click();
  await page.getByRole('table', { name: 'Мероприятия дорожной карты' }).getByRole('link').first().click();
  const history = page.getByRole('region', { name: 'История изменений' });
  await expect(history).toContainText('импортировано из');
  const text = await history.innerText();
  expect(text).not.toMatch(UUID);
  expect(text).not.toMatch(ISO_DATE);
  expect(text).not.toMatch(/importKey|roadmapId|sectionId|[0-9a-f]{32,}/);
});
