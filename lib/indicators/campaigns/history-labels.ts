/** Russian names of the fields campaign audit entries carry (write-core.ts writes names and words, not ids). */
export const CAMPAIGN_FIELD_LABELS: Record<string, string> = {
  period: 'Период',
  dueDate: 'Срок представления',
  askingOrganisation: 'Запрашивает',
  indicators: 'Показатели',
  organisations: 'Организации',
  event: 'Событие',
  recipients: 'Адресатов',
};
