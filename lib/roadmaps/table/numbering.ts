/**
 * Item numbers as written («1.», «1.1.», «1.10») and the checks made on them within one section: a number seen
 * before is a duplicate (seed 001 has «1.» where 7 is meant), a number not after the previous one is out of
 * order. Both are warnings only: the numbers are kept as written. Numbering may restart in each section.
 */
import type { Issue } from '@/lib/errors';

/** «1.» → «1», «1.1.» → «1.1»: the number without trailing dots and brackets. */
export function bareNumber(number: string): string {
  return number.replace(/[\s.)]+$/, '');
}

/** «1.10» → [1, 10]; null when the number is not dotted digits. */
export function numberParts(number: string): number[] | null {
  const bare = bareNumber(number);
  return /^\d+(\.\d+)*$/.test(bare) ? bare.split('.').map(Number) : null;
}

/** Negative when a comes before b. */
export function compareNumberParts(a: number[], b: number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const difference = (a[index] ?? -1) - (b[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}


/** Remembers the numbers of the current section and words the warnings about them. */
export class SectionNumbering {
  private seen = new Map<string, number>();
  private previous: { parts: number[]; number: string } | null = null;
  private readonly column: string;

  /** `column` is the header of the № column, named in the warnings. */
  constructor(column: string) {
    this.column = column;
  }

  /** Forgets the numbers: a new section starts. */
  restart(): void {
    this.seen = new Map();
    this.previous = null;
  }

  /** The warning for an item number at a source row, if any; remembers the number. */
  check(number: string, row: number): Issue | null {
    const bare = bareNumber(number);
    if (bare === '') return { row, column: this.column, message: 'Не указан номер мероприятия.' };
    const firstRow = this.seen.get(bare);
    const parts = numberParts(number);
    const previous = this.previous;
    if (parts) this.previous = { parts, number };
    if (firstRow !== undefined) {
      return { row, column: this.column, message: `Номер «${number}» повторяется: он уже есть в строке ${firstRow}.` };
    }
    this.seen.set(bare, row);
    if (parts && previous && compareNumberParts(parts, previous.parts) <= 0) {
      return { row, column: this.column, message: `Номер «${number}» идёт не по порядку: после «${previous.number}».` };
    }
    return null;
  }
}
