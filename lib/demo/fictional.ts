/**
 * The demo region is fictional (Заречная область), but its road maps are imported from real documents (the seeds)
 * that name real districts, regions, institutes and people. Every demo text passes through `fictionalise`, which
 * replaces each real name of the seeds by its fictional counterpart, grammatical endings kept («Межевского
 * муниципального района» → «Берёзовского муниципального района», «Смоленской области» → «Заречной области»).
 */

/** Real names that occur in the seeds, as the test that scans the seeded demo for them spells them. */
export const SEED_REAL_NAMES = [
  'Межевск', 'Смоленск', 'Новосибирск', 'Искитим', 'НСО', 'СОИРО',
  'Скворцова', 'Медведкин', 'Лаврентьева', 'Лагода', 'Гундарев', 'Ляхова',
] as const;

/** [pattern, replacement]: stems keep the ending that follows them; abbreviations and surnames are whole words. */
const REPLACEMENTS: readonly [RegExp, string][] = [
  [/Межевск/g, 'Берёзовск'],
  [/межевск/g, 'берёзовск'],
  [/Смоленск(?=[а-яё])/g, 'Заречн'],
  [/Новосибирск(?=[а-яё])/g, 'Заречн'],
  [/Искитимск/g, 'Кедровск'],
  [/(?<![А-ЯЁа-яё])НСО(?![А-ЯЁа-яё])/g, 'ЗО'],
  [/(?<![А-ЯЁа-яё])СОИРО(?![А-ЯЁа-яё])/g, 'ЗОИРО'],
  [/Скворцова В\.А\.?/g, 'Ершова В.А.'],
  [/Медведкин П\.Л\./g, 'Журавлёв П.Л.'],
  [/Лаврентьева С\.А\./g, 'Лебедева С.А.'],
  [/Лагода М\.И\./g, 'Ларина М.И.'],
  [/Гундарев А\.Б\./g, 'Гусев А.Б.'],
  [/Ляхова Л\.Н\./g, 'Лукина Л.Н.'],
];

export function fictionalise(text: string): string {
  return REPLACEMENTS.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), text);
}

/** The real names of the seeds still present in a text (empty when it is fictional throughout). */
export function realNamesIn(text: string): string[] {
  return SEED_REAL_NAMES.filter((name) => new RegExp(`(?<![А-ЯЁа-яё])${name}`).test(text));
}
