/** Parsers of single cell values of a school directory file. Each returns null when the text is not valid. */
import type { SchoolKind, Settlement } from './fields';

/** Collapses runs of whitespace (including non-breaking spaces and line breaks) into one space. */
export function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A comparison key for names: case, «ё» and spacing do not make a different municipality. */
export function nameKey(name: string): string {
  return normaliseText(name).toLocaleLowerCase('ru-RU').replaceAll('ё', 'е');
}

/** «12,5», «1 234», «1 234,5», «12.5» → number. */
export function parseRussianNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(compact)) return null;
  return Number(compact);
}

const URBAN = ['город', 'городская', 'городской', 'городская местность', 'г', 'г.', 'пгт', 'пгт.', 'urban', 'city', 'town'];
const RURAL = [
  'село', 'сельская', 'сельский', 'сельская местность', 'с', 'с.', 'д', 'д.', 'деревня', 'п', 'п.', 'пос.',
  'поселок', 'посёлок', 'rural', 'village',
];

export function parseSettlement(text: string): Settlement | null {
  const key = nameKey(text);
  if (URBAN.includes(key)) return 'urban';
  if (RURAL.map(nameKey).includes(key)) return 'rural';
  return null;
}

/** Colleges by name, or by the legal form of vocational education (ГБПОУ, «…среднего профессионального образования»). */
const COLLEGE_NAME =
  /колледж|техникум|училищ|профессиональн\S* образовательн\S* (учреждени|организаци)|среднего профессионального образования/i;

export function detectKind(fullName: string): SchoolKind {
  return COLLEGE_NAME.test(fullName) ? 'college' : 'school';
}

const KINDS: Record<string, SchoolKind> = {
  школа: 'school', общеобразовательная: 'school', оо: 'school', school: 'school',
  колледж: 'college', техникум: 'college', училище: 'college', спо: 'college', college: 'college',
  другое: 'other', иное: 'other', другая: 'other', other: 'other',
};

export function parseKind(text: string): SchoolKind | null {
  return KINDS[nameKey(text)] ?? null;
}

/**
 * The name in guillemets: «ГБОУ города Москвы «Школа № 426»» → «Школа № 426», keeping nested ones
 * («Лицей № 1793 «Жулебино»»). Official names often lose a closing guillemet; it is restored. Without
 * guillemets, the full name itself.
 */
export function deriveShortName(fullName: string): string {
  const start = fullName.indexOf('«');
  if (start < 0) return normaliseText(fullName);
  let depth = 0;
  for (let index = start; index < fullName.length; index += 1) {
    if (fullName[index] === '«') depth += 1;
    if (fullName[index] === '»') depth -= 1;
    if (depth === 0) return normaliseText(fullName.slice(start + 1, index)) || normaliseText(fullName);
  }
  const end = fullName.lastIndexOf('»');
  if (end < start) return normaliseText(fullName.slice(start + 1)) || normaliseText(fullName);
  const inner = fullName.slice(start + 1, end);
  const unclosed = (inner.match(/«/g)?.length ?? 0) - (inner.match(/»/g)?.length ?? 0);
  return normaliseText(inner + '»'.repeat(Math.max(0, unclosed)));
}
