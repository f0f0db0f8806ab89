import { expect, test } from '@playwright/test';
import { makeValidOgrn } from '@/lib/organisations/identifiers';
import { expectAccessible, LoginPage } from './support/pages';

test('a coordinator edits a school card and sees the change in its history; a stale form gets a conflict', async ({ page, browser }) => {
  await new LoginPage(page).signInAndWait('coordinator@opora.demo');
  await page.goto('/schools');
  await page.getByRole('link', { name: 'МКОУ «Осиновская ООШ»' }).click();
  await page.getByRole('link', { name: 'Редактировать' }).click();
  await expectAccessible(page);

  const other = await browser.newContext();
  const stalePage = await other.newPage();
  await new LoginPage(stalePage).signInAndWait('coordinator@opora.demo');
  await stalePage.goto(page.url());

  await page.getByLabel('Численность обучающихся').fill('71');
  await page.getByLabel('Расстояние до центра, км').fill('много');
  await page.getByRole('button', { name: 'Сохранить' }).first().click();
  await expect(page.getByText('Расстояние до центра, км: ожидается число')).toBeVisible();
  await page.getByLabel('Расстояние до центра, км').fill('63,5');
  await page.getByRole('button', { name: 'Сохранить' }).first().click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Изменения сохранены.');
  await page.reload();
  const history = page.getByRole('region', { name: 'История изменений' });
  await expect(history).toContainText('Обучающихся: 60 → 71');
  await expect(history).toContainText('Расстояние до центра, км: 63 → 63,5');

  await stalePage.getByLabel('Численность обучающихся').fill('10');
  await stalePage.getByRole('button', { name: 'Сохранить' }).first().click();
  await expect(stalePage.getByRole('main').getByRole('alert')).toHaveText(/уже изменена другим пользователем/);
  await other.close();
});

test('an administrator imports a school directory: mapping, preview, commit, idempotent re-import', async ({ page }) => {
  await new LoginPage(page).signInAndWait('admin@opora.demo');
  await page.goto('/admin/import');
  await expectAccessible(page);
  const ogrnA = makeValidOgrn('102980000001');
  const ogrnB = makeValidOgrn('102980000002');
  const csv = [
    'Наименование;ОГРН;Район;Обучающихся',
    `МБОУ «Школа импорта № 1»;${ogrnA};Берёзовский муниципальный район;120`,
    `МБОУ «Школа импорта № 2»;${ogrnB};Берёзовский муниципальный район;1 050`,
  ].join('\n');
  const file = { name: 'schools.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') };
  await page.getByLabel('Файл справочника (CSV, XLSX, до 10 МБ)').setInputFiles(file);
  await expect(page.getByTestId('import-counts')).toContainText('Будет создано школ: 2');
  await expect(page.getByLabel('ОГРН *')).toHaveValue('column:1');
  await page.getByLabel('Регион').selectOption('constant');
  await page.getByLabel('Регион: значение для всех строк').fill('Заречная область');
  await page.getByRole('button', { name: 'Обновить предпросмотр' }).click();
  await expect(page.getByTestId('import-counts')).toContainText('Новых муниципалитетов: 0');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Импортировать' }).click();
  await expect(page.getByRole('heading', { name: 'Импорт выполнен' })).toBeVisible();

  await page.getByLabel('Файл справочника (CSV, XLSX, до 10 МБ)').setInputFiles(file);
  await expect(page.getByTestId('import-counts')).toContainText('Без изменений: 2');

  const bad = { ...file, buffer: Buffer.from(`${csv}\nШкола без ОГРН;12345;Берёзовский муниципальный район;10`, 'utf8') };
  await page.getByLabel('Файл справочника (CSV, XLSX, до 10 МБ)').setInputFiles(bad);
  await expect(page.getByText('Строка 4, столбец «ОГРН»: ОГРН должен состоять из 13 цифр')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Импортировать' })).toBeDisabled();

  await page.goto('/schools');
  await page.getByLabel('Поиск по названию или ОГРН').fill('импорта');
  await expect(page.getByRole('table', { name: 'Школы' }).getByRole('link')).toHaveCount(2);
});

test('the audit log page lists writes and filters them', async ({ page }) => {
  await new LoginPage(page).signInAndWait('admin@opora.demo');
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Журнал аудита' })).toBeVisible();
  await page.getByLabel('Объект').selectOption('user');
  await page.getByRole('button', { name: 'Показать' }).click();
  await expect(page).toHaveURL(/entityType=user/);
  const rows = page.getByRole('table', { name: 'Журнал аудита' }).getByRole('row');
  await expect(rows.nth(1)).toContainText('Пользователь');
  await expectAccessible(page);
});

test('an expert has no administration and is refused it by address', async ({ page }) => {
  await new LoginPage(page).signInAndWait('expert@opora.demo');
  await page.goto('/admin/organisations');
  await expect(page.getByRole('heading', { name: 'Страница не найдена' })).toBeVisible();
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { name: 'Страница не найдена' })).toBeVisible();
});
