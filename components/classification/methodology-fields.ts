/**
 * The methodology form: which inputs it has, how a submitted form becomes the `params` object that
 * `parseMethodology` validates, and how its error paths map back to input names. Input names are the zod
 * paths («r1.gapPoints»), so a validation issue lands under its own field.
 */
import { type Methodology, SOCIAL_VARIABLES, SOCIAL_VARIABLE_NAMES, type SocialVariable } from '@/lib/classification/methodology';
import { ruleWithName } from '@/lib/classification/rule-names';
import { EXAM_NAMES, SUBJECTS } from '@/lib/classification/subjects';
import type { Issue } from '@/lib/errors';

export interface NumberField {
  path: string;
  label: string;
  hint?: string;
}

export const NUMBER_GROUPS: { title: string; fields: NumberField[] }[] = [
  {
    title: 'Правила ШНОР',
    fields: [
      { path: 'minParticipants', label: 'Минимальное число участников', hint: 'Результаты с меньшим числом участников не оцениваются' },
      { path: 'r1.gapPoints', label: 'R1: отставание от среднего по муниципалитету, баллов', hint: 'Срабатывает, если отставание больше порога' },
      { path: 'r2.minSharePercent', label: 'R2: доля ниже минимального балла, %', hint: '0 — срабатывает при любом таком участнике' },
      { path: 'r3.twoSharePercent', label: 'R3: доля отметок «2» в ВПР, %' },
      { path: 'r3.minProcedures', label: 'R3: число процедур ВПР за год' },
      { path: 'r4.minContinuationPercent', label: 'R4: доля перешедших в 10 класс не ниже, %' },
      { path: 'r5.minOlympiadPercent', label: 'R5: доля участников олимпиад не ниже, %' },
      { path: 'r5.years', label: 'R5: за сколько лет' },
    ],
  },
  {
    title: 'Веса правил и порог ШНОР',
    fields: [
      { path: 'weights.R1', label: `Вес ${ruleWithName('R1')}` },
      { path: 'weights.R2', label: `Вес ${ruleWithName('R2')}` },
      { path: 'weights.R3', label: `Вес ${ruleWithName('R3')}` },
      { path: 'weights.R4', label: `Вес ${ruleWithName('R4')}` },
      { path: 'weights.R5', label: `Вес ${ruleWithName('R5')}` },
      { path: 'lowResultsThreshold', label: 'Порог суммы весов ШНОР' },
      { path: 'stable.minYears', label: 'Устойчиво низкие: лет в статусе ШНОР' },
      { path: 'stable.windowYears', label: 'Устойчиво низкие: из последних лет с данными' },
    ],
  },
  {
    title: 'ШНСУ: социальный индекс и жёсткие факторы',
    fields: [
      { path: 'social.disadvantagedFraction', label: 'Доля самых неблагополучных школ (0–1)', hint: '0,25 — четверть школ с наибольшим индексом' },
      { path: 'hardFactors.distanceKmOver', label: 'Жёсткий фактор: расстояние до центра более, км' },
      { path: 'hardFactors.vacancySharePercentOver', label: 'Жёсткий фактор: доля вакансий более, %' },
      { path: 'hardFactors.internetMbpsUnder', label: 'Жёсткий фактор: скорость интернета менее, Мбит/с' },
      { path: 'hardFactors.minCount', label: 'Сколько жёстких факторов достаточно для ШНСУ' },
    ],
  },
  {
    title: 'Кластеры, профиль рисков, рейтинг и партнёры',
    fields: [
      { path: 'clusters.count', label: 'Число кластеров' },
      { path: 'clusters.disadvantagedClusters', label: 'Неблагополучных кластеров для резильентных школ' },
      { path: 'risk.zScore', label: 'Профиль рисков: отклонение от среднего по региону, σ' },
      { path: 'risk.facilitiesPoorAtMost', label: 'Профиль рисков: плохое состояние МТБ — оценка не выше (1–5)' },
      { path: 'rating.weights.EGE', label: 'Вес ЕГЭ в рейтинге' },
      { path: 'rating.weights.OGE', label: 'Вес ОГЭ в рейтинге' },
      { path: 'rating.weights.VPR', label: 'Вес ВПР в рейтинге' },
      { path: 'partners.count', label: 'Число предлагаемых школ-партнёров' },
      { path: 'partners.topFraction', label: 'Доля лучших школ для партнёрства (0–1)' },
    ],
  },
];

/** Parameter path → its Russian label, in the form's order (the run export's methodology sheet uses the same). */
export const PARAM_LABELS: ReadonlyMap<string, string> = new Map(NUMBER_GROUPS.flatMap((g) => g.fields.map((f) => [f.path, f.label] as const)));

const NOT_FOR_EGE = new Set(['mathematics', 'surrounding_world']);
const NOT_FOR_OGE = new Set(['mathematics_profile', 'mathematics_base', 'surrounding_world']);

export const JUDGED_OPTIONS = (['EGE', 'OGE'] as const).flatMap((exam) =>
  SUBJECTS.filter((s) => !(exam === 'EGE' ? NOT_FOR_EGE : NOT_FOR_OGE).has(s.code)).map((s) => ({
    name: `judged.${exam}.${s.code}`,
    exam,
    subject: s.code,
    label: `${EXAM_NAMES[exam]}: ${s.name.toLowerCase()}`,
  })),
);

export const SOCIAL_OPTIONS = SOCIAL_VARIABLES.map((variable) => ({ variable, label: SOCIAL_VARIABLE_NAMES[variable] }));

export function valueAt(params: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), params);
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

/** «0,25» → 0.25; empty → undefined (the schema then asks for a number); text → NaN (likewise). */
export function formNumber(raw: unknown): number | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.replace(/[\s\u00a0]/g, '').replace(',', '.').replace('−', '-');
  return text === '' ? undefined : Number(text);
}

const checked = (values: Record<string, unknown>, name: string) => values[name] === 'on';

/** The submitted form as a methodology object, still unvalidated. */
export function paramsFromForm(values: Record<string, unknown>): unknown {
  const params: Record<string, unknown> = {};
  for (const group of NUMBER_GROUPS) for (const field of group.fields) setAt(params, field.path, formNumber(values[field.path]));
  setAt(params, 'r3.consecutiveYears', checked(values, 'r3.consecutiveYears'));
  params.judged = JUDGED_OPTIONS.filter((o) => checked(values, o.name)).map(({ exam, subject }) => ({ exam, subject }));
  setAt(
    params,
    'social.variables',
    SOCIAL_VARIABLES.filter((v) => checked(values, `social.${v}.on`)).map((variable) => ({
      variable,
      sign: values[`social.${variable}.sign`] === '-1' ? -1 : 1,
      weight: formNumber(values[`social.${variable}.weight`]),
    })),
  );
  return params;
}

/** «social.variables.2.weight» → «social.shareOvz.weight», the name of the input the user sees. */
export function issuesForForm(issues: readonly Issue[], params: unknown): Issue[] {
  const variables = (valueAt(params, 'social.variables') ?? []) as { variable: SocialVariable }[];
  return issues.map((issue) => {
    const match = /^social\.variables\.(\d+)\.(\w+)$/.exec(issue.field ?? '');
    const variable = match ? variables[Number(match[1])]?.variable : undefined;
    if (match && variable) return { ...issue, field: `social.${variable}.${match[2]}` };
    if (issue.field?.startsWith('judged')) return { ...issue, field: 'judged' };
    return issue;
  });
}

export function isJudged(params: Methodology, exam: string, subject: string): boolean {
  return params.judged.some((j) => j.exam === exam && j.subject === subject);
}
