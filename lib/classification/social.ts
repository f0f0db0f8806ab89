/**
 * Social conditions of schools (seed 002 «Исследование социальных условий функционирования школ» and
 * «кластеризация»): a social index, ШНСУ and social clusters.
 *
 * - Each index variable is standardised over all schools of the region that have it in the year (z-score with
 *   the population standard deviation; a variable that does not vary contributes 0), multiplied by its sign so
 *   that higher always means more disadvantaged, and averaged with the methodology's weights.
 * - A school with fewer than half of the variables gets no index («недостаточно данных»).
 * - Clusters split the schools that have an index into `count` groups by quantiles of the index: cluster 1 is
 *   the most advantaged, cluster `count` the most disadvantaged. Equal indices always share a cluster; ties
 *   at a boundary go to the more disadvantaged side, as in the disadvantaged quarter.
 */
import { contextOf, type Dataset } from './dataset';
import { atLeast, fmt, fmt2, fmtPercent, greaterThan } from './format';
import { SOCIAL_VARIABLE_NAMES, type SocialVariable } from './methodology';
import { say } from './rules';
import type { Decision, SchoolContext } from './types';

export interface SocialContribution {
  variable: SocialVariable;
  name: string;
  value: number;
  /** Standardised value times the sign: positive means more disadvantaged than the regional mean. */
  z: number;
  weight: number;
}

export type HardFactorId = 'distance' | 'vacancies' | 'internet';

export interface HardFactor {
  factor: HardFactorId;
  /** null when the school has no data for it; such a factor does not count. */
  applies: boolean | null;
  value: number | null;
  threshold: number;
  sentence: string;
}

export interface SocialAssessment {
  index: number | null;
  variablesUsed: number;
  variablesTotal: number;
  contributions: SocialContribution[];
  hardFactors: HardFactor[];
  inDisadvantagedQuarter: boolean | null;
  shnsu: Decision;
  shnsuReasons: string[];
  cluster: number | null;
}

export interface SocialSummary {
  /** Index at or above which a school is in the most disadvantaged quarter; null when no school has an index. */
  disadvantagedCut: number | null;
  /** Lower bounds of clusters 2 … count: a school is in the highest cluster whose bound its index reaches. */
  clusterCuts: number[];
  schoolsWithIndex: number;
}

function numeric(ctx: SchoolContext | undefined, variable: SocialVariable): number | null {
  const raw = ctx?.[variable];
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'boolean') return raw ? 1 : 0;
  return Number.isFinite(raw) ? raw : null;
}

function hardFactors(ctx: SchoolContext | undefined, dataset: Dataset, explain: boolean): HardFactor[] {
  const h = dataset.methodology.hardFactors;
  const distance = ctx?.distanceKm ?? null;
  const vacancies = ctx?.teacherVacancyShare ?? null;
  const internet = ctx?.internetMbps ?? null;
  return [
    {
      factor: 'distance',
      applies: distance === null ? null : greaterThan(distance, h.distanceKmOver),
      value: distance,
      threshold: h.distanceKmOver,
      sentence: say(explain, () => (distance === null ? 'Нет данных о расстоянии до муниципального центра.' : `Расстояние до муниципального центра — ${fmt(distance)} км (жёсткий фактор — более ${fmt(h.distanceKmOver)} км).`)),
    },
    {
      factor: 'vacancies',
      applies: vacancies === null ? null : greaterThan(vacancies, h.vacancySharePercentOver),
      value: vacancies,
      threshold: h.vacancySharePercentOver,
      sentence: say(explain, () => (vacancies === null ? 'Нет данных о вакансиях учителей.' : `Доля вакансий учителей — ${fmtPercent(vacancies)} (жёсткий фактор — более ${fmtPercent(h.vacancySharePercentOver)}).`)),
    },
    {
      factor: 'internet',
      applies: internet === null ? null : greaterThan(h.internetMbpsUnder, internet),
      value: internet,
      threshold: h.internetMbpsUnder,
      sentence: say(explain, () => (internet === null ? 'Нет данных о скорости интернета.' : `Скорость интернета — ${fmt2(internet)} Мбит/с (жёсткий фактор — менее ${fmt(h.internetMbpsUnder)} Мбит/с).`)),
    },
  ];
}

/** Mean and population standard deviation of each variable over the region's schools, in school-id order. */
function variableStats(dataset: Dataset, contexts: readonly (SchoolContext | undefined)[]): Map<SocialVariable, { mean: number; sd: number }> {
  const stats = new Map<SocialVariable, { mean: number; sd: number }>();
  for (const { variable } of dataset.methodology.social.variables) {
    let n = 0;
    let sum = 0;
    let sumSq = 0;
    for (const ctx of contexts) {
      const v = numeric(ctx, variable);
      if (v === null) continue;
      n += 1;
      sum += v;
      sumSq += v * v;
    }
    if (n === 0) continue;
    const mean = sum / n;
    stats.set(variable, { mean, sd: Math.sqrt(Math.max(0, sumSq / n - mean * mean)) });
  }
  return stats;
}

