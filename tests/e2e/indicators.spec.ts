import { expect, test } from '@playwright/test';
import { expectAccessible, LoginPage } from './support/pages';

test('the analyst sees the 2022 scorecard of seed 001 with statuses in words and the warning, and the catalogue', async ({ page }) => {
  await new LoginPage(page).signInAndWait('analyst@opora.demo');
  await page.goto('/indicators?year=2022');
  await expect(page.getByRole('heading', { level: 1, name: 'Показатели' })).toBeVisible();
  const warnings = page.getByRole('region', { name: 'Предупреждения' });
  await expect(warnings.getByText(/Показатель 12, .*Мероприятия выполняются, а показатель не меняется/).first()).toBeVisible();
  await expect(warnings.getByText(/Показатель 9, .*Показатель достигнут, а мероприятия отстают/).first()).toBeVisible();
  const scorecard = page.getByRole('table', { name: 'Достижение показателей по муниципалитетам за 2022 год' });
  await expect(scorecard.getByText('отстаёт').first()).toBeVisible();
  await expect(scorecard.getByText('достигнуто').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Каталог показателей' }).getByText('Доля ШНОР, имеющих доступ Интернет не менее 1 Мбит/сек')).toBeVisible();
  await expectAccessible(page);
});
