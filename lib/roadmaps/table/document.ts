/**
 * The kind of document an item is expected to produce, guessed from its planned result («Приказ», «Положение
 * (проект)», «Аналитический отчет», «План совместных мероприятий», …). The earliest mention in the text wins
 * («План реализации программы» is a plan). A result that names some other document (перечень, инструкция,
 * договор, график, протокол…) is `other`; a result that is not a document («Повышение качества образования»)
 * gives null.
 */
export const EXPECTED_DOCUMENTS = [
  'order',
  'regulation',
  'plan',
  'report',
  'recommendations',
  'program',
  'other',
] as const;

export type ExpectedDocument = (typeof EXPECTED_DOCUMENTS)[number];

export const EXPECTED_DOCUMENT_LABELS: Record<ExpectedDocument, string> = {
  order: 'Приказ',
  regulation: 'Положение',
  plan: 'План',
  report: 'Отчёт, справка',
  recommendations: 'Рекомендации',
  program: 'Программа',
  other: 'Другой документ',
};

const PATTERNS: Array<[Exclude<ExpectedDocument, 'other'>, RegExp]> = [
  ['order', /приказ/],
  ['regulation', /положени[еяй]/],
  ['plan', /(^|[^а-я])план(ы|а|ов|ом|е)?([^а-я]|$)/],
  ['report', /отчет|справк|аналитическ/],
  ['recommendations', /рекомендаци/],
  ['program', /программ/],
];

const OTHER_DOCUMENT_RE =
  /перечен|инструкци|договор|график|протокол|регламент|соглашени|постановлени|распоряжени|памятк|сборник|методичк/;

export function guessExpectedDocument(resultText: string): ExpectedDocument | null {
  const text = resultText.toLowerCase().replace(/ё/g, 'е');
  let best: { kind: ExpectedDocument; index: number } | null = null;
  for (const [kind, pattern] of PATTERNS) {
    const index = text.search(pattern);
    if (index >= 0 && (best === null || index < best.index)) best = { kind, index };
  }
  if (best) return best.kind;
  return OTHER_DOCUMENT_RE.test(text) ? 'other' : null;
}