/** Value of the sorted array at the given quantile position (1-based rank ceil(q·n)). */
function quantileCut(sortedAscending: readonly number[], rank: number): number {
  return sortedAscending[Math.min(sortedAscending.length, Math.max(1, rank)) - 1]!;
}

type Stats = Map<SocialVariable, { mean: number; sd: number }>;

/** The index of one school and the contributions of its variables. */
function indexOf(dataset: Dataset, stats: Stats, ctx: SchoolContext | undefined): { index: number | null; contributions: SocialContribution[] } {
  const { social } = dataset.methodology;
  const contributions: SocialContribution[] = [];
  let weighted = 0;
  let weights = 0;
  for (const { variable, sign, weight } of social.variables) {
    const value = numeric(ctx, variable);
    const stat = stats.get(variable);
    if (value === null || !stat) continue;
    const z = stat.sd > 1e-12 ? (sign * (value - stat.mean)) / stat.sd : 0;
    contributions.push({ variable, name: SOCIAL_VARIABLE_NAMES[variable], value, z, weight });
    weighted += weight * z;
    weights += weight;
  }
  const enough = contributions.length * 2 >= social.variables.length;
  return { index: enough && weights > 0 ? weighted / weights : null, contributions };
}

/**
 * The region-wide part of the social assessment of a year — variable statistics, the disadvantaged cut and the
 * cluster cuts — and the assessment of any one school against it (`assess`), computed when it is asked for.
 */
export interface SocialModel {
  summary: SocialSummary;
  assess(schoolId: string, explain: boolean): SocialAssessment;
}

export function socialModel(dataset: Dataset, year: number): SocialModel {
  const { social, hardFactors: hard, clusters } = dataset.methodology;
  const contexts = dataset.schools.map((school) => contextOf(dataset, school.id, year));
  const stats = variableStats(dataset, contexts);
  const indices: number[] = [];
  for (const ctx of contexts) {
    const { index } = indexOf(dataset, stats, ctx);
    if (index !== null) indices.push(index);
  }
  indices.sort((a, b) => a - b);
  const n = indices.length;
  const disadvantagedCut = n > 0 ? quantileCut(indices, n - Math.ceil(social.disadvantagedFraction * n) + 1) : null;
  const clusterCuts = n > 0 ? Array.from({ length: clusters.count - 1 }, (_, k) => quantileCut(indices, Math.ceil(((k + 1) * n) / clusters.count) + 1)) : [];

  function assess(schoolId: string, explained: boolean): SocialAssessment {
    const ctx = contextOf(dataset, schoolId, year);
    const { index, contributions } = indexOf(dataset, stats, ctx);
    const factors = hardFactors(ctx, dataset, explained);
    const applying = factors.filter((f) => f.applies === true);
    const reasons: string[] = [];
    let inDisadvantagedQuarter: boolean | null = null;
    let cluster: number | null = null;
    if (index !== null && disadvantagedCut !== null) {
      inDisadvantagedQuarter = atLeast(index, disadvantagedCut);
      cluster = 1 + clusterCuts.filter((cut) => atLeast(index, cut)).length;
      if (inDisadvantagedQuarter && explained) {
        reasons.push(`Социальный индекс ${fmt2(index)} — среди ${fmtPercent(social.disadvantagedFraction * 100)} самых неблагополучных школ региона (от ${fmt2(disadvantagedCut)}).`);
      }
    }
    if (applying.length >= hard.minCount && explained) {
      reasons.push(`Выполняются жёсткие факторы (${applying.length} из ${factors.length}, нужно не менее ${hard.minCount}): ${applying.map((f) => f.sentence).join(' ')}`);
    }
    if (explained && reasons.length === 0 && index !== null && disadvantagedCut !== null) {
      reasons.push(`Социальный индекс ${fmt2(index)} ниже границы самых неблагополучных школ (${fmt2(disadvantagedCut)}); жёстких факторов — ${applying.length} (нужно не менее ${hard.minCount}).`);
    }
    const shnsu: Decision = inDisadvantagedQuarter || applying.length >= hard.minCount ? 'yes' : index === null ? 'insufficient_data' : 'no';
    if (shnsu === 'insufficient_data' && explained) {
      reasons.push(`Недостаточно данных для социального индекса: ${contributions.length} из ${social.variables.length} переменных (нужно не меньше половины).`);
    }
    return {
      index,
      variablesUsed: contributions.length,
      variablesTotal: social.variables.length,
      contributions,
      hardFactors: factors,
      inDisadvantagedQuarter,
      shnsu,
      shnsuReasons: reasons,
      cluster,
    };
  }

  return { summary: { disadvantagedCut, clusterCuts, schoolsWithIndex: n }, assess };
}
