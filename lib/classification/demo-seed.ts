import { and, eq, inArray } from 'drizzle-orm';
import { assessmentResults, classificationRuns, organisations, schoolContexts } from '@/db/schema';
import { recordAudit, recordAudits } from '@/lib/audit/record';
import type { DemoContext } from '@/lib/demo/seed';
import { classifyLazily } from './classify';
import { demoClassificationData, DEMO_YEARS } from './demo-data';
import type { Methodology } from './methodology';
import { ensureActiveMethodology, FULL_EXPLANATION_LIMIT, insertRun } from './server/store';
import type { School } from './types';

const BATCH = 500;

/**
 * Demo assessment and context data, the default methodology (version 1, active) and a published region-wide run
 * for each demo year (2024–2026), each computed from the data known up to its year, so a school's «История по
 * годам» shows every year. The data is recorded in the audit log as an import of the demonstration file, as a
 * real import records it, so its history is true. Idempotent: data is written only for schools that have none,
 * a run only when the region has no published run of that year. Returns the records created.
 */
export async function seedDemoClassification({ tx, organisationIds }: DemoContext): Promise<number> {
  const data = demoClassificationData();
  const keys = [...new Set([...data.contexts, ...data.results].map((r) => r.schoolId))];
  const orgs = await tx.select().from(organisations).where(inArray(organisations.id, keys.map((k) => organisationIds.get(k)!)));
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const regionId = orgs[0]?.regionId;
  if (!regionId) return 0;
  const place = (key: string) => byId.get(organisationIds.get(key)!)!;
  const seeded = new Set((await tx.selectDistinct({ id: schoolContexts.schoolId }).from(schoolContexts).where(inArray(schoolContexts.schoolId, orgs.map((o) => o.id)))).map((r) => r.id));
  let created = 0;

  const resultRows = data.results.filter((r) => !seeded.has(place(r.schoolId).id)).map((r) => {
    const o = place(r.schoolId);
    return {
      schoolId: o.id, regionId: o.regionId, municipalityId: o.municipalityId, year: r.year, exam: r.exam, subject: r.subject, grade: r.grade ?? 0,
      participants: r.participants, meanScore: r.meanScore, maxScore: r.maxScore ?? null, belowMinimum: r.belowMinimum,
      marks2: r.marks?.m2 ?? null, marks3: r.marks?.m3 ?? null, marks4: r.marks?.m4 ?? null, marks5: r.marks?.m5 ?? null,
      highScorers: r.highScorers ?? null, source: 'Демонстрационные данные',
    };
  });
  const scopeOf = (row: { schoolId: string; regionId: string | null; municipalityId: string | null }) => ({ regionId: row.regionId, municipalityId: row.municipalityId, schoolId: row.schoolId });
  for (let i = 0; i < resultRows.length; i += BATCH) {
    const batch = resultRows.slice(i, i + BATCH);
    const inserted = await tx.insert(assessmentResults).values(batch).returning({ id: assessmentResults.id });
    await recordAudits(tx, null, inserted.map((row, j) => ({ action: 'import', entityType: 'assessment_result', entityId: row.id, scope: scopeOf(batch[j]!), after: batch[j] })));
  }
  const contextRows = data.contexts.filter((c) => !seeded.has(place(c.schoolId).id)).map(({ schoolId, ...c }) => {
    const o = place(schoolId);
    return { ...c, schoolId: o.id, regionId: o.regionId, municipalityId: o.municipalityId, source: 'Демонстрационные данные' };
  });
  for (let i = 0; i < contextRows.length; i += BATCH) {
    const batch = contextRows.slice(i, i + BATCH);
    const inserted = await tx.insert(schoolContexts).values(batch).returning({ id: schoolContexts.id });
    await recordAudits(tx, null, inserted.map((row, j) => ({ action: 'import', entityType: 'school_context', entityId: row.id, scope: scopeOf(batch[j]!), after: batch[j] })));
  }
  created += resultRows.length + contextRows.length;

  const methodology = await ensureActiveMethodology(tx, null, regionId);
  // The same rows a run reads back from the database: every school of the region, ids instead of demo keys.
  const municipalities = await tx.select().from(organisations).where(eq(organisations.kind, 'municipality'));
  const municipalityName = new Map(municipalities.map((m) => [m.id, m.name]));
  const regionSchools = await tx.select().from(organisations).where(and(eq(organisations.kind, 'school'), eq(organisations.regionId, regionId), eq(organisations.isActive, true)));
  const schools: School[] = regionSchools.map((o) => ({ id: o.id, name: o.shortName ?? o.name, municipalityId: o.municipalityId!, municipalityName: municipalityName.get(o.municipalityId!) }));
  const idOf = (key: string) => place(key).id;
  const compact = schools.length > FULL_EXPLANATION_LIMIT;
  for (const year of DEMO_YEARS) {
    const [published] = await tx.select({ id: classificationRuns.id }).from(classificationRuns)
      .where(and(eq(classificationRuns.regionId, regionId), eq(classificationRuns.year, year), eq(classificationRuns.status, 'published')));
    if (published) continue;
    // What was known in that year: no later results or contexts.
    const result = classifyLazily({
      year, schools, methodology: methodology.params as Methodology,
      results: data.results.filter((r) => r.year <= year).map((r) => ({ ...r, schoolId: idOf(r.schoolId) })),
      contexts: data.contexts.filter((c) => c.year <= year).map((c) => ({ ...c, schoolId: idOf(c.schoolId) })),
    }, { explain: !compact });
    const run = await insertRun(tx, { regionId, municipalityId: null, year, methodologyId: methodology.id, createdBy: null }, result, compact);
    // Published at the start of September of its year, as a region publishes the lists before the school year.
    await tx.update(classificationRuns).set({ status: 'published', publishedAt: new Date(Date.UTC(year, 8, 1, 9)) }).where(eq(classificationRuns.id, run.id));
    await recordAudit(tx, null, { action: 'create', entityType: 'classification_run', entityId: run.id, scope: { regionId, municipalityId: null, schoolId: null }, after: { year, inputDigest: run.inputDigest, status: 'published' } });
    created += 1 + result.schoolCount;
  }
  return created;
}
