import { expect, test } from '@playwright/test';
import { DEMO_USERS } from '@/lib/demo/data';
import { expectAccessible, LoginPage, mainMenu, signOut } from './support/pages';

const ALL = ['Мои задачи', 'Дорожные карты', 'Показатели', 'Банк практик', 'Школы', 'Классификация', 'Отчёты', 'Администрирование'];
const READERS = ['Мои задачи', 'Дорожные карты', 'Показатели', 'Банк практик', 'Школы', 'Классификация'];
const EXPECTED_MENU: Record<string, string[]> = {
  admin: ALL,
  ministry_analyst: ALL,
  municipal_coordinator: ALL,
  methodologist: READERS,
  expert: READERS,
  school_team: READERS,
};

for (const user of DEMO_USERS) {
  test(`${user.role} (${user.login}) signs in, sees its menu and signs out`, async ({ page }) => {
    await new LoginPage(page).signInAndWait(user.login);
    await expect(page).toHaveURL(/\/tasks$/);
    await expect(page.getByTestId('current-user')).toContainText(user.fullName);
    await expect(mainMenu(page).getByRole('link')).toHaveText(EXPECTED_MENU[user.role]!);
    await expect(page.getByRole('heading', { level: 1, name: 'Мои задачи' })).toBeVisible();
    await expectAccessible(page);
    await signOut(page);
    await page.goto('/schools');
    await expect(page).toHaveURL(/\/login/);
  });
}

test('a school team sees only its own school', async ({ page }) => {
  await new LoginPage(page).signInAndWait('school@opora.demo');
  await page.goto('/schools');
  const rows = page.getByRole('table', { name: 'Школы' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Осиновская');
});

test('a coordinator cannot open a school of another municipality by its address', async ({ page }) => {
  await new LoginPage(page).signInAndWait('coordinator2@opora.demo');
  await page.goto('/schools');
  const ownRows = await page.getByRole('table', { name: 'Школы' }).getByRole('link').count();
  expect(ownRows).toBeGreaterThan(0);
  await signOut(page);
  await new LoginPage(page).signInAndWait('coordinator@opora.demo');
  await page.goto('/schools');
  const href = await page.getByRole('table', { name: 'Школы' }).getByRole('link').first().getAttribute('href');
  await signOut(page);
  await new LoginPage(page).signInAndWait('coordinator2@opora.demo');
  await page.goto(href!);
  await expect(page.getByRole('heading', { name: 'Страница не найдена' })).toBeVisible();
});
