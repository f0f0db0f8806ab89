import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, LoginPage } from './support/pages';

/*
 * The demo data (lib/classification/demo-data.ts): МБОУ «Кедровская СОШ № 1» has ЕГЭ, ОГЭ and ВПР results and
 * context data for 2026; the published 2026 run ranks МБОУ «Гимназия № 1» and МБОУ СОШ № 5 of Светлогорск with
 * the same score (places «4–5»), and МКОУ «Соколовская СОШ» has no result with enough participants for a rating.
 */
const SCHOOL = 'МБОУ «Кедровская СОШ № 1»';
const YEAR = '2026';

async function openSchoolData(page: Page) {
  await page.goto('/classification/data');
  await expect(page.getByRole('heading', { level: 1, name: 'Данные школ для классификации' })).toBeVisible();
  await page.getByLabel('Школа', { exact: true }).selectOption({ label: SCHOOL });
  await page.getByLabel('Год', { exact: true }).selectOption(YEAR);
  await page.getByRole('button', { name: 'Показать' }).click();
  await expect(page.getByRole('heading', { name: `Результаты оценочных процедур: ${SCHOOL}, ${YEAR}` })).toBeVisible();
}

function resultsTable(page: Page) {
  return page.getByRole('table', { name: `Результаты ${SCHOOL} за ${YEAR} год` });
}

test('an analyst edits a result and the context data of a demo school', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await new LoginPage(page).signInAndWait('analyst@opora.demo');
  await openSchoolData(page);
  await expectAccessible(page);

  await resultsTable(page).getByRole('link', { name: 'Изменить: ЕГЭ, Русский язык' }).click();
  const form = page.getByRole('form', { name: 'Изменить результат: ЕГЭ, Русский язык' });
  await expect(form).toBeVisible();
  await expectAccessible(page);

  // A bad number: the Russian field error, nothing saved, the typed text kept.
  await form.getByLabel('Средний балл').fill('семьдесят');
  await form.getByRole('button', { name: 'Сохранить результат' }).click();
  await expect(form.getByText('Средний балл: ожидается число')).toBeVisible();
  await expect(form.getByLabel('Средний балл')).toHaveValue('семьдесят');
  await expect(form.getByLabel('Средний балл')).toHaveAttribute('aria-invalid', 'true');

  // A stale version: another user saves the same result first.
  const other = await browser.newPage();
  await new LoginPage(other).signInAndWait('analyst@opora.demo');
  await other.goto(page.url());
  const otherForm = other.getByRole('form', { name: 'Изменить результат: ЕГЭ, Русский язык' });
  await otherForm.getByLabel('Участников').fill('25');
  await otherForm.getByRole('button', { name: 'Сохранить результат' }).click();
  await expect(otherForm.getByRole('status')).toHaveText('Результат сохранён.');
  await other.close();

  await form.getByLabel('Средний балл').fill('71,5');
  await form.getByRole('button', { name: 'Сохранить результат' }).click();
  await expect(form.getByRole('alert').first()).toContainText('Запись уже изменена другим пользователем');

  // After a reload the form carries the new version, and the value is saved.
  await page.reload();
  await expect(form.getByLabel('Участников')).toHaveValue('25');
  await form.getByLabel('Средний балл').fill('71,5');
  await form.getByRole('button', { name: 'Сохранить результат' }).click();
  await expect(form.getByRole('status')).toHaveText('Результат сохранён.');
  const row = resultsTable(page).getByRole('row').filter({ hasText: 'Русский язык' }).filter({ hasText: 'ЕГЭ' });
  await expect(row).toContainText('71,5');
  await expect(row).toContainText('25');
  // Both saves are in the result's history, each changed field by its form name (one item per field).
  const resultHistory = page.getByRole('region', { name: 'История изменений результата' });
  await expect(resultHistory.getByRole('listitem').filter({ hasText: /^Участников:/ })).toContainText('→ 25');
  await expect(resultHistory.getByRole('listitem').filter({ hasText: /^Средний балл:/ })).toContainText('→ 71,5');

  // A new result through the add form, the subject chosen from the reference.
  await page.getByRole('link', { name: 'Добавить другой результат' }).click();
  const add = page.getByRole('form', { name: 'Добавить результат' });
  await add.getByLabel('Экзамен').selectOption({ label: 'ЕГЭ' });
  await add.getByLabel('Предмет').selectOption({ label: 'Физика' });
  await add.getByLabel('Участников').fill('12');
  await add.getByLabel('Средний балл').fill('58');
  await add.getByLabel('Ниже минимума / «2»').fill('13');
  await add.getByRole('button', { name: 'Добавить результат' }).click();
  await expect(add.getByText('Не может быть больше числа участников')).toBeVisible();
  await add.getByLabel('Ниже минимума / «2»').fill('1');
  await add.getByRole('button', { name: 'Добавить результат' }).click();
  await expect(add.getByRole('status')).toHaveText('Результат добавлен.');
  await expect(resultsTable(page).getByRole('row').filter({ hasText: 'Физика' })).toContainText('58');

  // Context data: one field filled, saved and read back.
  const context = page.getByRole('form', { name: 'Социальные данные школы' });
  await context.getByLabel('Интернет, Мбит/с').fill('12,5');
  await context.getByLabel('Педагог-психолог').selectOption({ label: 'Есть' });
  await context.getByRole('button', { name: 'Сохранить социальные данные' }).click();
  await expect(context.getByRole('status')).toHaveText('Социальные данные сохранены.');
  await page.reload();
  await expect(context.getByLabel('Интернет, Мбит/с')).toHaveValue('12,5');
  await expect(context.getByLabel('Педагог-психолог')).toHaveValue('true');
  const contextHistory = page.getByRole('region', { name: 'История изменений социальных данных' });
  await expect(contextHistory.getByRole('listitem').filter({ hasText: /^Интернет, Мбит\/с:/ })).toContainText('→ 12,5');
  await expectAccessible(page);
});

