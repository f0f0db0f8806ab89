import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectAccessible, LoginPage } from './support/pages';

test('the analyst generates the region’s monitoring report, follows its progress and downloads the XLSX', async ({ page }) => {
  await new LoginPage(page).signInAndWait('analyst@opora.demo');
  await page.goto('/reports');
  await expect(page.getByRole('heading', { level: 1, name: 'Отчёты' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Вид отчёта').selectOption({ label: 'Мониторинговый отчёт' });
  await page.getByLabel('Регион или муниципалитет').selectOption({ index: 0 });
  await page.getByLabel('Год').selectOption('2026');
  await page.getByLabel('Формат').selectOption('xlsx');
  await page.getByRole('button', { name: 'Сформировать' }).click();
  await expect(page.getByText('«Мониторинговый отчёт» поставлен в очередь')).toBeVisible();
  const download = page.getByRole('link', { name: /Скачать отчёт «Мониторинговый отчёт о поддержке ШНОР и ШНСУ — .*, 2026 год»/ }).first();
  await expect(download).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page);
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  expect(file.suggestedFilename()).toMatch(/^Мониторинговый отчёт о поддержке ШНОР и ШНСУ — .*, 2026 год\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await file.path())!)).buffer as ArrayBuffer);
  const title = workbook.getWorksheet('Титул')!;
  expect(String(title.getCell('A1').value)).toMatch(/^Мониторинговый отчёт о поддержке ШНОР и ШНСУ/);
  const lists = workbook.getWorksheet('Перечни школ')!;
  const header = lists.getRow(3).values as unknown[];
  expect(header).toContain('Школ в 2026 году');
  expect(typeof lists.getRow(4).getCell(2).value).toBe('number');
});

test('the decisions register: a coordinator records a decision (a field error first) and sees it in the list', async ({ page }) => {
  await new LoginPage(page).signInAndWait('coordinator@opora.demo');
  await page.goto('/reports/decisions/new');
  await page.getByRole('button', { name: 'Записать решение' }).click();
  await expect(page.getByText('Решение: заполните поле')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Решение', { exact: true }).fill('Закрепить куратора за МКОУ «Осиновская ООШ»');
  await page.getByLabel('Ответственный').fill('Отдел образования');
  await page.getByRole('button', { name: 'Записать решение' }).click();
  await expect(page.getByText('Решение записано.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'История изменений' })).toBeVisible();
  await page.goto('/reports/decisions');
  await expect(page.getByRole('link', { name: 'Закрепить куратора за МКОУ «Осиновская ООШ»' }).first()).toBeVisible();
  await expectAccessible(page);
});
