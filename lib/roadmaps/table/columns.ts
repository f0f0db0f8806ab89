/**
 * Columns of an imported road-map table and their recognition by Russian header synonyms (any order, any case,
 * any spacing: «№ п/п», «Мо п/п», «Наименование мероприятия», «Срок исполнения», «Ответственные исполнители»,
 * «Ожидаемый результат», …). The header row is the row among the first few that names the most columns and
 * names the activity. The UI shows the detected mapping and lets the user re-map it by hand.
 */

export const ROADMAP_COLUMNS = ['number', 'activity', 'deadline', 'responsible', 'result', 'document'] as const;

export type RoadmapColumn = (typeof ROADMAP_COLUMNS)[number];

/** Column → 0-based index of the grid column holding it. */
export type ColumnMapping = Partial<Record<RoadmapColumn, number>>;

export const ROADMAP_COLUMN_LABELS: Record<RoadmapColumn, string> = {
  number: '№ п/п',
  activity: 'Мероприятие',
  deadline: 'Сроки',
  responsible: 'Ответственные',
  result: 'Планируемый результат',
  document: 'Документ',
};

/** How far down the header row is looked for (titles and captions may come first). */
const HEADER_SEARCH_ROWS = 15;

const NUMBER_HEADERS = new Set(['№', '№п/п', 'п/п', 'моп/п', 'nп/п', 'no', '№пп', 'пп', 'номер', 'номерп/п', 'n']);

function headerKey(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[\s.:,*]/g, '');
}

/** Which column a header cell names, or null. */
export function recogniseHeader(text: string): RoadmapColumn | null {
  const key = headerKey(text);
  if (key === '') return null;
  if (NUMBER_HEADERS.has(key)) return 'number';
  if (key.includes('документ')) return 'document';
  if (key.includes('мероприят') || key.startsWith('содержание') || key === 'наименованиеработ') return 'activity';
  if (key.startsWith('срок') || key.startsWith('датаисполн') || key.startsWith('периодисполн')) return 'deadline';
  if (key.includes('ответствен') || key.includes('исполнител')) return 'responsible';
  if (key.includes('результат')) return 'result';
  return null;
}

/** The mapping a row would give if it were the header; the first cell naming a column wins. */
export function mappingFromHeaderRow(cells: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  cells.forEach((cell, index) => {
    const column = recogniseHeader(cell);
    if (column !== null && mapping[column] === undefined) mapping[column] = index;
  });
  return mapping;
}

export interface DetectedHeader {
  /** 0-based index of the header row in the grid. */
  rowIndex: number;
  mapping: ColumnMapping;
}

export function detectHeader(grid: readonly (readonly string[])[]): DetectedHeader | null {
  let best: DetectedHeader | null = null;
  let bestScore = 1;
  for (const [rowIndex, cells] of grid.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const mapping = mappingFromHeaderRow(cells);
    const score = Object.keys(mapping).length;
    if (mapping.activity !== undefined && score > bestScore) {
      best = { rowIndex, mapping };
      bestScore = score;
    }
  }
  return best;
}

/** Spreadsheet letter of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}
