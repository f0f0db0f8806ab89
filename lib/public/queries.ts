import 'server-only';
/**
 * Reads of the public pages (no login). What leaves this module is public by construction: directory fields of
 * schools, the categories of PUBLISHED classification runs only, indicator values of APPROVED periods only,
 * road maps that are approved (progress, not comments), organisation names — never users, comments, review
 * threads, drafts. Every figure about pupils goes through the suppression rule (lib/public/suppression.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import { classifyLazily, type Category, type SchoolClassification } from '@/lib/classification/classify';
import type { Methodology } from '@/lib/classification/methodology';
import type { SchoolOverview } from '@/lib/classification/overview';
import { GIA_SOURCE, CONTEXT_SOURCE } from '@/lib/classification/rules';
import { VPR_SOURCE } from '@/lib/classification/rule-vpr';
import { loadInput } from '@/lib/classification/server/load';
import { storedSchool, type RunSummary } from '@/lib/classification/server/store';
import { EXAM_NAMES, findSubject, subjectInfo } from '@/lib/classification/subjects';
import type { ExamCode, RuleId, SubjectCode } from '@/lib/classification/types';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { isId } from '@/lib/ids';
import { indicatorStatus, type IndicatorStatusWord } from '@/lib/indicators/status';
import { applicable, type TargetRow } from '@/lib/indicators/targets';
import { isOverdue } from '@/lib/roadmaps/deadline';
import { summariseProgress, type ProgressSummary } from '@/lib/roadmaps/progress';
import type { ItemStatus } from '@/lib/roadmaps/status';
import type { IndicatorDirection, IndicatorUnit } from '@/db/schema/indicators';
import { resultFigures, type ResultFigures, type ResultRow } from './figures';
import { listMovements, type ListMovement } from './movements';
import { parseSearch } from './search';
import { categoryHeadline, categoryMeaning, exitSentence, publicRuleFact, ruleReason, type PublicRuleFact } from './sentences';
import { publicFigure, suppressCountTable, type PublicValue } from './suppression';

type Row = Record<string, unknown>;

async function rows<T = Row>(query: SQL): Promise<T[]> {
  return (await getDb().execute(query)).rows as T[];
}

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const date = (value: unknown): Date | null => (value === null || value === undefined ? null : value instanceof Date ? value : new Date(String(value)));

/* ------------------------------------------------------------------ search */

export interface SchoolHit {
  id: string;
  name: string;
  fullName: string;
  address: string | null;
  municipalityName: string | null;
  category: Category | null;
  year: number | null;
}

/** The newest published category of every school (by year, then publication): one CTE for every public list. */
const LATEST_PUBLISHED = sql`
  SELECT DISTINCT ON (r.school_id) r.school_id, r.category, r.cluster, run.year, run.id AS run_id, run.published_at
    FROM classification_results r
    JOIN classification_runs run ON run.id = r.run_id AND run.status = 'published'
   ORDER BY r.school_id, run.year DESC, run.published_at DESC`;

/**
 * Schools by name, number («школа 5», «№ 5»), address or municipality, tolerant of typos (trigram word
 * similarity) and of «ё/е»; the best matches first, at most `limit`.
 */
export async function searchSchools(raw: string, limit = 20): Promise<SchoolHit[]> {
  const { text, number } = parseSearch(raw);
  if (!text && number === null) return [];
  // A school's number stands on its own («№ 5», «школа 5», «5а»), never inside a word or a code («e48f», «1548»).
  const numberPattern = number === null ? null : `(^|[^0-9[:alpha:]])${number}([^0-9]|$)`;
  const result = await rows(sql`
    WITH s AS (
      SELECT o.id, o.name, o.short_name, o.address, m.name AS municipality_name,
             translate(lower(o.name || ' ' || coalesce(o.short_name, '')), 'ё', 'е') AS n_name,
             translate(lower(coalesce(o.address, '')), 'ё', 'е') AS n_address,
             translate(lower(coalesce(m.name, '') || ' ' || coalesce(m.short_name, '')), 'ё', 'е') AS n_mun
        FROM organisations o
        LEFT JOIN organisations m ON m.id = o.municipality_id
       WHERE o.kind = 'school' AND o.is_active
    ), scored AS (
      SELECT s.*, CASE WHEN ${text} = '' THEN 0
                       ELSE greatest(strict_word_similarity(${text}, n_name), 0.9 * strict_word_similarity(${text}, n_address), 0.8 * strict_word_similarity(${text}, n_mun)) END AS score
        FROM s
       WHERE ${numberPattern}::text IS NULL OR n_name ~ ${numberPattern}::text
    ), latest AS (${LATEST_PUBLISHED})
    SELECT scored.*, latest.category, latest.year
      FROM scored LEFT JOIN latest ON latest.school_id = scored.id
     WHERE ${text} = '' OR score >= 0.4
     ORDER BY score DESC, scored.short_name, scored.name
     LIMIT ${limit}`);
  return result.map((r) => ({
    id: r.id as string,
    name: (r.short_name as string | null) ?? (r.name as string),
    fullName: r.name as string,
    address: (r.address as string | null) ?? null,
    municipalityName: (r.municipality_name as string | null) ?? null,
    category: (r.category as Category | null) ?? null,
    year: num(r.year),
  }));
}

