import { ROADMAP_LEVEL_LABELS, ROADMAP_STATUS_LABELS } from '@/lib/roadmaps/schemas';
import { ITEM_STATUS_LABELS } from '@/lib/roadmaps/status';
import { EXPECTED_DOCUMENT_LABELS } from '@/lib/roadmaps/table/document';
import { DEADLINE_KIND_LABELS } from '@/lib/roadmaps/deadline';
import type { ValueLabels } from '@/components/history/present';

/** Russian names of road-map and item fields in the audit history. */
export const ROADMAP_FIELD_LABELS: Record<string, string> = {
  title: 'Название',
  level: 'Уровень',
  ownerOrganisationId: 'Организация-владелец',
  periodStartYear: 'Начало периода',
  periodEndYear: 'Окончание периода',
  approvalDocument: 'Утверждающий документ',
  status: 'Статус',
  number: '№',
  activity: 'Мероприятие',
  sectionId: 'Раздел',
  position: 'Порядок',
  deadlineText: 'Сроки',
  deadlineKind: 'Вид срока',
  periodStart: 'Начало периода',
  periodEnd: 'Окончание периода',
  recurringYearly: 'Ежегодно',
  canBeOverdue: 'Может быть просрочено',
  periodOverridden: 'Период задан вручную',
  responsibleText: 'Ответственные',
  plannedResult: 'Планируемый результат',
  expectedDocument: 'Ожидаемый документ',
  deletedAt: 'Удалено',
};

export const ROADMAP_VALUE_LABELS: ValueLabels = {
  level: ROADMAP_LEVEL_LABELS,
  status: { ...ROADMAP_STATUS_LABELS, ...ITEM_STATUS_LABELS },
  expectedDocument: EXPECTED_DOCUMENT_LABELS,
  deadlineKind: DEADLINE_KIND_LABELS,
};
