/**
 * The synthetic region shared by the benchmarks (bench:reports, bench:public): 2,000 schools in 100 municipalities
 * with three years of results and contexts, a road map per municipality and per school, indicators with approved
 * values and decisions, and published classification runs. Loaded with COPY into the database of DATABASE_URL.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { classifyLazily } from '@/lib/classification/classify';
import { DEFAULT_METHODOLOGY } from '@/lib/classification/methodology';
import { copyIn } from '@/lib/classification/server/copy';
import { loadInput } from '@/lib/classification/server/load';
import { insertRun } from '@/lib/classification/server/store';
import { generateDataset } from '@/lib/classification/synthetic';
import { getPool } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';

export const MUNICIPALITIES = Number(process.env.BENCH_MUNICIPALITIES ?? 100);
export const SCHOOLS_PER_MUNICIPALITY = 20;
export const YEARS = [2024, 2025, 2026] as const;
export const YEAR = 2026;

async function bulkInsert(table: string, columns: string[], rows: Iterable<unknown[]>): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await copyIn(client, table, columns, rows);
  } finally {
    await client.end();
  }
}

function* lazyMap<T>(items: readonly T[], row: (item: T) => unknown[]): Generator<unknown[]> {
  for (const item of items) yield row(item);
}

/** The synthetic region: organisations, results and contexts (as the classification benchmark loads them). */
export async function loadRegion(regionId: string) {
  const data = generateDataset({ municipalities: MUNICIPALITIES, schoolsPerMunicipality: SCHOOLS_PER_MUNICIPALITY, years: YEARS });
  const ids = new Map<string, string>();
  const municipalities = new Map<string, string>();
  for (const s of data.schools) {
    if (!municipalities.has(s.municipalityId)) municipalities.set(s.municipalityId, randomUUID());
    ids.set(s.id, randomUUID());
  }
  await bulkInsert('organisations', ['id', 'kind', 'name', 'parent_id', 'region_id', 'municipality_id'],
    [...municipalities].map(([key, id]) => [id, 'municipality', `Муниципалитет ${key}`, regionId, regionId, id]));
  await bulkInsert('organisations', ['id', 'kind', 'name', 'ogrn', 'parent_id', 'region_id', 'municipality_id', 'settlement'],
    data.schools.map((s, i) => { const m = municipalities.get(s.municipalityId)!; return [ids.get(s.id), 'school', s.name, `7${String(i).padStart(12, '0')}`, m, regionId, m, i % 3 === 0 ? 'rural' : 'urban']; }));
  const place = (schoolId: string) => [ids.get(schoolId), regionId, municipalities.get(schoolId.slice(0, schoolId.indexOf('-s')))];
  await bulkInsert('assessment_results',
    ['school_id', 'region_id', 'municipality_id', 'year', 'exam', 'subject', 'grade', 'participants', 'mean_score', 'below_minimum', 'marks_2', 'marks_3', 'marks_4', 'marks_5'],
    lazyMap(data.results, (r) => [...place(r.schoolId), r.year, r.exam, r.subject, r.grade ?? 0, r.participants, r.meanScore, r.belowMinimum, r.marks?.m2 ?? null, r.marks?.m3 ?? null, r.marks?.m4 ?? null, r.marks?.m5 ?? null]));
  const contextColumns = ['pupils', 'continuationShare9to10', 'olympiadParticipants', 'shareOvz', 'shareLowIncome', 'shareParentsHigherEd', 'shareNonNativeRussian', 'distanceKm', 'rural', 'teacherVacancyShare', 'shareTeachersUnder35', 'shareTeachers60plus', 'internetMbps', 'hasPsychologist', 'hasSpeechTherapist', 'hasSocialPedagogue', 'facilitiesCondition'] as const;
  const snake: Record<string, string> = { continuationShare9to10: 'continuation_share_9_to_10', shareTeachersUnder35: 'share_teachers_under_35', shareTeachers60plus: 'share_teachers_60_plus' };
  await bulkInsert('school_contexts', ['school_id', 'region_id', 'municipality_id', 'year', ...contextColumns.map((c) => snake[c] ?? c.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`))],
    lazyMap(data.contexts, (c) => [...place(c.schoolId), c.year, ...contextColumns.map((k) => c[k] ?? null)]));
  return { schools: data.schools.length, results: data.results.length, municipalityIds: [...municipalities.values()], schoolIds: [...ids.values()], schoolMunicipality: new Map(data.schools.map((s) => [ids.get(s.id)!, municipalities.get(s.municipalityId)!])) };
}

/** A road map per municipality (3 sections × 10 items) and per school (8 items), statuses and deadlines spread. */
export async function loadRoadmaps(regionId: string, region: Awaited<ReturnType<typeof loadRegion>>) {
  const maps: unknown[][] = [];
  const sections: unknown[][] = [];
  const items: unknown[][] = [];
  const statuses = ['done', 'done', 'in_progress', 'planned', 'cancelled'];
  const addMap = (level: 'municipality' | 'school', owner: string, municipalityId: string, schoolId: string | null, sectionCount: number, perSection: number) => {
    const mapId = randomUUID();
    maps.push([mapId, level, owner, regionId, municipalityId, schoolId, `Дорожная карта ${level === 'school' ? 'школы' : 'муниципалитета'} ${mapId.slice(0, 8)}`, 2025, 2027, 'approved']);
    for (let s = 0; s < sectionCount; s++) {
      const sectionId = randomUUID();
      sections.push([sectionId, mapId, s + 1, `Раздел ${s + 1}. Кадровые условия и методическая поддержка`]);
      for (let i = 0; i < perSection; i++) {
        const n = items.length;
        const month = 1 + (n % 12);
        items.push([mapId, sectionId, i + 1, `${s + 1}.${i + 1}`, `Мероприятие ${s + 1}.${i + 1}: семинар-практикум для учителей по формированию функциональной грамотности обучающихся`,
          `до ${String(month).padStart(2, '0')}.${YEAR}`, `${YEAR}-${String(month).padStart(2, '0')}-28`, true, statuses[n % statuses.length], 'Руководитель ОО, заместитель директора по УВР']);
      }
    }
  };
  for (const m of region.municipalityIds) addMap('municipality', m, m, null, 3, 10);
  for (const s of region.schoolIds) addMap('school', s, region.schoolMunicipality.get(s)!, s, 1, 8);
  await bulkInsert('roadmaps', ['id', 'level', 'owner_organisation_id', 'region_id', 'municipality_id', 'school_id', 'title', 'period_start_year', 'period_end_year', 'status'], maps);
  await bulkInsert('roadmap_sections', ['id', 'roadmap_id', 'position', 'title'], sections);
  await bulkInsert('roadmap_items', ['roadmap_id', 'section_id', 'position', 'number', 'activity', 'deadline_text', 'period_end', 'can_be_overdue', 'status', 'responsible_text'], items);
  return items.length;
}

/** 17 entered indicators with programme targets, municipal values of the year, approved and locked for every other municipality; decisions. */
export async function loadIndicatorsAndDecisions(regionId: string) {
  const pool = getPool();
  await pool.query(`INSERT INTO indicators (region_id, owner_organisation_id, code, name, unit, level, kind, status)
    SELECT $1, $1, g::text, 'Показатель ' || g || ': доля школ с положительной динамикой результатов', 'percent', 'municipality', 'entered', 'active' FROM generate_series(1, 17) g`, [regionId]);
  await pool.query(`INSERT INTO indicator_targets (indicator_id, kind, year, value)
    SELECT id, k, y, v FROM indicators, (VALUES ('baseline', 2024, 40.0), ('target', 2027, 80.0)) t(k, y, v) WHERE region_id = $1`, [regionId]);
  await pool.query(`INSERT INTO indicator_values (indicator_id, organisation_id, region_id, municipality_id, year, value, entered_by_name)
    SELECT i.id, m.id, $1, m.id, $2, 30 + (abs(hashtext(i.id::text || m.id::text)) % 60), 'Бенчмарк'
      FROM indicators i CROSS JOIN organisations m WHERE i.region_id = $1 AND m.kind = 'municipality' AND m.region_id = $1`, [regionId, YEAR]);
  await pool.query(`INSERT INTO indicator_approvals (organisation_id, region_id, municipality_id, year, state, locked_at)
    SELECT id, $1, id, $2, 'approved', now() FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM organisations WHERE kind = 'municipality' AND region_id = $1) m WHERE n % 2 = 0`, [regionId, YEAR]);
  await pool.query(`INSERT INTO management_decisions (organisation_id, region_id, municipality_id, decided_on, title, document, responsible, due_date, finding)
    SELECT id, $1, id, make_date($2, 1 + (row_number() OVER (ORDER BY id))::int % 12, 10), 'Закрепить кураторов за школами из перечня ШНОР', 'Приказ № ' || row_number() OVER (ORDER BY id), 'Управление образования', make_date($2, 12, 20), 'Рост числа школ в перечне'
      FROM organisations WHERE kind = 'municipality' AND region_id = $1`, [regionId, YEAR]);
}

export async function publishedRun(regionId: string, methodologyId: string, year: number) {
  const input = await loadInput({ regionId, municipalityId: null, year }, DEFAULT_METHODOLOGY);
  const result = classifyLazily(input, { explain: true });
  const run = await inTransaction((tx) => insertRun(tx, { regionId, municipalityId: null, year, methodologyId, createdBy: null }, result, false));
  await getPool().query(`UPDATE classification_runs SET status = 'published', published_at = now() WHERE id = $1`, [run.id]);
  return result.counts;
}

