import { expect, test } from '@playwright/test';
import { LoginPage } from './support/pages';

/** The /api/v1 road-map endpoints over HTTP, as an integration client would use them. */
test('road-map API: auth, create, 409 on a stale version, import preview and commit, export, soft delete', async ({ page, request }) => {
  expect((await request.get('/api/v1/roadmaps')).status()).toBe(401);
  expect((await (await request.get('/api/v1/roadmaps')).json()).error.code).toBe('unauthorized');

  await new LoginPage(page).signInAndWait('coordinator@opora.demo');
  const api = page.request;
  const session = await (await api.get('/api/auth/session')).json();
  const ownerOrganisationId = session.user.scope.organisationId as string;

  const bad = await api.post('/api/v1/roadmaps', { data: { level: 'municipality', ownerOrganisationId, title: '', periodStartYear: 2024, periodEndYear: 2023 } });
  expect(bad.status()).toBe(400);
  expect(JSON.stringify((await bad.json()).error.issues)).toMatch(/Название/);

  const created = await api.post('/api/v1/roadmaps', {
    data: { level: 'municipality', ownerOrganisationId, title: 'Карта для проверки API', periodStartYear: 2025, periodEndYear: 2027 },
  });
  expect(created.status()).toBe(201);
  const roadmap = await created.json();

  const first = await api.patch(`/api/v1/roadmaps/${roadmap.id}`, { data: { version: roadmap.version, approvalDocument: 'Приказ № 5 от 10.01.2025' } });
  expect(first.status()).toBe(200);
  const stale = await api.patch(`/api/v1/roadmaps/${roadmap.id}`, { data: { version: roadmap.version, title: 'Устаревшая правка' } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error.message).toMatch(/уже изменена/);

  const table = ['№\tМероприятие\tСроки\tОтветственные', 'I. Организация\t\t\t', '1.\tСоздать рабочую группу\tмарт 2025\tМОУО, УМЦ', '2.\tПровести семинар\tежегодно\tУМЦ'].join('\n');
  const headers = { 'Content-Type': 'text/tab-separated-values' };
  const preview = await api.post(`/api/v1/roadmaps/${roadmap.id}/import?dryRun=true`, { headers, data: table });
  expect(preview.status()).toBe(200);
  expect((await preview.json()).counts).toMatchObject({ create: 2 });
  expect((await api.post(`/api/v1/roadmaps/${roadmap.id}/import`, { headers, data: table })).status()).toBe(200);
  const again = await (await api.post(`/api/v1/roadmaps/${roadmap.id}/import`, { headers, data: table })).json();
  expect(again.counts).toMatchObject({ create: 0, unchanged: 2 });
  expect((await api.post(`/api/v1/roadmaps/${roadmap.id}/import`, { headers: { 'Content-Type': 'image/png' }, data: 'x' })).status()).toBe(415);

  const detail = await (await api.get(`/api/v1/roadmaps/${roadmap.id}`)).json();
  const items = detail.sections.flatMap((s: { items: unknown[] }) => s.items) as { activity: string; periodStart: string; periodEnd: string; overdue: boolean }[];
  expect(items.map((i) => i.activity)).toEqual(['Создать рабочую группу', 'Провести семинар']);
  expect(items[0]).toMatchObject({ periodStart: '2025-03-01', periodEnd: '2025-03-31', overdue: true });

  const csv = await api.get(`/api/v1/roadmaps/${roadmap.id}/export?format=csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-disposition']).toMatch(/filename\*=UTF-8''/);
  expect(await csv.text()).toContain('Создать рабочую группу');

  const doc = await (await api.get('/api/v1/openapi.json')).json();
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining(['/api/v1/roadmaps', '/api/v1/roadmaps/{id}', '/api/v1/roadmaps/{id}/import', '/api/v1/classification/runs', '/api/v1/classification/runs/{id}/schools/{schoolId}', '/api/v1/methodologies']),
  );

  const current = await (await api.get(`/api/v1/roadmaps/${roadmap.id}`)).json();
  expect((await api.delete(`/api/v1/roadmaps/${roadmap.id}?version=${current.roadmap.version}`)).status()).toBe(204);
  expect((await api.get(`/api/v1/roadmaps/${roadmap.id}`)).status()).toBe(404);
});

test('classification API: a run for a year returns every school with its category and explanation', async ({ page, request }) => {
  expect((await request.post('/api/v1/classification/runs', { data: { year: 2026 } })).status()).toBe(401);
  await new LoginPage(page).signInAndWait('analyst@opora.demo');
  const api = page.request;
  const bad = await api.post('/api/v1/classification/runs', { data: { year: 'прошлый' } });
  expect(bad.status()).toBe(400);
  const created = await api.post('/api/v1/classification/runs', { data: { year: 2026 } });
  expect(created.ok()).toBe(true);
  const run = await created.json();
  expect(run.inputDigest).toMatch(/^[0-9a-f]{64}$/);
  const detail = await (await api.get(`/api/v1/classification/runs/${run.id}`)).json();
  expect(detail.schools.length).toBe(run.schoolCount);
  const categories = new Set(detail.schools.map((s: { category: string }) => s.category));
  expect(categories).toEqual(new Set(['low_results', 'unfavourable', 'both', 'resilient', 'none', 'insufficient_data']));
  const explained = detail.schools.find((s: { category: string }) => s.category === 'low_results');
  expect(explained.rules.map((r: { rule: string }) => r.rule)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
  const card = await (await api.get(`/api/v1/classification/runs/${run.id}/schools/${explained.schoolId}`)).json();
  expect(card.school.categorySentence).toBe(explained.categorySentence);
  expect(card.overview).toMatchObject({ schoolId: explained.schoolId, category: 'low_results', lowResults: { decision: 'yes' } });
  expect(card.history[0]).toMatchObject({ year: 2026 });
  expect((await api.get(`/api/v1/classification/runs/${run.id}/schools/${run.id}`)).status()).toBe(404);
  const rerun = await (await api.post('/api/v1/classification/runs', { data: { year: 2026 } })).json();
  expect(rerun.inputDigest).toBe(run.inputDigest);
  expect(rerun.counts).toEqual(run.counts);
});
