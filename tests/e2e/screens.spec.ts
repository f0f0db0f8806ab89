import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, LoginPage } from './support/pages';

const DESKTOP = { width: 1366, height: 800 };
// These journeys visit several pages at two widths, each with its own sign-in and axe check.
const LONG_JOURNEY = 240_000;
const PHONE = { width: 390, height: 844 };

async function signedIn(browser: Browser, viewport: { width: number; height: number }, login = 'admin@opora.demo') {
  const context = await browser.newContext({ viewport, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  const page = await context.newPage();
  await new LoginPage(page).signInAndWait(login);
  return page;
}

/** The page scrolls sideways only if something is wider than the screen. */
async function expectFitsScreen(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }));
  expect(widths.scroll, `${page.url()} is ${widths.scroll} px wide at ${widths.viewport} px`).toBeLessThanOrEqual(widths.viewport);
}

async function roadmapHref(page: Page, titleStart: string) {
  await page.goto('/roadmaps');
  const href = await page.getByRole('table', { name: 'Дорожные карты' }).getByRole('link', { name: new RegExp(`^${titleStart}`) }).first().getAttribute('href');
  expect(href).toBeTruthy();
  return href!;
}

test('road maps and their items fit a 1366 px screen and a 390 px phone; rows are grouped under their sections', async ({ browser }) => {
  test.setTimeout(LONG_JOURNEY);
  const desktop = await signedIn(browser, DESKTOP);
  const regional = await roadmapHref(desktop, 'Региональная дорожная карта');
  const municipal = await roadmapHref(desktop, 'Дорожная карта проекта повышения качества');
  await desktop.goto(regional);
  const table = desktop.getByRole('table', { name: 'Мероприятия дорожной карты' });
  await expect(table.getByRole('rowheader').first()).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Раздел' })).toHaveCount(0);
  await expectFitsScreen(desktop);
  await desktop.goto(municipal);
  await expectFitsScreen(desktop);

  const phone = await signedIn(browser, PHONE);
  // The run and school pickers (long run names) and the print table once widened the phone page too.
  for (const href of [regional, municipal, '/roadmaps', '/schools', '/classification/rating', '/classification/data', `${municipal}/print`]) {
    await phone.goto(href);
    await expectFitsScreen(phone);
  }
  await phone.goto(municipal);
  const item = phone.getByRole('table', { name: 'Мероприятия дорожной карты' }).getByRole('link').first();
  const itemHref = await item.getAttribute('href');
  await item.click();
  // The road map's own (long) heading stays visible until the item page has replaced it: wait for the item page.
  await phone.waitForURL(`**${itemHref}`);
  await expect(phone.getByRole('heading', { level: 1 })).toBeVisible();
  await expectFitsScreen(phone);
  const heading = await phone.getByRole('heading', { level: 1 }).textContent();
  expect(heading!.length).toBeLessThanOrEqual(100);
  await expectAccessible(phone);
  await phone.context().close();
  await desktop.context().close();
});

test('the school hub shows the category with its trend, the road map, the data and the people around a school', async ({ browser }) => {
  test.setTimeout(LONG_JOURNEY);
  for (const viewport of [DESKTOP, PHONE]) {
    const page = await signedIn(browser, viewport, 'coordinator@opora.demo');
    await page.goto('/schools');
    await page.getByRole('table', { name: 'Школы' }).getByRole('link', { name: /Осиновская/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Осиновская/ })).toBeVisible();
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { name: /^Категория/ })).toBeVisible();
    await expect(page.getByTestId('hub-category')).toBeVisible();
    await expect(page.getByTestId('hub-trend')).toContainText(/\d{4}/);
    await expect(page.getByRole('region', { name: 'Дорожная карта' }).getByRole('link').first()).toBeVisible();
    // The school's own demo map (other journeys of the run may have added maps of this school).
    const demoMap = page.getByRole('region', { name: 'Дорожная карта' }).getByRole('listitem').filter({ hasText: 'Программа перехода МКОУ «Осиновская ООШ»' });
    await expect(demoMap.getByTestId('progress-summary')).toContainText('Выполнено');
    await expect(main.getByRole('heading', { name: /^Данные для классификации/ })).toBeVisible();
    await expect(main.getByRole('link', { name: 'Изменить данные школы' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Партнёры и кураторы' })).toContainText('Методическое сопровождение');
    await expectFitsScreen(page);
    await expectAccessible(page);
    await page.context().close();
  }
});

test('the report form keeps the chosen file after a validation error and accepts a link without «https://»', async ({ page }) => {
  await new LoginPage(page).signInAndWait('coordinator@opora.demo');
  await page.goto(await roadmapHref(page, 'Дорожная карта проекта повышения качества'));
  await page.getByRole('table', { name: 'Мероприятия дорожной карты' }).getByRole('link').first().click();
  const form = page.getByRole('region', { name: 'Отчёты о ходе исполнения' });
  await form.getByLabel('Файлы').setInputFiles({ name: 'protokol.txt', mimeType: 'text/plain', buffer: Buffer.from('Протокол семинара') });
  await form.getByLabel('Ссылки (по одной в строке)').fill('zarech-obr.ru/seminar');
  await form.getByRole('button', { name: 'Добавить отчёт' }).click();
  await expect(form.getByRole('alert').first()).toBeVisible();
  await expect.poll(() => form.getByLabel('Файлы').evaluate((input: HTMLInputElement) => input.files?.length ?? 0)).toBe(1);
  await form.getByLabel('Что сделано').fill('Проведён семинар для заместителей директоров');
  await form.getByRole('button', { name: 'Добавить отчёт' }).click();
  await expect(form.getByRole('status')).toHaveText('Отчёт о ходе исполнения добавлен.');
  await expect(form.getByRole('link', { name: /zarech-obr\.ru\/seminar/ })).toHaveAttribute('href', 'https://zarech-obr.ru/seminar');
  await expect(form.getByRole('link', { name: /protokol\.txt/ })).toBeVisible();
});

test('every import offers its template and the road-map export is named readably', async ({ page }) => {
  test.setTimeout(LONG_JOURNEY);
  await new LoginPage(page).signInAndWait('admin@opora.demo');
  for (const [path, fileName] of [
    ['/admin/import', 'Шаблон импорта — справочник школ.xlsx'],
    ['/classification/import/assessments', 'Шаблон импорта — результаты оценочных процедур.xlsx'],
    ['/classification/import/contexts', 'Шаблон импорта — социальные данные школ.xlsx'],
  ] as const) {
    await page.goto(path);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Скачать шаблон (XLSX)' }).click();
    expect((await download).suggestedFilename()).toBe(fileName);
  }
  const municipal = await roadmapHref(page, 'Дорожная карта проекта повышения качества');
  const exported = await page.request.get(`/api/v1/roadmaps${municipal.replace('/roadmaps', '')}/export?format=xlsx`);
  expect(exported.ok()).toBe(true);
  const disposition = exported.headers()['content-disposition']!;
  expect(disposition).toMatch(/^attachment; filename="Dorozhnaya karta proekta [\x20-\x7e]*\.xlsx"/);
  expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).not.toMatch(/Дорожная карта — Дорожная карта/);
  await page.goto(`${municipal}/import`);
  await expect(page.getByRole('link', { name: 'Скачать шаблон таблицы (XLSX)' })).toHaveAttribute('href', '/api/v1/templates/roadmap');
});