/* ------------------------------------------------------------------ region summary */

export interface RegionSummary {
  regionId: string | null;
  regionName: string;
  municipalities: number;
  schools: number;
  /** Newest published year and the schools in each category then. */
  year: number | null;
  counts: Partial<Record<Category, number>>;
  publishedAt: Date | null;
}

export async function regionSummary(): Promise<RegionSummary> {
  const [region] = await rows(sql`SELECT id, name FROM organisations WHERE kind = 'region' AND is_active ORDER BY name LIMIT 1`);
  const [sizes] = await rows(sql`
    SELECT count(*) FILTER (WHERE kind = 'municipality') AS municipalities, count(*) FILTER (WHERE kind = 'school') AS schools
      FROM organisations WHERE is_active`);
  const categories = await rows(sql`
    WITH latest AS (${LATEST_PUBLISHED})
    SELECT year, category, count(*) AS n, max(published_at) AS published_at FROM latest
     WHERE year = (SELECT max(year) FROM latest) GROUP BY year, category`);
  const counts: Partial<Record<Category, number>> = {};
  for (const c of categories) counts[c.category as Category] = Number(c.n);
  return {
    regionId: (region?.id as string | undefined) ?? null,
    regionName: (region?.name as string | undefined) ?? 'Регион',
    municipalities: Number(sizes?.municipalities ?? 0),
    schools: Number(sizes?.schools ?? 0),
    year: categories.length > 0 ? num(categories[0]!.year) : null,
    counts,
    publishedAt: categories.reduce<Date | null>((latest, c) => {
      const d = date(c.published_at);
      return d && (!latest || d > latest) ? d : latest;
    }, null),
  };
}

/* ------------------------------------------------------------------ school */

export interface PublicStatus {
  runId: string;
  year: number;
  publishedAt: Date | null;
  category: Category;
  headline: string;
  meaning: string;
  reasons: string[];
  exit: string | null;
  cluster: number | null;
}

export interface ResultSeries {
  key: string;
  exam: ExamCode;
  subject: SubjectCode;
  title: string;
  years: number[];
  school: PublicValue<number>[];
  participants: (PublicValue<number> | null)[];
  municipality: (PublicValue<number> | null)[];
  cluster: (PublicValue<number> | null)[];
}

export interface MarksRow {
  title: string;
  year: number;
  /** «2», «3», «4», «5». */
  marks: PublicValue<number>[];
  total: PublicValue<number>;
}

export interface ConditionRow {
  label: string;
  school: PublicValue<string> | null;
  cluster: string | null;
}

export interface PublicRoadmap {
  id: string;
  title: string;
  period: string;
  progress: ProgressSummary;
  sections: { title: string; progress: ProgressSummary }[];
}

export interface PublicIndicatorRow {
  id: string;
  name: string;
  unit: IndicatorUnit;
  year: number;
  value: PublicValue<number>;
  target: number | null;
  status: IndicatorStatusWord;
  source: string;
}

export interface PublicSchoolPage {
  id: string;
  name: string;
  fullName: string;
  address: string | null;
  settlement: 'urban' | 'rural' | null;
  pupils: PublicValue<number> | null;
  distanceKm: number | null;
  municipality: { id: string; name: string } | null;
  regionName: string | null;
  status: PublicStatus | null;
  history: { year: number; category: Category }[];
  conditions: ConditionRow[];
  conditionsYear: number | null;
  results: ResultSeries[];
  marks: MarksRow[];
  roadmaps: PublicRoadmap[];
  curators: string[];
  methodicalCentres: string[];
  partners: { id: string; name: string }[];
  indicators: PublicIndicatorRow[];
  dataYear: number | null;
  sources: string[];
}

/** The full result of a school in a published run: stored, or rebuilt for a compact run while its inputs are unchanged. */
async function publishedResult(run: Row, explanation: string, schoolId: string): Promise<{ full: SchoolClassification | null; overview: SchoolOverview }> {
  const overview = storedSchool(explanation, run.summary);
  if (!(run.summary as RunSummary).compact) return { full: overview as SchoolClassification, overview };
  const [methodology] = await rows(sql`SELECT params FROM methodologies WHERE id = ${run.methodology_id as string}`);
  if (!methodology) return { full: null, overview };
  const input = await loadInput({ regionId: run.region_id as string, municipalityId: (run.municipality_id as string | null) ?? null, year: Number(run.year) }, methodology.params as Methodology);
  const rerun = classifyLazily(input, { explain: (id) => id === schoolId });
  return { full: rerun.inputDigest === run.input_digest ? rerun.school(schoolId) : null, overview };
}

