import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, LoginPage } from './support/pages';

/*
 * A year no demo data uses, so the journey sees exactly the rows it imports: five Берёзовский район schools
 * with ЕГЭ results, one of them 32 points below the participant-weighted municipal mean in mathematics
 * ((4 × 70 + 30) / 5 = 62) — R1 fires (gap > 20) and its weight 2 reaches the ШНОР threshold 2.
 */
const YEAR = '2030';
const SCHOOLS = [
  { ogrn: '1029811020139', maths: 70 },
  { ogrn: '1029811020293', maths: 70 },
  { ogrn: '1029811020359', maths: 70 },
  { ogrn: '1029811020414', maths: 70 },
  { ogrn: '1029811020634', maths: 30 }, // МКОУ «Соколовская СОШ»
];
const LOW_SCHOOL = /Соколовская СОШ/;

function resultsCsv(): Buffer {
  const lines = ['ОГРН;Год;Экзамен;Предмет;Участников;Средний балл;Ниже минимума'];
  for (const s of SCHOOLS) {
    lines.push(`${s.ogrn};${YEAR};ЕГЭ;Математика (профильная);20;${s.maths};0`);
    lines.push(`${s.ogrn};${YEAR};ЕГЭ;русский язык;20;72;0`);
  }
  return Buffer.from(lines.join('\n'), 'utf8');
}

