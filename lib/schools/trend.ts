/**
 * The trend of a school's category over the years in words: «ШНОР три года подряд (2024–2026)», «ШНОР в 2024 и
 * 2025 годах, в 2026 году — не относится к ШНОР и ШНСУ». Pure; the years come one per run (the newest of each).
 */
import { CATEGORY_NAMES, type Category } from '@/lib/classification/classify';

export interface YearCategory {
  year: number;
  category: Category;
}

const COUNT_WORDS = ['', 'один год', 'два года', 'три года', 'четыре года', 'пять лет', 'шесть лет', 'семь лет', 'восемь лет', 'девять лет', 'десять лет'];

function categoryWords(category: Category): string {
  const name = CATEGORY_NAMES[category];
  return category === 'none' || category === 'insufficient_data' ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

function yearsWords(years: number[]): string {
  if (years.length === 1) return `в ${years[0]} году`;
  const consecutive = years.every((y, i) => i === 0 || y === years[i - 1]! + 1);
  if (consecutive) return `в ${years[0]}–${years.at(-1)} годах`;
  return `в ${years.slice(0, -1).join(', ')} и ${years.at(-1)} годах`;
}

/** Runs of equal categories, oldest first, as one sentence. Empty history gives null. */
export function categoryTrend(history: readonly YearCategory[]): string | null {
  if (history.length === 0) return null;
  const ordered = [...history].sort((a, b) => a.year - b.year);
  const groups: { category: Category; years: number[] }[] = [];
  for (const { year, category } of ordered) {
    const last = groups.at(-1);
    if (last && last.category === category) last.years.push(year);
    else groups.push({ category, years: [year] });
  }
  if (groups.length === 1) {
    const [{ category, years }] = groups as [(typeof groups)[number]];
    if (years.length === 1) return `${capitalise(categoryWords(category))} ${yearsWords(years)}; других лет в расчётах нет.`;
    const count = COUNT_WORDS[years.length] ?? `${years.length} лет`;
    return `${capitalise(categoryWords(category))} ${count} ${years.at(-1)! - years[0]! + 1 === years.length ? 'подряд' : 'из расчётов'} (${years[0]}–${years.at(-1)}).`;
  }
  return capitalise(groups.map((g) => `${yearsWords(g.years)} — ${categoryWords(g.category)}`).join(', ')) + '.';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
