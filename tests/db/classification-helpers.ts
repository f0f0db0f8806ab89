/** Test data for the classification database tests: schools with valid ОГРН and CSV files built from rows. */
import { randomUUID } from 'node:crypto';
import { organisations, type Organisation } from '@/db/schema';
import { getDb } from '@/lib/db/client';
import { makeValidOgrn } from '@/lib/organisations/identifiers';

let counter = 0;

export function validOgrn(): string {
  counter += 1;
  return makeValidOgrn(`1${String(Date.now() % 1e7).padStart(7, '0')}${String(counter).padStart(4, '0')}`);
}

export async function addSchools(municipality: Organisation, count: number, label = randomUUID().slice(0, 6)): Promise<Organisation[]> {
  const rows = Array.from({ length: count }, (_, i) => ({
    kind: 'school' as const, name: `Школа ${i + 1} ${label}`, shortName: `Школа ${i + 1} ${label}`, ogrn: validOgrn(),
    parentId: municipality.id, regionId: municipality.regionId, municipalityId: municipality.id,
  }));
  return getDb().insert(organisations).values(rows).returning();
}

export function csvFile(lines: (string | number)[][], filename = 'data.csv') {
  const text = lines.map((l) => l.join(';')).join('\n');
  return { bytes: new TextEncoder().encode(text), filename, mimeType: 'text/csv' };
}

export const RESULT_HEADER = ['ОГРН', 'Год', 'Экзамен', 'Предмет', 'Класс', 'Участников', 'Средний балл', 'Ниже минимума'];
export const CONTEXT_HEADER = ['ОГРН', 'Год', 'Обучающихся', 'Перешли в 10 класс', 'Участники олимпиад', 'Малообеспеченные', 'Вакансии учителей', 'Интернет', 'Расстояние до центра'];

/** Plausible results for 2024–2026: school i gets a mean that falls with i; the last one is far behind. */
export function resultLines(schools: Organisation[]): (string | number)[][] {
  const lines: (string | number)[][] = [RESULT_HEADER];
  for (const year of [2024, 2025, 2026]) {
    schools.forEach((s, i) => {
      const weak = i === schools.length - 1;
      lines.push([s.ogrn!, year, 'ЕГЭ', 'Русский язык', '', 20, weak ? '40,5' : 75 - i, weak ? 3 : 0]);
      lines.push([s.ogrn!, year, 'ЕГЭ', 'Математика П', '', 20, weak ? '30' : 70 - i, weak ? 4 : 0]);
      lines.push([s.ogrn!, year, 'ВПР', 'математика', 5, 30, '', weak ? 12 : 2]);
    });
  }
  return lines;
}

export function contextLines(schools: Organisation[]): (string | number)[][] {
  const lines: (string | number)[][] = [CONTEXT_HEADER];
  for (const year of [2024, 2025, 2026]) {
    schools.forEach((s, i) => lines.push([s.ogrn!, year, 400 - i * 30, 90 - i * 5, 10 - i, 10 + i * 6, i, 100 - i * 15, 2 + i * 8]));
  }
  return lines;
}
