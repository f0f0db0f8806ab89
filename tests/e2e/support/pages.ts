import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '@/lib/demo/data';

/** Page object for the login form. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/login');
  }

  async signIn(login: string, password = DEMO_PASSWORD) {
    await this.goto();
    await this.page.getByLabel('Логин').fill(login);
    await this.page.getByLabel('Пароль').fill(password);
    await this.page.getByRole('button', { name: 'Войти' }).click();
  }

  async signInAndWait(login: string, password = DEMO_PASSWORD) {
    await this.signIn(login, password);
    await expect(this.page.getByTestId('current-user')).toBeVisible();
  }

  errorMessage() {
    return this.page.getByRole('main').getByRole('alert');
  }
}

export function mainMenu(page: Page) {
  return page.getByRole('navigation', { name: 'Основное меню', exact: true });
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page.getByRole('link', { name: 'Войти' })).toBeVisible();
}

/** Fails with the list of violations when axe finds any WCAG 2.1 A/AA problem on the page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
