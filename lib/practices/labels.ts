/** Russian names of the practice bank's stored values. Pure, shared by pages, exports and the history. */
import type { CostBand, EvidenceLevel, PracticeDecisionKind, PracticeStatus } from '@/db/schema/practices';

export const STATUS_LABELS: Record<PracticeStatus, string> = {
  draft: 'черновик',
  submitted: 'подана на экспертизу',
  under_review: 'на экспертизе',
  accepted: 'принята к публикации',
  returned: 'возвращена на доработку',
  rejected: 'отклонена',
  published: 'опубликована',
  archived: 'в архиве',
};

export const COST_BAND_LABELS: Record<CostBand, string> = {
  none: 'без затрат',
  low: 'небольшие',
  moderate: 'умеренные',
  significant: 'значительные',
};

/** The evidence scale, weakest first (like the EEF Toolkit's padlocks or the WWC tiers). */
export const EVIDENCE_LABELS: Record<EvidenceLevel, string> = {
  experience: 'описание опыта',
  before_after: 'есть данные до и после',
  comparison: 'сравнение с похожими школами',
  replicated: 'повторено в других школах',
};

export const EVIDENCE_RANK: Record<EvidenceLevel, number> = { experience: 1, before_after: 2, comparison: 3, replicated: 4 };

export const DECISION_LABELS: Record<PracticeDecisionKind, string> = {
  submit: 'подана на экспертизу',
  assign: 'назначен эксперт',
  accept: 'принята к публикации',
  return: 'возвращена на доработку',
  reject: 'отклонена',
  publish: 'опубликована',
  archive: 'перенесена в архив',
  revise: 'начата новая версия',
};

export const SETTLEMENT_NAMES: Record<'urban' | 'rural', string> = { urban: 'городская', rural: 'сельская' };