async function importResults(page: Page) {
  await page.goto('/classification/import/assessments');
  await expect(page.getByRole('heading', { level: 1, name: 'Импорт результатов оценочных процедур' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Файл результатов ЕГЭ, ОГЭ, ВПР (CSV, XLSX, до 10 МБ)').setInputFiles({ name: 'results.csv', mimeType: 'text/csv', buffer: resultsCsv() });
  await expect(page.getByTestId('import-counts')).toContainText('Будет добавлено записей: 10');
  await expect(page.getByLabel('ОГРН', { exact: true })).toHaveValue('column:0');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Импортировать' }).click();
  await expect(page.getByRole('heading', { name: 'Импорт выполнен' })).toBeVisible();
}

test('an analyst imports results, runs the classification, reads a school card and previews a stricter draft', async ({ page }) => {
  test.setTimeout(120_000);
  await new LoginPage(page).signInAndWait('analyst@opora.demo');
  await importResults(page);

  await page.goto('/classification/import/contexts');
  await expect(page.getByLabel('Файл социальных данных (CSV, XLSX, до 10 МБ)')).toBeVisible();
  await expectAccessible(page);

  // Run for the imported year.
  await page.goto('/classification');
  await page.getByLabel('Учебный год (год результатов)').selectOption(YEAR);
  await page.getByRole('button', { name: 'Запустить классификацию' }).click();
  await expect(page).toHaveURL(/\/classification\?run=/);
  await expect(page.getByRole('heading', { name: new RegExp(`Результаты ${YEAR} года`) })).toBeVisible();
  await expect(page.getByTestId('run-confirmation')).toContainText(`Расчёт за ${YEAR} год выполнен`);
  await expect(page.getByTestId('category-counts')).toContainText('ШНОР: 1');
  await expect(page.getByText(/^Все школы (региона в расчёте|расчёта по муниципалитету)/)).toBeVisible();
  await expect(page.getByRole('img', { name: /Диаграмма рассеяния/ })).toBeVisible();
  await expectAccessible(page);

  // Filters of the results table: by category and by fired rule.
  const table = page.getByRole('table', { name: `Школы: результаты классификации ${YEAR} года` });
  const categoryFilter = page.getByRole('combobox', { name: /^Категория/ });
  await categoryFilter.selectOption('ШНОР');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText(LOW_SCHOOL);
  await categoryFilter.selectOption('');
  await page.getByRole('combobox', { name: /^Сработавшее правило/ }).selectOption({ label: 'R1: отставание по ГИА' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('R1 (отставание по ГИА)');

  // The ministry's copy: the run's schools as CSV.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV', exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^Классификация школ ${YEAR} — .+\\.csv$`));
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toContain('Школа;Муниципалитет;Категория');
  expect(csv).toMatch(new RegExp(`${LOW_SCHOOL.source}[^;\\r\\n]*;`));

  // The school card explains the decision.
  await table.getByRole('link', { name: LOW_SCHOOL }).click();
  await expect(page.getByRole('heading', { level: 1, name: LOW_SCHOOL })).toBeVisible();
  await expect(page.getByTestId('category')).toContainText('ШНОР');
  const r1 = page.getByTestId('rule-R1');
  await expect(r1).toContainText('Сработало');
  await expect(r1).toContainText('Средний балл ЕГЭ по математике (профиль) — 30; это на 32 балла ниже среднего по муниципалитету (62); порог — 20 баллов.');
  await expect(page.getByTestId('rule-R4')).toContainText('Недостаточно данных');
  await expect(page.getByTestId('exit-plan')).toContainText('R1');
  await expectAccessible(page);

  // A draft with a stricter R1 gap: validation, then the what-if diff against the active methodology.
  await page.goto('/classification/methodologies');
  await expectAccessible(page);
  await page.getByLabel('Название').fill('Порог R1 — 35 баллов');
  await page.getByRole('button', { name: 'Создать черновик' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Порог R1 — 35 баллов/ })).toBeVisible();
  const gap = page.getByLabel('R1: отставание от среднего по муниципалитету, баллов');
  await gap.fill('двадцать');
  await page.getByRole('button', { name: 'Сохранить черновик' }).click();
  await expect(page.getByText('Поле «R1: отставание от среднего по муниципалитету, баллов»: укажите число.')).toBeVisible();
  await page.getByLabel('R1: отставание от среднего по муниципалитету, баллов').fill('35');
  await page.getByRole('button', { name: 'Сохранить черновик' }).click();
  await expect(page.getByRole('main').getByRole('status').first()).toContainText('Черновик сохранён');
  await page.reload();
  await expect(page.getByLabel('R1: отставание от среднего по муниципалитету, баллов')).toHaveValue('35');

  await page.getByLabel('Год данных').selectOption(YEAR);
  await page.getByRole('button', { name: 'Показать изменения' }).click();
  const leaving = page.getByTestId('whatif-leave-shnor');
  await expect(leaving).toContainText('Выйдут из ШНОР: 1 школа');
  await expect(leaving).toContainText(LOW_SCHOOL);
  await expect(leaving).toContainText('R1 (отставание по ГИА): сработало → не сработало');
  await expect(leaving).toContainText('Решение изменило правило R1');
  await expect(page.getByTestId('whatif-enter-shnor')).toContainText('Войдут в ШНОР: 0 школ');
  await expect(page.getByRole('button', { name: 'Сделать действующей' })).toBeVisible();
  await expectAccessible(page);
});

test('a methodologist reads the classification but cannot run it or edit methodologies', async ({ page }) => {
  await new LoginPage(page).signInAndWait('methodologist@opora.demo');
  await page.goto('/classification');
  await expect(page.getByRole('heading', { level: 1, name: 'Классификация школ' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Запустить классификацию' })).toHaveCount(0);
  await expectAccessible(page);
  await page.goto('/classification/methodologies');
  await expect(page.getByRole('button', { name: 'Создать черновик' })).toHaveCount(0);
  await expectAccessible(page);
  const response = await page.goto('/classification/import/assessments');
  expect(response?.status()).toBe(404);
});

test('the demo run explains a school with low results in unfavourable conditions: social index, risks, partners', async ({ page }) => {
  await new LoginPage(page).signInAndWait('admin@opora.demo');
  await page.goto('/classification');
  await page.getByRole('link', { name: /^Открыть расчёт 2026 года/ }).first().click();
  await expect(page.getByRole('heading', { name: /Результаты 2026 года/ })).toBeVisible();
  await page.getByRole('combobox', { name: /^Категория/ }).selectOption('ШНОР и ШНСУ');
  const table = page.getByRole('table', { name: 'Школы: результаты классификации 2026 года' });
  await table.getByRole('link').first().click();

  await expect(page.getByTestId('category')).toContainText('ШНОР и ШНСУ');
  await expect(page.getByTestId('shnor-decision')).toHaveText('Да');
  await expect(page.getByTestId('shnsu-decision')).toHaveText('Да');
  await expect(page.getByRole('table', { name: /Вклад переменных в индекс/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Профиль рисков (ФИОКО)' }).getByRole('listitem').first()).toBeVisible();
  const partner = page.getByTestId('partners').getByRole('link').first();
  await expect(page.getByTestId('history')).toContainText('2026');
  await expectAccessible(page);

  const partnerName = (await partner.textContent()) ?? '';
  await partner.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(partnerName);
  await expect(page.getByTestId('shnor-decision')).toHaveText('Нет');
});
