/**
 * Identity of an imported item, for idempotent re-import: the same section title, number and activity give the
 * same key however the text was spaced, cased or quoted («1.» = «1», «ё» = «е», «“”» = ««»»). The key is a
 * readable string; hash it (e.g. sha256) before putting it in a length-limited database index.
 */
function normaliseForKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»“”„"']/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.]+$/, '');
}

export function itemKey(sectionTitle: string | null, item: { number: string; activity: string }): string {
  return [sectionTitle ?? '', item.number, item.activity].map(normaliseForKey).join('|');
}