// Shared places («4–5 из 12», «Равный балл») are checked on the rating table itself (rating-table.test.ts): the demo
// region's scores have no tie since its data became coherent with the schools' levels and sizes.
test('the municipal rating shows its formula, places out of the municipality’s count and schools without enough data', async ({ page }) => {
  await new LoginPage(page).signInAndWait('analyst@opora.demo');
  await page.goto('/classification/rating');
  await expect(page.getByRole('heading', { level: 1, name: 'Муниципальный рейтинг школ' })).toBeVisible();
  const runOption = page.getByLabel('Расчёт', { exact: true }).locator('option', { hasText: `${YEAR}:` }).first();
  await page.getByLabel('Расчёт', { exact: true }).selectOption({ label: (await runOption.textContent())! });
  await page.getByLabel('Муниципалитет', { exact: true }).selectOption({ label: 'г. Светлогорск' });
  await page.getByRole('button', { name: 'Показать' }).click();
  await expect(page.getByTestId('rating-formula')).toContainText('Рейтинг = 0,4 × ЕГЭ + 0,4 × ОГЭ + 0,2 × ВПР');
  const table = page.getByRole('table', { name: `Рейтинг школ: г. Светлогорск, ${YEAR}` });
  await expect(table.getByRole('row').filter({ hasText: 'МБОУ «Гимназия № 1»' })).toContainText('4 из 12');
  await expect(table.getByRole('row').filter({ hasText: 'МБОУ СОШ № 5' })).toContainText('5 из 12');
  await expectAccessible(page);

  await page.getByLabel('Муниципалитет', { exact: true }).selectOption({ label: 'Берёзовский район' });
  await page.getByRole('button', { name: 'Показать' }).click();
  await expect(page.getByRole('heading', { name: 'Недостаточно данных для рейтинга' })).toBeVisible();
  await expect(page.getByTestId('rating-insufficient')).toContainText('МКОУ «Соколовская СОШ»');
  await expect(page.getByTestId('rating-insufficient')).toContainText('не меньше 5 участников');
  await expect(page.getByRole('table', { name: `Рейтинг школ: Берёзовский район, ${YEAR}` })).not.toContainText('Соколовская');
  await expectAccessible(page);
});

test('a methodologist, who may not run the classification, cannot open the data editing page', async ({ page }) => {
  await new LoginPage(page).signInAndWait('methodologist@opora.demo');
  await page.goto('/classification/data');
  await expect(page.getByRole('heading', { name: 'Страница не найдена' })).toBeVisible();
});
