import { inArray, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { practiceAdoptions, practiceReviews, practices, users } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor-store';
import { getDb } from '@/lib/db/client';
import { seedDemoData } from '@/lib/demo/seed';
import { DEMO_PRACTICES, demoPracticeKey } from '@/lib/practices/demo';
import { getPractice, getPublicPractice, searchPublicPractices } from '@/lib/practices/queries';

describe('demo practices', () => {
  beforeAll(async () => {
    await seedDemoData();
  });

  it('are seeded in every state of the workflow, with reviews and adoptions', async () => {
    const rows = await getDb().select().from(practices).where(like(practices.externalKey, 'demo-practice-%'));
    expect(rows).toHaveLength(DEMO_PRACTICES.length);
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of ['draft', 'submitted', 'under_review', 'accepted', 'returned', 'rejected', 'published']) expect(statuses).toContain(s);
    const revised = rows.find((r) => r.externalKey === demoPracticeKey(5))!;
    expect(revised.status).toBe('draft');
    expect(revised.publishedVersion).toBe(1);
    const reviews = await getDb().select().from(practiceReviews).where(inArray(practiceReviews.practiceId, rows.map((r) => r.id)));
    expect(reviews.filter((r) => r.submittedAt !== null).length).toBeGreaterThanOrEqual(8);
    const adoptions = await getDb().select().from(practiceAdoptions).where(inArray(practiceAdoptions.practiceId, rows.map((r) => r.id)));
    expect(adoptions.length).toBeGreaterThanOrEqual(4);
    // Idempotent.
    expect((await seedDemoData()).practicesCreated).toBe(0);
  });

  it('shows measured change from the published classification runs and keeps non-consenting authors private', async () => {
    const [school] = await getDb().select().from(users).where(inArray(users.login, ['school@opora.demo']));
    const actor = (await loadActor(school!.id, school!.sessionVersion))!;
    const [first] = await getDb().select().from(practices).where(like(practices.externalKey, demoPracticeKey(1)));
    const detail = await getPractice(actor, first!.id);
    expect(detail.measured[0]!.years.map((y) => y.year)).toEqual([2024, 2025, 2026]);
    expect(detail.measured[0]!.change.sentences.length).toBeGreaterThan(0);
    expect(detail.measured).toHaveLength(2);
    const pub = await getPublicPractice(first!.id);
    expect(pub.snapshot.authors.map((a) => a.name)).toEqual(['Фёдорова Наталья Ивановна']);
    const catalogue = await searchPublicPractices({ q: 'наставничество' });
    expect(catalogue.rows[0]!.title).toContain('Наставничество');
    const all = await searchPublicPractices({ pageSize: 100 });
    expect(all.rows.every((r) => r.status === 'published')).toBe(true);
    expect(all.rows.map((r) => r.title)).not.toContain('Школьная служба примирения');
    expect(all.rows.map((r) => r.title)).toContain('Дистанционные консультации учителей-предметников для малокомплектной школы');
  });
});