function statusOf(run: Row, category: Category, full: SchoolClassification | null, overview: SchoolOverview): PublicStatus {
  const year = Number(run.year);
  const facts: PublicRuleFact[] = (full?.rules ?? overview.rules).map((r) => publicRuleFact(r));
  const reasons = category === 'low_results' || category === 'both' ? facts.filter((f) => f.status === 'fired').map((f) => ruleReason(f)) : [];
  if (category === 'unfavourable' || category === 'both') reasons.push('Социальные условия школы относятся к самым сложным в регионе: доля детей из малообеспеченных семей, с ОВЗ, удалённость и другие условия.');
  const chosen: RuleId[] | undefined = full?.exit?.steps.map((s) => s.rule);
  return {
    runId: run.id as string,
    year,
    publishedAt: date(run.published_at),
    category,
    headline: categoryHeadline(category, year),
    meaning: categoryMeaning(category),
    reasons,
    exit: exitSentence(category, facts, chosen),
    cluster: overview.cluster,
  };
}

const CONDITION_FIELDS: { column: string; label: string; pupilShare: boolean; kind: 'percent' | 'km' | 'flag' }[] = [
  { column: 'share_low_income', label: 'Дети из малообеспеченных семей', pupilShare: true, kind: 'percent' },
  { column: 'share_ovz', label: 'Дети с ограниченными возможностями здоровья', pupilShare: true, kind: 'percent' },
  { column: 'share_parents_higher_ed', label: 'Родители с высшим образованием', pupilShare: true, kind: 'percent' },
  { column: 'share_non_native_russian', label: 'Дети, для которых русский язык не родной', pupilShare: true, kind: 'percent' },
  { column: 'distance_km', label: 'Расстояние до центра муниципалитета', pupilShare: false, kind: 'km' },
  { column: 'teacher_vacancy_share', label: 'Вакантные ставки учителей', pupilShare: false, kind: 'percent' },
  { column: 'has_psychologist', label: 'Педагог-психолог', pupilShare: false, kind: 'flag' },
  { column: 'has_speech_therapist', label: 'Учитель-логопед', pupilShare: false, kind: 'flag' },
];

const formatShare = (v: number) => `${new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }).format(v)} %`;

function conditionText(kind: 'percent' | 'km' | 'flag', value: number | boolean): string {
  if (kind === 'flag') return value ? 'есть' : 'нет';
  if (kind === 'km') return `${new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }).format(Number(value))} км`;
  return formatShare(Number(value));
}

async function conditionsOf(schoolId: string, runId: string | null, cluster: number | null): Promise<{ year: number | null; rows: ConditionRow[] }> {
  const [own] = await rows(sql`SELECT * FROM school_contexts WHERE school_id = ${schoolId} ORDER BY year DESC LIMIT 1`);
  if (!own) return { year: null, rows: [] };
  const year = Number(own.year);
  const peers = runId && cluster !== null
    ? await rows(sql`SELECT c.* FROM school_contexts c JOIN classification_results r ON r.school_id = c.school_id AND r.run_id = ${runId} AND r.cluster = ${cluster} WHERE c.year = ${year}`)
    : [];
  const pupils = num(own.pupils);
  const result: ConditionRow[] = [];
  for (const field of CONDITION_FIELDS) {
    const value = own[field.column];
    let school: PublicValue<string> | null = null;
    if (value !== null && value !== undefined) {
      const figure = publicFigure(conditionText(field.kind, field.kind === 'flag' ? Boolean(value) : Number(value)), field.pupilShare ? pupils : Number.POSITIVE_INFINITY);
      school = figure;
    }
    const peerValues = peers.map((p) => p[field.column]).filter((v) => v !== null && v !== undefined);
    let clusterText: string | null = null;
    if (peerValues.length > 0) {
      if (field.kind === 'flag') clusterText = `есть у ${formatShare((peerValues.filter(Boolean).length * 100) / peerValues.length)} похожих школ`;
      else if (field.pupilShare) {
        // Pupil-weighted, so the mean is over all pupils of the similar schools (a group far above ten).
        const weighted = peers.filter((p) => p[field.column] !== null && num(p.pupils));
        const total = weighted.reduce((s, p) => s + Number(p.pupils), 0);
        const figure = publicFigure(total > 0 ? weighted.reduce((s, p) => s + Number(p[field.column]) * Number(p.pupils), 0) / total : null, total);
        clusterText = figure.shown && figure.value !== null ? conditionText(field.kind, figure.value) : null;
      } else clusterText = conditionText(field.kind, peerValues.reduce((s: number, v) => s + Number(v), 0) / peerValues.length);
    }
    if (school || clusterText) result.push({ label: field.label, school, cluster: clusterText });
  }
  return { year, rows: result };
}

