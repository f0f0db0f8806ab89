import { expect, test } from '@playwright/test';
import { BASE_URL } from '../../playwright.config';
import { LoginPage } from './support/pages';

/** Same host, another port: the same site for cookies (they are sent), but another origin. */
const NEIGHBOUR = `http://localhost:${Number(new URL(BASE_URL).port) + 7}`;

/** A page on the neighbouring port that posts a form to the portal as soon as it opens (a top-level navigation). */
function autoPostPage(action: string, enctype: string, fields: [string, string][]): string {
  const inputs = fields.map(([name, value]) => `<input type="hidden" name='${name}' value='${value}'>`).join('');
  return `<!doctype html><html lang="en"><body><form id="f" method="POST" action="${action}" enctype="${enctype}">${inputs}</form>
<script>document.getElementById('f').submit();</script></body></html>`;
}

test('a page on another port of the same host cannot write through a signed-in user’s browser', async ({ page }) => {
  await new LoginPage(page).signInAndWait('analyst@opora.demo');
  const api = page.request;
  const session = await (await api.get('/api/auth/session')).json();
  const created = await api.post('/api/v1/classification/runs', { data: { year: 2026 } });
  expect(created.ok()).toBe(true);
  const run = await created.json();
  expect(run.status).toBe('draft');
  const title = `Карта с чужой страницы ${Date.now()}`;
  const roadmap = JSON.stringify({ level: 'region', ownerOrganisationId: session.user.scope.organisationId, title, periodStartYear: 2025, periodEndYear: 2026 });

  await page.route(`${NEIGHBOUR}/**`, (route) => {
    const body = route.request().url().endsWith('/publish')
      ? // A body-less POST: a form without fields.
        autoPostPage(`${BASE_URL}/api/v1/classification/runs/${run.id}/publish`, 'application/x-www-form-urlencoded', [])
      : // The road map as JSON inside a text/plain form: name + "=" + value makes the body valid JSON.
        autoPostPage(`${BASE_URL}/api/v1/roadmaps`, 'text/plain', [[roadmap.slice(0, -1) + ',"x":"', '"}']]);
    return route.fulfill({ contentType: 'text/html', body });
  });
  const publish = page.waitForResponse((r) => r.url() === `${BASE_URL}/api/v1/classification/runs/${run.id}/publish`);
  await page.goto(`${NEIGHBOUR}/publish`);
  const published = await publish;
  expect(published.status()).toBe(403);
  expect(published.request().headers()['content-length'] ?? '0').toBe('0');

  const formPost = page.waitForResponse((r) => r.url() === `${BASE_URL}/api/v1/roadmaps` && r.request().method() === 'POST');
  await page.goto(`${NEIGHBOUR}/roadmap`);
  const posted = await formPost;
  expect(posted.status()).toBe(403);
  expect(posted.request().postData()).toContain(title);
  expect((await posted.json()).error.message).toMatch(/с другого сайта/);

  const runs = (await (await api.get('/api/v1/classification/runs?year=2026')).json()) as { id: string; status: string }[];
  expect(runs.find((r) => r.id === run.id)?.status).toBe('draft');
  expect(JSON.stringify(await (await api.get('/api/v1/roadmaps')).json())).not.toContain(title);

  // The portal's own pages and clients still write: the same publish from the portal's origin succeeds.
  expect((await api.post(`/api/v1/classification/runs/${run.id}/publish`, { headers: { Origin: BASE_URL } })).status()).toBe(200);
});

test('an API body sent as text/plain is refused with 415 even from the portal’s own origin', async ({ page }) => {
  await new LoginPage(page).signInAndWait('coordinator@opora.demo');
  const response = await page.request.post('/api/v1/roadmaps', { headers: { 'Content-Type': 'text/plain', Origin: BASE_URL }, data: '{"title":"x"}' });
  expect(response.status()).toBe(415);
  expect((await response.json()).error.message).toMatch(/application\/json/);
});

test('a server action posted from another origin gets 403 with a Russian message, not 500', async ({ request }) => {
  const fetchAction = await request.post('/admin/users/new', {
    headers: { 'Next-Action': '7f00000000000000000000000000000000000000', Origin: NEIGHBOUR, 'Content-Type': 'text/plain;charset=UTF-8' },
    data: '[]',
  });
  expect(fetchAction.status()).toBe(403);
  expect(await fetchAction.text()).toMatch(/с другого сайта/);
  const formAction = await request.post('/admin/users/new', { headers: { Origin: NEIGHBOUR }, multipart: { login: 'x@example.org' } });
  expect(formAction.status()).toBe(403);
});
