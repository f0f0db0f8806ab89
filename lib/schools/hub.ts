import 'server-only';
/**
 * The school hub for staff (`/schools/[id]`): the directory card with what the portal knows of the school — its
 * latest classification with the trend over the years, its road maps and their progress, its data for the
 * classification, its partners and its curators. Every part comes from its domain's query, which checks the
 * actor's right; a part the actor may not read is simply absent.
 */
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import {
  getSchoolClassification,
  getSchoolContext,
  listAssessmentResults,
  schoolCategoryHistory,
  type AssessmentResultRow,
  type SchoolClassificationDetail,
  type SchoolContextRow,
} from '@/lib/classification/queries';
import { AppError } from '@/lib/errors';
import { parseId } from '@/lib/ids';
import { getDb } from '@/lib/db/client';
import { findOrganisation, getOrganisation } from '@/lib/organisations/queries';
import { organisationScope } from '@/lib/organisations/scope';
import { getRoadmap } from '@/lib/roadmaps/detail';
import { listRoadmaps } from '@/lib/roadmaps/roadmap-queries';
import type { RoadmapDetail } from '@/lib/roadmaps/views';
import { organisations, type Organisation } from '@/db/schema';
import { and, eq, inArray } from 'drizzle-orm';
import { ruOrder } from '@/lib/db/collation';

export interface SchoolHub {
  school: Organisation;
  municipalityName: string | null;
  canEditCard: boolean;
  /** The actor may change the school's results and context (the data editing page). */
  canEditData: boolean;
  /** Null when the actor may not read the classification or the school was in no run. */
  classification: (SchoolClassificationDetail & { runId: string }) | null;
  history: SchoolClassificationDetail['history'];
  roadmaps: RoadmapDetail[];
  /** The newest year with results or context, its results and context. */
  dataYear: number | null;
  results: AssessmentResultRow[];
  context: SchoolContextRow | null;
  /** Who reviews the school's road maps (approved or returned them), by name. */
  reviewers: string[];
  /** The methodical centres of the school's municipality. */
  methodicalCentres: { id: string; name: string }[];
  /**
   * The risk profile practices are suggested for: the newest run that found the school's risk factors (a newer run
   * with too little data to judge them does not empty the suggestions), with its year; null when no run did.
   */
  risks: { year: number; factors: string[]; cluster: number | null } | null;
}

export async function getSchoolHub(actor: Actor, id: string): Promise<SchoolHub> {
  const school = await getOrganisation(actor, parseId(id));
  if (school.kind !== 'school') throw new AppError('not_found', 'Школа не найдена.');
  const scope = organisationScope(school);
  const readsClassification = can(actor, 'classification.read', scope);
  const [municipality, centres, roadmapRows, history, allResults] = await Promise.all([
    // The name of the school's own municipality is part of the school's card, which the actor may read: every viewer
    // reads the same name, whether or not its scope lists the municipality itself.
    school.municipalityId ? findOrganisation(getDb(), school.municipalityId) : null,
    // Likewise the names of the methodical services of its municipality: the school's own team reads who supports it.
    school.municipalityId ? methodicalCentresOf(school.municipalityId) : [],
    can(actor, 'roadmap.read', scope) ? listRoadmaps(actor, { organisationId: school.id }) : [],
    readsClassification ? schoolCategoryHistory(actor, school.id) : [],
    readsClassification ? listAssessmentResults(actor, { schoolId: school.id }) : [],
  ]);
  const latest = history[0];
  const classification = latest ? { ...(await getSchoolClassification(actor, latest.runId, school.id)), runId: latest.runId } : null;
  const risks = await riskProfileOf(actor, school.id, history, classification);
  const roadmaps = await Promise.all(roadmapRows.map((row) => getRoadmap(actor, row.id)));
  const dataYear = allResults.reduce<number | null>((newest, r) => (newest === null || r.year > newest ? r.year : newest), null);
  const context = readsClassification && dataYear !== null ? await getSchoolContext(actor, school.id, dataYear) : null;
  const reviewers = [...new Set(roadmaps.flatMap((r) => r.review.filter((e) => e.kind === 'approve' || e.kind === 'return').map((e) => e.authorName)))];
  return {
    school,
    municipalityName: municipality ? (municipality.shortName ?? municipality.name) : null,
    canEditCard: can(actor, 'organisation.write', scope),
    canEditData: can(actor, 'classification.run', scope),
    classification,
    history,
    roadmaps,
    dataYear,
    results: allResults.filter((r) => r.year === dataYear),
    context,
    reviewers,
    methodicalCentres: centres.map((c) => ({ id: c.id, name: c.shortName ?? c.name })),
    risks,
  };
}

/** How many earlier years are looked at for a risk profile when the newest run could not judge the school. */
const RISK_LOOKBACK = 3;

async function riskProfileOf(
  actor: Actor,
  schoolId: string,
  history: SchoolClassificationDetail['history'],
  latest: SchoolClassificationDetail | null,
): Promise<SchoolHub['risks']> {
  for (const [index, entry] of history.slice(0, RISK_LOOKBACK + 1).entries()) {
    const detail = index === 0 && latest ? latest : await getSchoolClassification(actor, entry.runId, schoolId);
    const factors = detail.school?.riskProfile.map((r) => r.factor) ?? [];
    if (factors.length > 0) return { year: entry.year, factors, cluster: detail.overview.cluster ?? null };
  }
  return null;
}

/** The active methodical centres of a municipality, by name: part of a school's card for whoever may read the school. */
async function methodicalCentresOf(municipalityId: string) {
  return getDb()
    .select({ id: organisations.id, name: organisations.name, shortName: organisations.shortName })
    .from(organisations)
    .where(and(eq(organisations.kind, 'methodical_center'), eq(organisations.municipalityId, municipalityId), eq(organisations.isActive, true)))
    .orderBy(ruOrder(organisations.name));
}

/**
 * The names of the municipalities of schools the actor has already read (the schools list): a school's municipality
 * is part of its card, so every viewer sees the same name, whether or not its scope lists the municipality itself.
 */
export async function municipalityNamesOf(schools: Pick<Organisation, 'municipalityId'>[]): Promise<Map<string, string>> {
  const ids = [...new Set(schools.flatMap((s) => (s.municipalityId ? [s.municipalityId] : [])))];
  if (ids.length === 0) return new Map();
  const rows = await getDb()
    .select({ id: organisations.id, name: organisations.name, shortName: organisations.shortName })
    .from(organisations)
    .where(and(eq(organisations.kind, 'municipality'), inArray(organisations.id, ids)));
  return new Map(rows.map((m) => [m.id, m.shortName ?? m.name]));
}
