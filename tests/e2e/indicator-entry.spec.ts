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
