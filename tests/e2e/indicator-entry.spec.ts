import { expect, test } from '@playwright/test';
import { expectAccessible, LoginPage } from './support/pages';

test('a municipality enters values in the organisations × indicators grid: a bad cell is named under it, then saved', async ({ page }) => {
  await new LoginPage(page).signInAndWait('coordinator@opora.demo');
  await page.goto('/indicators/entry/organisations?year=2024');
  await expect(page.getByRole('heading', { level: 1, name: 'Ввод значений по организациям' })).toBeVisible();
  const cell = page.getByRole('textbox', { name: 'Берёзовский район — показатель 3: значение' });
  await cell.fill('120');
  await cell.press('Tab');
  await page.getByRole('button', { name: 'Сохранить значения' }).click();
  const error = page.getByRole('alert').filter({ hasText: 'процент от 0 до 100, указано 120' });
  await expect(error.last()).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Берёзовский район — показатель 3: значение' })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await page.getByRole('textbox', { name: 'Берёзовский район — показатель 3: значение' }).fill('3/4');
  await page.getByRole('button', { name: 'Сохранить значения' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Сохранено: 1 значение.' })).toBeVisible();
});

test('the import, the years view and the start page summary are accessible', async ({ page }) => {
  await new LoginPage(page).signInAndWait('coordinator@opora.demo');
  await page.goto('/indicators/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Импорт значений показателей' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Скачать шаблон (XLSX)' })).toHaveAttribute('href', '/api/v1/templates/indicator-values');
  await expectAccessible(page);
  await page.goto('/indicators/years?year=2022');
  await expect(page.getByRole('heading', { level: 1, name: 'Показатели организации по годам' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'XLSX' })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/tasks');
  const summary = page.getByTestId('indicator-summary');
  for (const status of ['достигнуто', 'близко к цели', 'отстаёт', 'нет данных']) await expect(summary.getByRole('link', { name: new RegExp(status) })).toBeVisible();
  await expect(summary.getByText(/Берёзовский район, \d{4} год/)).toBeVisible();
  await expectAccessible(page);
});

test('a value gets an evidence file in the entry grid; the file is listed beside it and downloads', async ({ page }) => {
  await new LoginPage(page).signInAndWait('coordinator2@opora.demo');
  await page.goto('/indicators/entry?year=2024');
  const grid = page.getByTestId('entry-grid');
  await grid.getByRole('textbox', { name: /: значение$/ }).first().fill('42');
  await grid.getByLabel(/: файл-подтверждение$/).first().setInputFiles({ name: 'акт сверки.txt', mimeType: 'text/plain', buffer: Buffer.from('Акт сверки значений за 2024 год') });
  await page.getByRole('button', { name: 'Сохранить значения' }).click();
  await expect(page.getByText(/Сохранено: \d+ значени/)).toBeVisible();
  const link = page.getByTestId('entry-grid').getByRole('link', { name: /акт сверки\.txt/ });
  await expect(link).toBeVisible();
  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-disposition']).toContain('attachment');
  expect(await response.text()).toBe('Акт сверки значений за 2024 год');
  await expectAccessible(page);
  await page.goto('/indicators/entry/organisations?view=years&year=2024');
  await expect(page.getByRole('table', { name: /по годам/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Файл: акт сверки\.txt/ })).toBeVisible();
  await expectAccessible(page);
});
