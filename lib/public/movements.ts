/** How many schools were in the support programme each year, and how many entered and left it. Pure. */
import type { Category } from '@/lib/classification/classify';

export interface ListMovement {
  year: number;
  inProgramme: number;
  entered: number;
  left: number;
}

const PROGRAMME = new Set<Category>(['low_results', 'both', 'unfavourable']);

/** Per year (newest published run of each school and year): schools in the programme, how many entered and left. */
export function listMovements(history: readonly { schoolId: string; year: number; category: Category }[]): ListMovement[] {
  const years = [...new Set(history.map((h) => h.year))].sort((a, b) => a - b);
  const inYear = (y: number) => new Set(history.filter((h) => h.year === y && PROGRAMME.has(h.category)).map((h) => h.schoolId));
  return years.map((year, i) => {
    const now = inYear(year);
    const before = i > 0 ? inYear(years[i - 1]!) : null;
    return {
      year,
      inProgramme: now.size,
      entered: before ? [...now].filter((s) => !before.has(s)).length : now.size,
      left: before ? [...before].filter((s) => !now.has(s)).length : 0,
    };
  });
}

