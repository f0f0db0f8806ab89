import 'server-only';
/** What the reports page offers a caller: kinds, the places it may report on, its road maps, years and formats. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { classificationRuns, organisations, roadmaps } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize, can } from '@/lib/auth/policy';
import { getDb } from '@/lib/db/client';
import { compareRussian } from '@/lib/format/ru';
import { reportFormats } from '@/lib/reports/document/render';
import { reportScope } from '@/lib/reports/monitoring/queries';
import { roadmapScope } from '@/lib/roadmaps/access';
import { FORMAT_LABELS } from './file';
import { REPORT_KIND_IDS, REPORT_KINDS } from './kinds';

export async function reportChoices(actor: Actor, today: Date = new Date()) {
  authorize(actor, 'report.export');
  const db = getDb();
  const region = actor.scope.regionId;
  const places = region
    ? (await db.select().from(organisations).where(and(eq(organisations.regionId, region), sql`${organisations.kind} IN ('region', 'municipality')`, eq(organisations.isActive, true))))
        .filter((o) => can(actor, 'report.export', reportScope(o)))
    : [];
  const organisationOptions = [
    ...places.filter((o) => o.kind === 'region'),
    ...places.filter((o) => o.kind === 'municipality').sort((a, b) => compareRussian(a.shortName ?? a.name, b.shortName ?? b.name)),
  ].map((o) => ({ value: o.id, label: o.shortName ?? o.name }));
  const maps = region
    ? (await db.select().from(roadmaps).where(and(eq(roadmaps.regionId, region), isNull(roadmaps.deletedAt))).orderBy(roadmaps.title))
        .filter((m) => can(actor, 'roadmap.read', roadmapScope(m)))
    : [];
  const runYears = region
    ? (await db.selectDistinct({ year: classificationRuns.year }).from(classificationRuns).where(and(eq(classificationRuns.regionId, region), eq(classificationRuns.status, 'published'))).orderBy(desc(classificationRuns.year))).map((r) => r.year)
    : [];
  const years = [...new Set([today.getFullYear(), ...runYears])].sort((a, b) => b - a);
  return {
    kinds: REPORT_KIND_IDS.map((id) => ({ value: id, label: REPORT_KINDS[id].label, about: REPORT_KINDS[id].about })),
    organisations: organisationOptions,
    roadmaps: maps.map((m) => ({ value: m.id, label: m.title })).sort((a, b) => compareRussian(a.label, b.label)),
    years: years.map((y) => ({ value: String(y), label: String(y) })),
    formats: reportFormats().map((f) => ({ value: f, label: FORMAT_LABELS[f] })),
    defaultYear: String(runYears[0] ?? today.getFullYear()),
  };
}
