import { expect, test } from '@playwright/test';
import { expectAccessible, LoginPage } from './support/pages';

test('the analyst opens an indicator with its chart, targets and the schools behind the computed value', async ({ page }) => {
  await new LoginPage(page).signInAndWait('analyst@opora.demo');
  await page.goto('/indicators?year=2022');
  await page.getByRole('table', { name: 'Каталог показателей' }).getByRole('link', { name: /^Доля ОО, в которых разработаны и реализуются дорожные карты/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /^1\. / })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Базовые и целевые значения' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Значения по годам' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'История изменений' })).toBeVisible();
  await expectAccessible(page);
});

test('the analyst defines an indicator (a field error first) and sets its target', async ({ page }) => {
  await new LoginPage(page).signInAndWait('analyst@opora.demo');
  await page.goto('/indicators/new');
  await page.getByRole('button', { name: 'Создать показатель' }).click();
  await expect(page.getByText('Наименование: обязательное поле')).toBeVisible();
  await expectAccessible(page);
  const code = `e2e-${Date.now()}`;
  await page.getByLabel('Код', { exact: true }).fill(code);
  await page.getByLabel('Наименование').fill('Доля педагогов, прошедших курсы (проверка)');
  await page.getByRole('button', { name: 'Создать показатель' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${code}. Доля педагогов, прошедших курсы (проверка)` })).toBeVisible();
  await page.getByRole('link', { name: 'Изменить показатель' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Правка показателя ${code}` })).toBeVisible();
  await page.getByLabel('Год', { exact: true }).fill('2024');
  await page.getByLabel('Значение', { exact: true }).fill('90,5');
  await page.getByRole('button', { name: 'Сохранить значение' }).click();
  await expect(page.getByText('Целевое значение 2024 года сохранено.')).toBeVisible();
  await expectAccessible(page);
});

test('a coordinator enters a year in the grid (a cell error first) and submits it; the analyst approves and the period locks', async ({ browser }) => {
  const year = 2023;
  const coordinator = await (await browser.newContext()).newPage();
  await new LoginPage(coordinator).signInAndWait('coordinator2@opora.demo');
  await coordinator.goto(`/indicators/entry?year=${year}`);
  const grid = coordinator.getByTestId('entry-grid');
  const first = grid.getByRole('textbox', { name: /: значение$/ }).first();
  await first.fill('150');
  await coordinator.getByRole('button', { name: 'Сохранить значения' }).click();
  await expect(grid.getByRole('alert').first()).toContainText('процент от 0 до 100, указано 150');
  await expect(grid.getByRole('textbox', { name: /: значение$/ }).first()).toHaveValue('150');
  await expectAccessible(coordinator);
  await grid.getByRole('textbox', { name: /: значение$/ }).first().fill('55,5');
  await coordinator.getByRole('button', { name: 'Сохранить значения' }).click();
  await expect(coordinator.getByText('Сохранено: 1 значение.')).toBeVisible();
  await coordinator.getByRole('button', { name: 'Представить на утверждение' }).click();
  await expect(coordinator.getByTestId('period-state')).toContainText('представлены на утверждение');

  const analyst = await (await browser.newContext()).newPage();
  await new LoginPage(analyst).signInAndWait('analyst@opora.demo');
  const organisationId = await coordinator.locator('input[name="organisationId"]').first().getAttribute('value');
  await analyst.goto(`/indicators/entry?org=${organisationId}&year=${year}`);
  await expect(analyst.getByRole('heading', { name: `г. Светлогорск, ${year} год` })).toBeVisible();
  await analyst.getByRole('button', { name: 'Утвердить и заблокировать' }).click();
  await expect(analyst.getByTestId('period-state')).toContainText('утверждены, заблокированы');
  await expect(analyst.getByRole('button', { name: 'Разблокировать' })).toBeVisible();
  await expect(analyst.getByRole('button', { name: 'Сохранить значения' })).toHaveCount(0);
  await expectAccessible(analyst);
});
