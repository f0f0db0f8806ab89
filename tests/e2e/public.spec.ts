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
  // Staff side (and the sign-in page): a fresh nonce on every response.
  const login = await request.get('/login');
  const staffCsp = login.headers()['content-security-policy']!;
  expect(staffCsp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect((await request.get('/login')).headers()['content-security-policy']).not.toBe(staffCsp);
  expect(await login.text()).toMatch(/<script[^>]+nonce=/);
  // Public side: served from the page cache, one policy without a nonce, script files with integrity hashes.
  const page = await request.get('/');
  const csp = page.headers()['content-security-policy']!;
  expect(csp).not.toContain('nonce-');
  expect(csp).toContain("script-src-attr 'none'");
  expect((await page.text())).toMatch(/<script src="[^"]+" integrity="sha256-/);
  for (const policy of [csp, staffCsp]) {
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
  }
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
  // The public pages are one cached copy for everyone, yet a signed-in user sees itself there and a way back.
  await page.goto('/public/about');
  await expect(page.getByTestId('current-user')).toContainText('Муниципальный координатор');
  await expect(page.getByRole('link', { name: 'Войти' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Рабочий кабинет' }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await context.close();
});
