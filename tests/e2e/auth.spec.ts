import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '@/lib/demo/data';
import { expectAccessible, LoginPage, signOut } from './support/pages';

test('an unknown login and a wrong password get the same Russian answer', async ({ page }) => {
  const login = new LoginPage(page);
  await login.signIn('nobody@opora.demo', 'wrong-password-1');
  await expect(login.errorMessage()).toHaveText('Неверный логин или пароль.');
  await login.signIn('expert@opora.demo', 'wrong-password-1');
  await expect(login.errorMessage()).toHaveText('Неверный логин или пароль.');
  await expectAccessible(page);
});

test('repeated failures lock the account with HTTP 429 and a Russian message', async ({ page, request }) => {
  const headers = { 'X-Forwarded-For': '203.0.113.77' };
  const csrf = async () => (await (await request.get('/api/auth/csrf', { headers })).json()).csrfToken as string;
  const attempt = async (password: string) =>
    request.post('/api/auth/callback/credentials', {
      headers,
      form: { login: 'throttled@opora.demo', password, csrfToken: await csrf(), json: 'true' },
    });
  for (let i = 0; i < 5; i += 1) expect((await attempt('wrong-password')).status()).toBe(401);
  const locked = await attempt('wrong-password');
  expect(locked.status()).toBe(429);
  expect(locked.headers()['retry-after']).toBeDefined();
  expect((await locked.json()).error.message).toMatch(/Слишком много неудачных попыток входа/);

  // The browser form shows the same lock to a person (its own address: five failures, then the lock).
  const login = new LoginPage(page);
  for (let i = 0; i < 5; i += 1) {
    await login.signIn('throttled-form@opora.demo', 'wrong-password');
    await expect(login.errorMessage()).toHaveText('Неверный логин или пароль.');
  }
  await login.signIn('throttled-form@opora.demo', 'wrong-password');
  await expect(login.errorMessage()).toHaveText(/Слишком много неудачных попыток входа/);
});

test('rotating X-Forwarded-For buys no extra guesses: the address is the connection’s own', async ({ request }) => {
  const attempt = async (forwarded: string) => {
    const headers = { 'X-Forwarded-For': forwarded };
    const csrfToken = (await (await request.get('/api/auth/csrf', { headers })).json()).csrfToken as string;
    return request.post('/api/auth/callback/credentials', { headers, form: { login: 'rotation@opora.demo', password: 'guess', csrfToken, json: 'true' } });
  };
  for (let i = 0; i < 5; i += 1) expect((await attempt(`198.51.100.${i + 1}`)).status()).toBe(401);
  expect((await attempt('198.51.100.99')).status()).toBe(429);
});

test('a link opened while signed out lands on its page after sign-in; a foreign callbackUrl lands on the start page', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const helper = await browser.newContext();
  const helperPage = await helper.newPage();
  await new LoginPage(helperPage).signInAndWait('coordinator@opora.demo');
  const maps = (await (await helperPage.request.get('/api/v1/roadmaps')).json()) as { id: string }[];
  let itemPath = '';
  for (const map of maps) {
    const detail = await (await helperPage.request.get(`/api/v1/roadmaps/${map.id}`)).json();
    const item = detail.sections?.flatMap((s: { items: { id: string }[] }) => s.items)[0];
    if (item) {
      itemPath = `/roadmaps/${map.id}/items/${item.id}`;
      break;
    }
  }
  await helper.close();
  expect(itemPath).not.toBe('');

  await page.goto(`${itemPath}?from=letter`);
  await expect(page).toHaveURL(`/login?callbackUrl=${encodeURIComponent(`${itemPath}?from=letter`)}`);
  await page.getByLabel('Логин').fill('coordinator@opora.demo');
  await page.getByLabel('Пароль').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(`${itemPath}?from=letter`);
  await signOut(page);

  for (const payload of ['/\\example.org', '/%09/example.org', '//example.org', 'https://example.org']) {
    await page.goto(`/login?callbackUrl=${payload}`);
    await page.getByLabel('Логин').fill('coordinator@opora.demo');
    await page.getByLabel('Пароль').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/tasks$/);
    await page.context().clearCookies();
  }
});

test('the session endpoint tells only id, name, role and scope; cookies are HttpOnly and SameSite', async ({ page, context }) => {
  await new LoginPage(page).signInAndWait('analyst@opora.demo');
  const session = await (await page.request.get('/api/auth/session')).json();
  expect(Object.keys(session).sort()).toEqual(['expires', 'user']);
  expect(Object.keys(session.user).sort()).toEqual(['id', 'name', 'role', 'scope']);
  expect(session.user.role).toBe('ministry_analyst');
  expect(JSON.stringify(session)).not.toMatch(/password|hash|login/i);
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('next-auth.session-token'));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
});

test('deactivating a user ends its session at its next request', async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await new LoginPage(admin).signInAndWait('admin@opora.demo');
  await admin.goto('/admin/users/new');
  await admin.getByLabel('Логин').fill('temporary@opora.demo');
  await admin.getByLabel('ФИО').fill('Временный Пользователь');
  await admin.getByLabel('Роль', { exact: true }).selectOption({ label: 'Эксперт' });
  await admin.getByLabel('Организация').selectOption({ label: 'Заречная обл. (Регион)' });
  await admin.getByLabel('Пароль', { exact: true }).fill('short');
  await admin.getByRole('button', { name: 'Создать пользователя' }).click();
  await expect(admin.getByText('Пароль: не короче 10 символов')).toBeVisible();
  await admin.getByLabel('Пароль', { exact: true }).fill('Temporary-pass-2026');
  await admin.getByRole('button', { name: 'Создать пользователя' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Временный Пользователь' })).toBeVisible();

  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await new LoginPage(user).signInAndWait('temporary@opora.demo', 'Temporary-pass-2026');

  await admin.getByRole('button', { name: 'Отключить учётную запись' }).click();
  await expect(admin.getByText('Учётная запись отключена, её сеансы завершены.')).toBeVisible();

  await user.goto('/schools');
  await expect(user).toHaveURL(/\/login/);
  await new LoginPage(user).signIn('temporary@opora.demo', 'Temporary-pass-2026');
  await expect(user.getByRole('main').getByRole('alert')).toHaveText('Неверный логин или пароль.');
  await adminContext.close();
  await userContext.close();
});
