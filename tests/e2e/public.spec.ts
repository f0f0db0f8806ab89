import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/pages';

test('parents see municipalities and their schools without signing in', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Найти школу' })).toBeVisible();
  await expect(page.getByRole('region', { name: /в цифрах/ })).toContainText('Муниципалитетов');
  await page.getByRole('link', { name: 'Берёзовский муниципальный район' }).click();
  await expect(page.getByRole('link', { name: 'МКОУ «Осиновская ООШ»' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Войти' })).toBeVisible();
  await expectAccessible(page);
});

test('every page carries the security headers', async ({ request }) => {
  const page = await request.get('/');
  const csp = page.headers()['content-security-policy']!;
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(page.headers()['x-content-type-options']).toBe('nosniff');
  expect(page.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
  const api = await request.get('/api/health');
  expect(api.headers()['content-security-policy']).toContain("default-src 'none'");
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
  expect(await api.json()).toEqual({ status: 'ok', db: 'ok' });
});

test('on a phone the menu folds into a keyboard-usable disclosure', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Логин').fill('coordinator@opora.demo');
  await page.getByLabel('Пароль').fill('Opora-demo-2026');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Основное меню', exact: true })).toBeHidden();
  await page.getByText('Меню', { exact: true }).focus();
  await page.keyboard.press('Enter');
  const mobile = page.getByRole('navigation', { name: 'Основное меню (мобильное)' });
  await expect(mobile.getByRole('link', { name: 'Школы' })).toBeVisible();
  await expectAccessible(page);
  await context.close();
});
