/**
 * Small readers of table cells: cleaning them, recognising section headings («I Организационно-управленческие
 * мероприятия», «1 этап – подготовительный…», «3 этап обобщающий…»), splitting a leading Roman/Arabic numbering
 * off a section title, and joining continuation fragments.
 */

/** Trimmed cell text: non-breaking spaces and runs of spaces become one space; line breaks are kept. */
export function cleanCell(value: string | undefined): string {
  return (value ?? '')
    .replace(/\r/g, '')
    .replace(/[ \t\u00A0\u2007\u202F]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Text that starts with a lower-case letter continues the text above it (a Word table broken across pages). */
export function startsLowerCase(text: string): boolean {
  return /^[«"(]?\p{Ll}/u.test(text);
}

const STAGE_HEADING_RE = /^((\d+|[IVXLC]+)\s*[.)]?\s*)?(этап|раздел|блок)(\s|$|[.:\-–—])/iu;

export function looksLikeStageHeading(text: string): boolean {
  return STAGE_HEADING_RE.test(text);
}

const LEADING_NUMBERING_RE = /^(\d+(?:\.\d+)*|[IVXLC]+)(?:\s*([.)])\s*|\s+)(\S[\s\S]*)$/u;

/**
 * «I Организационно-управленческие мероприятия» → I + «Организационно-управленческие мероприятия»;
 * «II. Материально-техническое обеспечение» → II + the rest; «1 этап – подготовительный» → 1 + the whole text
 * (the number is part of the phrase when a lower-case word follows it).
 */
export function splitSectionNumbering(text: string): { number?: string; title: string } {
  const match = LEADING_NUMBERING_RE.exec(text);
  if (!match) return { title: text };
  const [, number = '', punctuation, rest = ''] = match;
  if (punctuation !== undefined || !startsLowerCase(rest)) return { number, title: rest };
  return { number, title: text };
}

/** A row such as «1 2 3 4 5» under the header: each cell holds its own column number. */
export function isColumnNumbersRow(cells: readonly string[]): boolean {
  const filled = cells.map((cell, index) => [cell, index] as const).filter(([cell]) => cell !== '');
  return filled.length >= 2 && filled.every(([cell, index]) => cell.replace(/\.$/, '') === String(index + 1));
}

/** Joins a continuation fragment to the text above: a new line after a finished sentence, else a space. */
export function joinContinuation(above: string, fragment: string): string {
  if (above === '') return fragment;
  if (fragment === '') return above;
  return /[.;:!?]$/.test(above) ? `${above}\n${fragment}` : `${above} ${fragment}`;
}