/**
 * The public result figures of every region, year, exam and subject (ЕГЭ and ОГЭ), keyed «region|year|exam|subject»:
 * each school's cluster is the one of its newest published run. School pages, municipality pages and the open
 * data read these same decisions, so no page publishes what another hides.
 */
type RegionalFigures = { figures: Map<string, ResultFigures>; rows: (ResultRow & { regionId: string | null; schoolName: string; updatedAt: unknown })[] };

/**
 * The region's figures take seconds to decide (complementary suppression over every school of the region, for
 * every year, exam and subject) and every school and municipality page needs them: they are kept in the process
 * while what they are computed from is unchanged — the published runs, the results and the schools: their
 * fingerprint (row counts and the newest row version, `xmin`, so any insert, update or delete shows) is read on
 * every call, so a publication, an import or a correction is seen at once.
 */
const figuresMemo = new Map<string, { fingerprint: string; value: Promise<RegionalFigures> }>();

export async function regionalResultFigures(regionId?: string | null): Promise<RegionalFigures> {
  const [print] = await rows(sql`
    SELECT (SELECT concat(count(*), '/', max(xmin::text::bigint)) FROM classification_runs WHERE status = 'published') AS runs,
           (SELECT concat(count(*), '/', max(xmin::text::bigint)) FROM assessment_results) AS results,
           (SELECT concat(count(*), '/', max(xmin::text::bigint)) FROM organisations WHERE kind = 'school' AND is_active) AS schools`);
  const fingerprint = `${print?.runs}|${print?.results}|${print?.schools}`;
  const key = regionId === undefined ? '*' : (regionId ?? '');
  const kept = figuresMemo.get(key);
  if (kept && kept.fingerprint === fingerprint) return kept.value;
  const value = computeRegionalFigures(regionId);
  figuresMemo.set(key, { fingerprint, value });
  value.catch(() => figuresMemo.get(key)?.value === value && figuresMemo.delete(key));
  return value;
}

