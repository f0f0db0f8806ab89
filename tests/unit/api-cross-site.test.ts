import { describe, expect, it } from 'vitest';
import { POST as publishRun } from '@/app/api/v1/classification/runs/[id]/publish/route';
import { POST as createRoadmap } from '@/app/api/v1/roadmaps/route';
import { POST as importSchools } from '@/app/api/v1/schools/import/route';

/**
 * The `/api/v1` wrapper refuses the two writes of the finding before it even looks for a session: a text/plain
 * form posted by a page on another port of the same host, and a body-less POST from there.
 */
const portal = 'http://localhost:3100';
const context = <P extends Record<string, string>>(params: P = {} as P) => ({ params: Promise.resolve(params) });

function post(path: string, init: { origin?: string; site?: string; type?: string; body?: string } = {}) {
  const headers = new Headers({ host: 'localhost:3100' });
  if (init.origin) headers.set('origin', init.origin);
  if (init.site) headers.set('sec-fetch-site', init.site);
  if (init.type) headers.set('content-type', init.type);
  if (init.body !== undefined) headers.set('content-length', String(new TextEncoder().encode(init.body).length));
  return new Request(`${portal}${path}`, { method: 'POST', headers, body: init.body });
}

async function error(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe('/api/v1 cross-site writes', () => {
  it('refuses a text/plain form post from another origin with 403 in Russian', async () => {
    const body = '{"level":"municipality","title":"Чужая карта","x":"="}';
    const response = await createRoadmap(post('/api/v1/roadmaps', { origin: 'http://localhost:3101', type: 'text/plain', body }), context());
    expect(response.status).toBe(403);
    expect((await error(response)).message).toMatch(/с другого сайта/);
  });

  it('refuses a body-less POST from another origin (publishing a run) and one marked same-site', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await publishRun(post(`/api/v1/classification/runs/${id}/publish`, { origin: 'http://localhost:3101' }), context({ id }))).status).toBe(403);
    expect((await publishRun(post(`/api/v1/classification/runs/${id}/publish`, { site: 'same-site' }), context({ id }))).status).toBe(403);
  });

  it('refuses a JSON endpoint’s body sent as text/plain or a form, even from the portal itself, with 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await createRoadmap(post('/api/v1/roadmaps', { origin: portal, type, body: 'x' }), context());
      expect(response.status).toBe(415);
      expect((await error(response)).message).toMatch(/ожидается Content-Type application\/json/);
    }
  });

  it('refuses a JSON body where an upload is declared (multipart), with 415', async () => {
    const response = await importSchools(post('/api/v1/schools/import', { origin: portal, type: 'application/json', body: '{}' }), context());
    expect(response.status).toBe(415);
    expect((await error(response)).message).toMatch(/multipart\/form-data/);
  });
});
