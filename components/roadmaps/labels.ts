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

/** Longest heading made of an activity's text; longer texts are cut at a word and shown in full below. */
export const SHORT_TITLE_LENGTH = 80;

/**
 * A heading for a long text: the text itself when short, otherwise its first sentence or words up to `max`
 * characters (never cut inside a word) with «…». `cut` tells whether the full text must be shown as well.
 */
export function shortTitle(text: string, max = SHORT_TITLE_LENGTH): { title: string; cut: boolean } {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return { title: clean, cut: false };
  const sentence = /^(.{20,}?[.;:])\s/.exec(clean)?.[1];
  if (sentence && sentence.length <= max) return { title: sentence.replace(/[.;:]$/, '') + '…', cut: true };
  const words = clean.slice(0, max + 1).split(' ');
  const head = words.length > 1 ? words.slice(0, -1).join(' ') : clean.slice(0, max);
  return { title: `${head.replace(/[\s,;:.–—-]+$/, '')}…`, cut: true };
}

/** «Мероприятие 1.2: Семинар для …» — the page heading of an item. */
export function itemHeading(item: { number: string | null; activity: string }): { title: string; cut: boolean } {
  const { title, cut } = shortTitle(item.activity);
  return { title: item.number ? `${item.number} ${title}` : title, cut };
}