async function computeRegionalFigures(regionId?: string | null): Promise<RegionalFigures> {
  const found = await rows(sql`
    WITH latest AS (${LATEST_PUBLISHED})
    SELECT a.school_id, coalesce(o.short_name, o.name) AS school_name, a.municipality_id, a.region_id, a.year, a.exam, a.subject, a.participants, a.mean_score, a.max_score, a.updated_at, latest.cluster
      FROM assessment_results a
      JOIN organisations o ON o.id = a.school_id AND o.is_active
      LEFT JOIN latest ON latest.school_id = a.school_id
     WHERE a.exam IN ('EGE', 'OGE') AND a.grade = 0 AND (${regionId === undefined}::boolean OR a.region_id IS NOT DISTINCT FROM ${regionId ?? null}::uuid)`);
  const all = found.map((r) => ({
    schoolId: r.school_id as string,
    schoolName: r.school_name as string,
    municipalityId: (r.municipality_id as string | null) ?? null,
    regionId: (r.region_id as string | null) ?? null,
    cluster: num(r.cluster),
    year: Number(r.year),
    exam: r.exam as ExamCode,
    subject: r.subject as SubjectCode,
    participants: Number(r.participants),
    meanScore: num(r.mean_score),
    maxScore: num(r.max_score),
    updatedAt: r.updated_at,
  }));
  const groups = new Map<string, ResultRow[]>();
  for (const r of all) {
    const key = resultKey(r.regionId, r.year, r.exam, r.subject);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return { figures: new Map([...groups].map(([key, group]) => [key, resultFigures(group)])), rows: all };
}

export function resultKey(regionId: string | null, year: number, exam: string, subject: string): string {
  return `${regionId ?? ''}|${year}|${exam}|${subject}`;
}

/** Subjects charted on a school page: ЕГЭ and ОГЭ in the main subjects. */
const CHARTED: { exam: ExamCode; subject: SubjectCode }[] = [
  { exam: 'EGE', subject: 'russian' },
  { exam: 'EGE', subject: 'mathematics_profile' },
  { exam: 'OGE', subject: 'russian' },
  { exam: 'OGE', subject: 'mathematics' },
];

async function resultsOf(school: { id: string; regionId: string | null; municipalityId: string | null }, cluster: number | null): Promise<{ series: ResultSeries[]; marks: MarksRow[]; dataYear: number | null; sources: string[] }> {
  const own = await rows(sql`SELECT year, exam, subject, participants, mean_score, max_score, marks_2, marks_3, marks_4, marks_5, source FROM assessment_results WHERE school_id = ${school.id} AND exam IN ('EGE', 'OGE') ORDER BY year`);
  if (own.length === 0) return { series: [], marks: [], dataYear: null, sources: [] };
  const dataYear = Math.max(...own.map((r) => Number(r.year)));
  const wanted = CHARTED.filter((c) => own.some((r) => r.exam === c.exam && r.subject === c.subject));
  // Municipal and cluster means come from every school of the region, suppressed together with the school's figures.
  const { figures } = wanted.length === 0 ? { figures: new Map<string, ResultFigures>() } : await regionalResultFigures(school.regionId);
  const empty: ResultFigures = { school: new Map(), participants: new Map(), municipality: new Map(), cluster: new Map() };
  const series: ResultSeries[] = wanted.map(({ exam, subject }) => {
    const years = [...new Set(own.filter((r) => r.exam === exam && r.subject === subject).map((r) => Number(r.year)))].sort((a, b) => a - b);
    const perYear = years.map((year) => figures.get(resultKey(school.regionId, year, exam, subject)) ?? empty);
    const missing: PublicValue<number> = { shown: false, reason: 'unknown_size' };
    return {
      key: `${exam}-${subject}`,
      exam,
      subject,
      title: `${EXAM_NAMES[exam]} по ${subjectInfo(subject).dative}`,
      years,
      school: perYear.map((f) => f.school.get(school.id) ?? missing),
      participants: perYear.map((f) => f.participants.get(school.id) ?? null),
      municipality: perYear.map((f) => (school.municipalityId ? f.municipality.get(school.municipalityId) ?? null : null)),
      cluster: perYear.map((f) => (cluster !== null ? f.cluster.get(cluster) ?? null : null)),
    };
  });
  const marks: MarksRow[] = own
    .filter((r) => Number(r.year) === dataYear && findSubject(r.subject as string) !== null && [r.marks_2, r.marks_3, r.marks_4, r.marks_5].every((v) => v !== null))
    .map((r) => {
      const t = suppressCountTable({ cells: [[Number(r.marks_2), Number(r.marks_3), Number(r.marks_4), Number(r.marks_5)]], withTotals: true });
      return { title: `${EXAM_NAMES[r.exam as ExamCode]} по ${subjectInfo(r.subject as SubjectCode).dative}`, year: dataYear, marks: t.cells[0]!, total: t.rowTotals[0]! };
    });
  const sources = [...new Set(own.map((r) => r.source as string | null).filter((s): s is string => !!s))];
  return { series, marks, dataYear, sources };
}

async function roadmapsOf(organisationIds: readonly string[], today = new Date()): Promise<PublicRoadmap[]> {
  if (organisationIds.length === 0) return [];
  const maps = await rows(sql`
    SELECT id, title, period_start_year, period_end_year FROM roadmaps
     WHERE owner_organisation_id IN (${sql.join(organisationIds.map((id) => sql`${id}::uuid`), sql`, `)})
       AND status = 'approved' AND deleted_at IS NULL
     ORDER BY period_start_year DESC, title`);
  if (maps.length === 0) return [];
  const items = await rows(sql`
    SELECT i.roadmap_id, i.status, i.can_be_overdue, i.period_end, s.id AS section_id, s.position, s.number, s.title
      FROM roadmap_items i JOIN roadmap_sections s ON s.id = i.section_id
     WHERE i.roadmap_id IN (${sql.join(maps.map((m) => sql`${m.id as string}::uuid`), sql`, `)}) AND i.deleted_at IS NULL
     ORDER BY s.position, i.position`);
  return maps.map((m) => {
    const own = items.filter((i) => i.roadmap_id === m.id);
    const progressItem = (i: Row) => {
      const end = i.period_end === null ? null : String(i.period_end instanceof Date ? i.period_end.toISOString() : i.period_end).slice(0, 10);
      return { status: i.status as ItemStatus, overdue: isOverdue({ canBeOverdue: Boolean(i.can_be_overdue), end }, i.status as ItemStatus, today) };
    };
    const sections = [...new Map(own.map((i) => [i.section_id as string, i])).values()].map((s) => ({
      title: [s.number, s.title].filter(Boolean).join(' ') || 'Мероприятия',
      progress: summariseProgress(own.filter((i) => i.section_id === s.section_id).map(progressItem)),
    }));
    const start = Number(m.period_start_year);
    const end = Number(m.period_end_year);
    return { id: m.id as string, title: m.title as string, period: start === end ? `${start} год` : `${start}–${end} годы`, progress: summariseProgress(own.map(progressItem)), sections };
  });
}

/** Organisations that approved the road maps (the curators), by name: never the people. */
async function curatorsOf(roadmapIds: readonly string[]): Promise<string[]> {
  if (roadmapIds.length === 0) return [];
  const found = await rows(sql`
    SELECT DISTINCT coalesce(o.short_name, o.name) AS name
      FROM roadmap_review_events e JOIN users u ON u.id = e.author_id JOIN organisations o ON o.id = u.organisation_id
     WHERE e.kind = 'approve' AND e.roadmap_id IN (${sql.join(roadmapIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return found.map((r) => r.name as string).sort((a, b) => a.localeCompare(b, 'ru'));
}

/**
 * Approved indicator values of organisations (a period is public once the level above approved it), with the
 * applicable target and the status word. A share whose denominator counts fewer than 10 is suppressed.
 */
export async function approvedIndicators(organisationIds: readonly string[]): Promise<(PublicIndicatorRow & { organisationId: string })[]> {
  if (organisationIds.length === 0) return [];
  const values = await rows(sql`
    SELECT v.organisation_id, v.year, v.value, v.denominator, i.id, i.name, i.unit, i.direction, i.close_share, i.source
      FROM indicator_values v
      JOIN indicator_approvals a ON a.organisation_id = v.organisation_id AND a.year = v.year AND a.quarter = v.quarter AND a.state = 'approved'
      JOIN indicators i ON i.id = v.indicator_id AND i.status = 'active'
     WHERE v.quarter = 0 AND v.organisation_id IN (${sql.join(organisationIds.map((id) => sql`${id}::uuid`), sql`, `)})
     ORDER BY i.code, v.year`);
  if (values.length === 0) return [];
  const targets = await rows(sql`SELECT indicator_id, organisation_id, kind, year, value FROM indicator_targets WHERE indicator_id IN (${sql.join([...new Set(values.map((v) => v.id as string))].map((id) => sql`${id}::uuid`), sql`, `)})`);
  // The newest approved year of each indicator and organisation.
  const newest = new Map<string, Row>();
  for (const v of values) newest.set(`${v.id as string}|${v.organisation_id as string}`, v);
  return [...newest.values()].map((v) => {
    const own: TargetRow[] = targets.filter((t) => t.indicator_id === v.id).map((t) => ({ organisationId: (t.organisation_id as string | null) ?? null, kind: t.kind as 'baseline' | 'target', year: Number(t.year), value: Number(t.value) }));
    const year = Number(v.year);
    const target = applicable(own, 'target', year, v.organisation_id as string);
    const baseline = applicable(own, 'baseline', year, v.organisation_id as string);
    const value = publicFigure(Number(v.value), v.denominator === null ? Number.POSITIVE_INFINITY : Number(v.denominator));
    return {
      organisationId: v.organisation_id as string,
      id: v.id as string,
      name: v.name as string,
      unit: v.unit as IndicatorUnit,
      year,
      value,
      target: target?.value ?? null,
      status: value.shown
        ? indicatorStatus({ value: value.value, target: target?.value ?? null, baseline: baseline?.value ?? null, direction: v.direction as IndicatorDirection, closeShare: Number(v.close_share) })
        : 'no_data',
      source: (v.source as string) ?? '',
    };
  });
}

/** The public page of a school; «not found» for an unknown, inactive or malformed id and for anything not a school. */
export async function getPublicSchool(id: string): Promise<PublicSchoolPage> {
  if (!isId(id)) throw new AppError('not_found', 'Школа не найдена.');
  const [school] = await rows(sql`
    SELECT o.*, m.name AS municipality_name, m.short_name AS municipality_short, r.name AS region_name
      FROM organisations o
      LEFT JOIN organisations m ON m.id = o.municipality_id
      LEFT JOIN organisations r ON r.id = o.region_id
     WHERE o.id = ${id} AND o.kind = 'school' AND o.is_active`);
  if (!school) throw new AppError('not_found', 'Школа не найдена.');
  const [latest] = await rows(sql`
    SELECT r.explanation, r.category, run.id, run.year, run.published_at, run.summary, run.region_id, run.municipality_id, run.methodology_id, run.input_digest
      FROM classification_results r JOIN classification_runs run ON run.id = r.run_id AND run.status = 'published'
     WHERE r.school_id = ${id}
     ORDER BY run.year DESC, run.published_at DESC LIMIT 1`);
  const history = await rows(sql`
    SELECT DISTINCT ON (run.year) run.year, r.category
      FROM classification_results r JOIN classification_runs run ON run.id = r.run_id AND run.status = 'published'
     WHERE r.school_id = ${id}
     ORDER BY run.year DESC, run.published_at DESC`);
  let status: PublicStatus | null = null;
  let partners: { id: string; name: string }[] = [];
  if (latest) {
    const { full, overview } = await publishedResult(latest, latest.explanation as string, id);
    status = statusOf(latest, latest.category as Category, full, overview);
    partners = (full?.partners ?? []).map((p) => ({ id: p.schoolId, name: p.name }));
  }
  const municipalityId = (school.municipality_id as string | null) ?? null;
  const [conditions, results, roadmaps, centres, indicators] = await Promise.all([
    conditionsOf(id, status?.runId ?? null, status?.cluster ?? null),
    resultsOf({ id, regionId: (school.region_id as string | null) ?? null, municipalityId }, status?.cluster ?? null),
    roadmapsOf([id]),
    municipalityId ? rows(sql`SELECT coalesce(short_name, name) AS name FROM organisations WHERE kind = 'methodical_center' AND is_active AND municipality_id = ${municipalityId} ORDER BY name`) : Promise.resolve([]),
    approvedIndicators([id]),
  ]);
  const curators = await curatorsOf(roadmaps.map((r) => r.id));
  const pupils = num(school.pupils);
  const sources = [...new Set([...results.sources, ...(results.series.length > 0 ? [GIA_SOURCE] : []), ...(status ? [VPR_SOURCE, CONTEXT_SOURCE] : []), ...(conditions.rows.length > 0 ? [CONTEXT_SOURCE] : [])])];
  return {
    id,
    name: (school.short_name as string | null) ?? (school.name as string),
    fullName: school.name as string,
    address: (school.address as string | null) ?? null,
    settlement: (school.settlement as 'urban' | 'rural' | null) ?? null,
    pupils: pupils === null ? null : publicFigure(pupils, pupils),
    distanceKm: num(school.distance_km),
    municipality: municipalityId ? { id: municipalityId, name: (school.municipality_name as string) ?? '' } : null,
    regionName: (school.region_name as string | null) ?? null,
    status,
    history: history.map((h) => ({ year: Number(h.year), category: h.category as Category })).sort((a, b) => a.year - b.year),
    conditions: conditions.rows,
    conditionsYear: conditions.year,
    results: results.series,
    marks: results.marks,
    roadmaps,
    curators,
    methodicalCentres: centres.map((c) => c.name as string),
    partners,
    indicators: indicators.map(({ organisationId: _o, ...rest }) => rest),
    dataYear: results.dataYear,
    sources,
  };
}

/* ------------------------------------------------------------------ municipality and region */

export interface MunicipalitySchoolRow {
  id: string;
  name: string;
  settlement: 'urban' | 'rural' | null;
  category: Category | null;
  year: number | null;
  /** Mean result (0–100) over the judged ЕГЭ and ОГЭ subjects of the run's year. */
  meanScore: PublicValue<number> | null;
  roadmapDone: number | null;
}

export type { ListMovement };

export interface PublicMunicipalityPage {
  id: string;
  name: string;
  regionName: string | null;
  schools: MunicipalitySchoolRow[];
  roadmaps: PublicRoadmap[];
  indicators: PublicIndicatorRow[];
  movements: ListMovement[];
}

const PROGRAMME = new Set<Category>(['low_results', 'both', 'unfavourable']);

async function publishedHistory(filter: SQL): Promise<{ schoolId: string; year: number; category: Category; municipalityId: string | null }[]> {
  const found = await rows(sql`
    SELECT DISTINCT ON (r.school_id, run.year) r.school_id, run.year, r.category, r.municipality_id
      FROM classification_results r JOIN classification_runs run ON run.id = r.run_id AND run.status = 'published'
     WHERE ${filter}
     ORDER BY r.school_id, run.year, run.published_at DESC`);
  return found.map((r) => ({ schoolId: r.school_id as string, year: Number(r.year), category: r.category as Category, municipalityId: (r.municipality_id as string | null) ?? null }));
}

export async function getPublicMunicipality(id: string): Promise<PublicMunicipalityPage> {
  if (!isId(id)) throw new AppError('not_found', 'Муниципалитет не найден.');
  const [municipality] = await rows(sql`
    SELECT m.id, m.name, m.region_id, r.name AS region_name FROM organisations m LEFT JOIN organisations r ON r.id = m.region_id
     WHERE m.id = ${id} AND m.kind = 'municipality' AND m.is_active`);
  if (!municipality) throw new AppError('not_found', 'Муниципалитет не найден.');
  const schools = await rows(sql`
    WITH latest AS (${LATEST_PUBLISHED})
    SELECT o.id, coalesce(o.short_name, o.name) AS name, o.settlement, latest.category, latest.year, latest.run_id
      FROM organisations o LEFT JOIN latest ON latest.school_id = o.id
     WHERE o.kind = 'school' AND o.is_active AND o.municipality_id = ${id}
     ORDER BY o.name`);
  const schoolIds = schools.map((s) => s.id as string);
  const [roadmaps, indicators, history] = await Promise.all([
    roadmapsOf([id, ...schoolIds]),
    approvedIndicators([id]),
    publishedHistory(sql`r.municipality_id = ${id}`),
  ]);
  const schoolMaps = schoolIds.length === 0 ? [] : await rows(sql`
    SELECT id, owner_organisation_id FROM roadmaps WHERE status = 'approved' AND deleted_at IS NULL
       AND owner_organisation_id IN (${sql.join(schoolIds.map((s) => sql`${s}::uuid`), sql`, `)})`);
  const doneBySchool = new Map<string, number>();
  for (const m of schoolMaps) {
    const map = roadmaps.find((r) => r.id === m.id);
    if (map) doneBySchool.set(m.owner_organisation_id as string, map.progress.doneShare);
  }
  // One mean per school over its ЕГЭ and ОГЭ subjects of the year of its status (0–100, weighted by participants),
  // published only when every subject's mean is published: then it tells nothing the subject figures do not.
  const { figures, rows: results } = await regionalResultFigures((municipality.region_id as string | null) ?? null);
  const yearOf = new Map(schools.map((s) => [s.id as string, num(s.year)]));
  const bySchool = new Map<string, { weighted: number; participants: number; hidden: PublicValue<number> | null }>();
  for (const r of results) {
    if (r.municipalityId !== id || yearOf.get(r.schoolId) !== r.year) continue;
    const shown = figures.get(resultKey(r.regionId, r.year, r.exam, r.subject))?.school.get(r.schoolId);
    if (!shown) continue; // no comparable mean (ЕГЭ base mathematics, an ОГЭ without its maximum)
    const acc = bySchool.get(r.schoolId) ?? { weighted: 0, participants: 0, hidden: null };
    if (shown.shown) {
      acc.weighted += shown.value * r.participants;
      acc.participants += r.participants;
    } else acc.hidden ??= shown;
    bySchool.set(r.schoolId, acc);
  }
  const meanOf = new Map<string, PublicValue<number>>(
    [...bySchool].map(([schoolId, acc]) => [schoolId, acc.hidden ?? { shown: true, value: acc.weighted / acc.participants }]),
  );
  const schoolMapIds = new Set(schoolMaps.map((m) => m.id as string));
  return {
    id,
    name: municipality.name as string,
    regionName: (municipality.region_name as string | null) ?? null,
    schools: schools.map((s) => ({
      id: s.id as string,
      name: s.name as string,
      settlement: (s.settlement as 'urban' | 'rural' | null) ?? null,
      category: (s.category as Category | null) ?? null,
      year: num(s.year),
      meanScore: meanOf.get(s.id as string) ?? null,
      roadmapDone: doneBySchool.get(s.id as string) ?? null,
    })),
    roadmaps: roadmaps.filter((r) => !schoolMapIds.has(r.id)),
    indicators: indicators.map(({ organisationId: _o, ...rest }) => rest),
    movements: listMovements(history),
  };
}

export interface MunicipalityComparison {
  id: string;
  name: string;
  schools: number;
  counts: Partial<Record<Category, number>>;
  inProgramme: number;
  year: number | null;
}

export interface PublicRegionPage {
  summary: RegionSummary;
  municipalities: MunicipalityComparison[];
  indicators: PublicIndicatorRow[];
  movements: ListMovement[];
}

export async function getPublicRegion(): Promise<PublicRegionPage> {
  const summary = await regionSummary();
  const municipalities = await rows(sql`
    WITH latest AS (${LATEST_PUBLISHED})
    SELECT m.id, m.name, count(o.id) AS schools, latest.category, count(latest.school_id) AS n, max(latest.year) AS year
      FROM organisations m
      JOIN organisations o ON o.municipality_id = m.id AND o.kind = 'school' AND o.is_active
      LEFT JOIN latest ON latest.school_id = o.id
     WHERE m.kind = 'municipality' AND m.is_active
     GROUP BY m.id, m.name, latest.category
     ORDER BY m.name`);
  const byId = new Map<string, MunicipalityComparison>();
  for (const r of municipalities) {
    const entry = byId.get(r.id as string) ?? { id: r.id as string, name: r.name as string, schools: 0, counts: {}, inProgramme: 0, year: null };
    entry.schools += Number(r.schools);
    if (r.category) {
      entry.counts[r.category as Category] = Number(r.n);
      if (PROGRAMME.has(r.category as Category)) entry.inProgramme += Number(r.n);
    }
    const year = num(r.year);
    if (year !== null && (entry.year === null || year > entry.year)) entry.year = year;
    byId.set(r.id as string, entry);
  }
  const [indicators, history] = await Promise.all([summary.regionId ? approvedIndicators([summary.regionId]) : Promise.resolve([]), publishedHistory(sql`true`)]);
  return {
    summary,
    municipalities: [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'ru')),
    indicators: indicators.map(({ organisationId: _o, ...rest }) => rest),
    movements: listMovements(history),
  };
}

/** Every public school and municipality id (sitemap). */
export async function publicIds(): Promise<{ schools: string[]; municipalities: string[] }> {
  const found = await rows(sql`SELECT id, kind FROM organisations WHERE is_active AND kind IN ('school', 'municipality') ORDER BY id`);
  return { schools: found.filter((r) => r.kind === 'school').map((r) => r.id as string), municipalities: found.filter((r) => r.kind === 'municipality').map((r) => r.id as string) };
}
