import { expect, test } from '@playwright/test';
import { expectAccessible, LoginPage } from './support/pages';

const year = new Date().getFullYear();

test('a late municipality sees the demo campaign on its start page, in words, with a link to entry', async ({ page }) => {
  await new LoginPage(page).signInAndWait('coordinator2@opora.demo');
  await expect(page).toHaveURL(/\/tasks$/);
  const block = page.getByRole('region', { name: 'Ждут ваших значений показателей' });
  await expect(block.getByText(`Планируемые результаты: значения за ${year} год`)).toBeVisible();
  await expect(block.getByText(/срок прошёл \d+ (день|дня|дней) назад — просрочено/)).toBeVisible();
  await expectAccessible(page);
  await block.getByRole('link', { name: 'Ввести и представить значения' }).click();
  await expect(page).toHaveURL(new RegExp(`/indicators/entry\\?org=[0-9a-f-]{36}&year=${year}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Ввод значений показателей' })).toBeVisible();
});

test('the analyst reads the completeness view, sees mail is off, and declares a campaign (with a field error first)', async ({ page }) => {
  await new LoginPage(page).signInAndWait('analyst@opora.demo');
  await page.goto('/indicators/campaigns');
  await expect(page.getByRole('heading', { level: 1, name: 'Кампании сбора показателей' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('table', { name: 'Кампании сбора' }).getByRole('link', { name: `Планируемые результаты: значения за ${year} год` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Планируемые результаты: значения за ${year} год` })).toBeVisible();
  const table = page.getByRole('table', { name: `Кто представил значения за ${year} год` });
  await expect(table.getByText('просрочено', { exact: true })).toBeVisible();
  await expect(table.getByText('представлено', { exact: true })).toBeVisible();
  await expect(table.getByText(/Опаздывает: срок прошёл/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Напомнить опоздавшим' })).toBeDisabled();
  await expect(page.getByText(/Рассылка писем выключена/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'CSV' })).toHaveAttribute('href', /\/late\?format=csv$/);
  await expect(page.getByRole('button', { name: 'Перенести срок' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'История изменений' })).toBeVisible();
  await expectAccessible(page);

  await page.goto('/indicators/campaigns/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Новая кампания сбора' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Название').fill('');
  await page.getByLabel('Срок представления').fill(`${year + 1}-03-31`);
  await page.getByRole('button', { name: 'Создать кампанию' }).click();
  await expect(page.getByText('Название: обязательное поле')).toBeVisible();
  await page.getByLabel('Название').fill(`Показатели ${year}: второй сбор`);
  await page.getByLabel('Срок представления').fill(`${year + 1}-03-31`);
  await page.getByRole('button', { name: 'Создать кампанию' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Показатели ${year}: второй сбор` })).toBeVisible();
  await expect(page.getByRole('table', { name: `Кто представил значения за ${year} год` }).getByText('Срок не прошёл').first()).toBeVisible();
  await page.getByRole('button', { name: 'Закрыть кампанию' }).click();
  await expect(page.getByText('Кампания закрыта.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Открыть снова' })).toBeVisible();
  await expect(page.getByText(/Состояние: закрыта\./)).toBeVisible();
});
