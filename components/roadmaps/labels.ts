/**
 * «I. Организационные мероприятия»: a section's number (with a dot unless it has one) and title; a title that
 * already begins with its number («1 этап – подготовительный») is not numbered twice.
 */
export function sectionTitle(section: { number?: string | null; title: string | null }): string {
  const title = section.title ?? 'Без раздела';
  if (!section.number || title.startsWith(section.number.replace(/[.)]$/, ''))) return title;
  const number = /[.)]$/.test(section.number) ? section.number : `${section.number}.`;
  return `${number} ${title}`;
}

/** «1.2 Семинар для заместителей директоров». */
export function itemLabel(item: { number: string | null; activity: string }): string {
  return item.number ? `${item.number} ${item.activity}` : item.activity;
}
