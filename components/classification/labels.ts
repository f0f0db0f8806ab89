/** Russian words and colours of the classification pages (no logic: the engine writes the sentences). */
import { CATEGORY_NAMES, type Category } from '@/lib/classification/classify';
import type { MethodologyStatus } from '@/lib/classification/server/types';
import { EXAM_NAMES, subjectInfo } from '@/lib/classification/subjects';
import type { Decision, ExamCode, RuleStatus, SubjectCode } from '@/lib/classification/types';

export const METHODOLOGY_STATUS_NAMES: Record<MethodologyStatus, string> = { draft: 'черновик', active: 'действующая', archived: 'в архиве' };

export const CATEGORIES = Object.keys(CATEGORY_NAMES) as Category[];

export { RULE_IDS, RULE_NAMES, RULE_SHORT_NAMES } from '@/lib/classification/rule-names';

export const RULE_STATUS_NAMES: Record<RuleStatus, string> = {
  fired: 'Сработало',
  not_fired: 'Не сработало',
  insufficient_data: 'Недостаточно данных',
};

export const DECISION_NAMES: Record<Decision, string> = { yes: 'Да', no: 'Нет', insufficient_data: 'Недостаточно данных' };

/** Badge colours, all with AA contrast; keyed by the Russian text the tables show. */
export const CATEGORY_BADGES: Record<string, string> = {
  [CATEGORY_NAMES.low_results]: 'bg-red-100 text-red-900',
  [CATEGORY_NAMES.unfavourable]: 'bg-amber-100 text-amber-900',
  [CATEGORY_NAMES.both]: 'bg-purple-100 text-purple-900',
  [CATEGORY_NAMES.resilient]: 'bg-green-100 text-green-900',
  [CATEGORY_NAMES.none]: 'bg-slate-100 text-slate-800',
  [CATEGORY_NAMES.insufficient_data]: 'bg-slate-200 text-slate-900',
};

export const RULE_STATUS_BADGES: Record<RuleStatus, string> = {
  fired: 'bg-red-100 text-red-900',
  not_fired: 'bg-green-100 text-green-900',
  insufficient_data: 'bg-slate-200 text-slate-900',
};

/** Cluster colours: distinct hues, each at least 4.5:1 against white. Cluster 1 is the most advantaged. */
export const CLUSTER_COLOURS = ['#1d4ed8', '#047857', '#a16207', '#b91c1c', '#7e22ce', '#0e7490', '#be185d', '#4d7c0f', '#334155', '#9a3412'];

export function clusterColour(cluster: number): string {
  return CLUSTER_COLOURS[(cluster - 1) % CLUSTER_COLOURS.length]!;
}

export function examSubjectName(exam: ExamCode | undefined, subject: SubjectCode | undefined, grade?: number | null): string {
  const parts = [exam ? EXAM_NAMES[exam] : null, subject ? subjectInfo(subject).name.toLowerCase() : null, grade ? `${grade} класс` : null];
  return parts.filter(Boolean).join(', ') || '—';
}

export function shortDigest(digest: string): string {
  return digest.slice(0, 12);
}
