import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { isIdParam } from '@/lib/ids';
import { expectAccessible, LoginPage } from './support/pages';

const PHONE = { width: 390, height: 844 };

/** The page fits the phone's width: nothing makes the whole page scroll sideways. */
async function expectFitsWidth(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** axe at desktop width and at a phone's 390 px. */
async function expectAccessibleAtBothWidths(page: Page) {
  await expectAccessible(page);
  const desktop = page.viewportSize();
  await page.setViewportSize(PHONE);
  await expectAccessible(page);
  await expectFitsWidth(page);
  if (desktop) await page.setViewportSize(desktop);
}

test('a school team lands on its tasks; the overdue count opens the filtered item list', async ({ page }) => {
  await new LoginPage(page).signInAndWait('school@opora.demo');
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Мои задачи' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Просроченные мероприятия' }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ждут отчёта о выполнении' }).first()).toBeVisible();
  await expectAccessibleAtBothWidths(page);
  await page.getByRole('link', { name: /(просрочено|просрочены)$/ }).first().click();
  await expect(page).toHaveURL(/\/roadmaps\/[0-9a-f-]{36}\?overdue=1$/);
  await expect(page.getByLabel('Просрочка')).toHaveValue('просрочено');
  await page.goto('/tasks');
  await page.getByRole('link', { name: /ждёт отчёта|ждут отчёта/ }).first().click();
  await expect(page).toHaveURL(/\?report=awaiting$/);
  await expect(page.getByRole('combobox', { name: /^Отчёт/ })).toHaveValue('ждёт отчёта');
});

test('a school team sees its map under review frozen, its municipality in the schools list and its methodical services', async ({ page }) => {
  await new LoginPage(page).signInAndWait('school@opora.demo');
  await page.getByRole('link', { name: /^Программа перехода МКОУ «Осиновская ООШ»/ }).first().click();
  // The demo map is on review: no form offers a plan change the server would refuse; reports stay open.
  await expect(page.getByTestId('plan-frozen')).toContainText('на согласовании');
  await expect(page.getByRole('button', { name: 'Изменить статус' })).toHaveCount(0);
  await expect(page.getByText('Добавить мероприятие')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Изменить сведения' })).toHaveCount(0);
  await page.getByRole('table', { name: 'Мероприятия дорожной карты' }).getByRole('link').first().click();
  await expect(page.getByTestId('plan-frozen')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Удалить мероприятие' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Добавить отчёт' })).toBeVisible();
  await page.goto('/schools');
  await expect(page.getByRole('table', { name: 'Школы' }).getByRole('row').nth(1)).toContainText('Берёзовский район');
  await page.getByRole('table', { name: 'Школы' }).getByRole('link', { name: /Осиновская/ }).click();
  await expect(page.getByRole('region', { name: 'Партнёры и кураторы' })).toContainText('УМЦ Берёзовского района');
});

test('a curator lands on the maps awaiting review; the count opens the list filtered by status', async ({ page }) => {
  await new LoginPage(page).signInAndWait('methodologist@opora.demo');
  await expect(page).toHaveURL(/\/tasks$/);
  const section = page.getByRole('region', { name: 'Ждут вашего согласования' });
  await expect(section).toBeVisible();
  await expect(section.getByRole('link').first()).toBeVisible();
  await expectAccessibleAtBothWidths(page);
  await page.getByRole('link', { name: /на согласовании$/ }).click();
  await expect(page).toHaveURL(/\/roadmaps\?status=on_review$/);
  await expect(page.getByLabel('Статус')).toHaveValue('на согласовании');
  await expect(page.getByRole('table', { name: 'Дорожные карты' }).getByRole('row')).not.toHaveCount(1);
});

test('a municipal coordinator sees overdue items by school and the latest run', async ({ page }) => {
  await new LoginPage(page).signInAndWait('coordinator@opora.demo');
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByRole('region', { name: 'Просроченные мероприятия по школам' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Последний запуск классификации' })).toBeVisible();
  // The run's counts are the region's, not the coordinator's schools: said so beside them.
  await expect(page.getByRole('region', { name: 'Последний запуск классификации' })).toContainText(/Все школы региона в расчёте: \d+/);
  await expectAccessibleAtBothWidths(page);
  await page.getByRole('region', { name: 'Дорожные карты муниципалитета' }).getByRole('link', { name: /с просрочкой$/ }).click();
  await expect(page).toHaveURL(/\/roadmaps\?overdue=1$/);
  await expect(page.getByLabel('Просрочка')).toHaveValue('есть просроченные');
});

test('the ministry analyst sees the region summary', async ({ page }) => {
  await new LoginPage(page).signInAndWait('analyst@opora.demo');
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByRole('region', { name: 'Дорожные карты региона' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Школ в регионе: \d+/ })).toBeVisible();
  await expectAccessibleAtBothWidths(page);
  await page.getByRole('region', { name: 'Последний запуск классификации' }).getByRole('link', { name: /^ШНОР: \d+$/ }).click();
  await expect(page).toHaveURL(/\/classification\?run=[0-9a-f-]{36}&category=low_results$/);
  await expect(page.getByRole('combobox', { name: 'Категория' })).toHaveValue('ШНОР');
});

/** Every dynamic route of the app folder (a new one is covered without editing this test). */
function dynamicRoutes(): { path: string; api: boolean; file: string }[] {
  const app = join(process.cwd(), 'app');
  const out: { path: string; api: boolean; file: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name === 'page.tsx' || name === 'route.ts') {
        const segments = relative(app, dir).split(sep).filter((s) => s && !/^\(.*\)$/.test(s));
        const params = segments.filter((s) => /^\[[^.[\]]+\]$/.test(s));
        if (params.length === 0 || !params.every((p) => isIdParam(p.slice(1, -1)))) continue;
        out.push({ path: '/' + segments.map((s) => (/^\[.*\]$/.test(s) ? 'abc' : s)).join('/'), api: name === 'route.ts', file });
      }
    }
  };
  walk(app);
  return out;
}

test('a malformed id in any URL answers «not found» (pages) or 404 not_found (API), never 500 or the outage page', async ({ page }) => {
  await new LoginPage(page).signInAndWait('admin@opora.demo');
  const routes = dynamicRoutes();
  expect(routes.length).toBeGreaterThan(15);
  for (const route of routes) {
    if (route.api) {
      const source = readFileSync(route.file, 'utf8');
      if (!/export const GET\b/.test(source)) continue;
      const response = await page.request.get(route.path);
      expect([route.path, response.status()]).toEqual([route.path, 404]);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
    } else {
      const response = await page.goto(route.path);
      expect([route.path, response?.status()]).toEqual([route.path, 404]);
      // A public school has its own Russian 404 («Школа не найдена»); every other page the common one.
      await expect(page.getByRole('heading', { level: 1, name: /^(Страница|Школа) не найдена$/ })).toBeVisible();
      await expect(page.getByText('Сервис временно недоступен')).toHaveCount(0);
    }
  }
});
