import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/pages';

/** Every request of a public page stays on the portal's own host. */
function watchHosts(page: Page, base: string): string[] {
  const foreign: string[] = [];
  const own = new URL(base).host;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http') && url.host !== own) foreign.push(request.url());
  });
  return foreign;
}

test('a parent finds the school with a typo and reads its status, chart and table; the figures of small groups are withheld', async ({ page, baseURL }) => {
  test.slow(); // seven pages, each checked by axe
  const foreign = watchHosts(page, baseURL!);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Найти школу' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Войти' })).toBeVisible();
  await page.getByLabel('Название, номер, адрес или муниципалитет').fill('осинвская');
  await page.getByRole('button', { name: 'Найти' }).click();
  const results = page.getByTestId('search-results');
  await results.getByRole('link', { name: 'МКОУ «Осиновская ООШ»' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'МКОУ «Осиновская ООШ»' })).toBeVisible();
  await expect(page.getByTestId('public-status')).toContainText('по расчёту');
  await expect(page.getByTestId('freshness')).toContainText(/Данные ГИА \d{4} года, расчёт опубликован \d{2}\.\d{2}\.\d{4}/);
  await expect(page.getByRole('img').first()).toBeVisible();
  await expect(page.getByTestId('results-table').first()).toBeVisible();
  await expect(page.getByTestId('suppressed').first()).toContainText('меньше 10 участников — не публикуется');
  await expectAccessible(page);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd).toMatchObject({ '@type': 'School', name: expect.stringContaining('Осиновская') });

  // The municipality page, the region and the explanations: axe-clean too.
  await page.getByRole('navigation', { name: 'Навигационная цепочка' }).getByRole('link', { name: /Берёзовский/ }).click();
  await expect(page.getByRole('table').first()).toBeVisible();
  await expectAccessible(page);
  await page.goto('/public/region');
  await expectAccessible(page);
  await page.goto('/public/about');
  await expect(page.locator('#term-shnor')).toContainText('ШНОР');
  await expectAccessible(page);
  await page.goto('/opendata');
  await expectAccessible(page);
  await page.goto('/opendata/passport/results');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Результаты ЕГЭ и ОГЭ');
  await expectAccessible(page);
  expect(foreign).toEqual([]);
});

test('on a phone the search and the school page are axe-clean', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, baseURL });
  const page = await context.newPage();
  await page.goto('/?q=' + encodeURIComponent('Осиновская'));
  await expectAccessible(page);
  await page.getByTestId('search-results').getByRole('link').first().click();
  await expect(page.getByTestId('public-status')).toBeVisible();
  await expectAccessible(page);
  await context.close();
});

test('open data CSV keeps Cyrillic (UTF-8 with BOM, or plain) and unknown schools answer a Russian 404', async ({ request, page }) => {
  const csv = await request.get('/opendata/schools.csv');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8').decode(bytes);
  expect(text).toContain('Осиновская');
  expect(text).toContain('Краткое наименование');
  const plain = await request.get('/opendata/schools.csv?bom=0');
  expect([...(await plain.body()).subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
  const json = await (await request.get('/opendata/results.json')).json();
  expect(json.rows.length).toBeGreaterThan(0);
  for (const row of json.rows) if (typeof row.participants === 'number') expect(row.participants).toBeGreaterThanOrEqual(10);
  expect((await request.get('/sitemap.xml')).status()).toBe(200);
  expect(await (await request.get('/robots.txt')).text()).toContain('Disallow: /admin');

  for (const id of ['not-an-id', '00000000-0000-4000-8000-000000000000']) {
    const response = await page.goto(`/public/schools/${id}`);
    expect(response!.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/не найден/);
  }
});
