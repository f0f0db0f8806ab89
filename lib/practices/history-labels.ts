/** Russian names of the practice fields and values for the history panel and the audit browser. Pure. */
import { COST_BAND_LABELS, EVIDENCE_LABELS, STATUS_LABELS } from './labels';

export const PRACTICE_FIELD_LABELS: Record<string, string> = {
  title: 'Название',
  summary: 'Краткое описание',
  problem: 'Проблема',
  riskFactors: 'Факторы риска',
  grades: 'Классы',
  subjects: 'Предметы',
  body: 'Что было сделано',
  resources: 'Ресурсы',
  costBand: 'Затраты',
  claimedResults: 'Результаты по оценке авторов',
  tags: 'Метки',
  startedOn: 'Дата начала',
  evidenceLevel: 'Уровень доказанности',
  evidenceReason: 'Обоснование уровня доказанности',
  status: 'Статус',
  authors: 'Авторы',
  decision: 'Решение',
  decisionComment: 'Комментарий к решению',
  expertReview: 'Экспертиза',
  scores: 'Оценки',
  adoption: 'Внедрение',
  attachments: 'Приложенные файлы',
};

export const PRACTICE_VALUE_LABELS: Record<string, Record<string, string>> = {
  status: STATUS_LABELS,
  costBand: COST_BAND_LABELS,
  evidenceLevel: EVIDENCE_LABELS,
};
