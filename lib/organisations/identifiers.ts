/**
 * Checksums of Russian state registration numbers: ОГРН (13 digits, legal entities), ОГРНИП (15 digits,
 * sole traders) and ИНН (10 digits for organisations, 12 for people). All 626 ОГРН of the real Moscow open-data
 * set pass the checksum, so the school import treats a failed checksum as an error.
 */

const ONLY_DIGITS = /^\d+$/;

/** The remainder of a long digit string divided by `divisor`, without losing precision. */
function digitsModulo(digits: string, divisor: number): number {
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % divisor;
  return remainder;
}

function ogrnControlDigit(body: string): number {
  const divisor = body.length === 12 ? 11 : 13;
  return digitsModulo(body, divisor) % 10;
}

/** ОГРН (13 digits, first 12 mod 11 mod 10) or ОГРНИП (15 digits, first 14 mod 13 mod 10). */
export function isValidOgrn(value: string): boolean {
  if (!ONLY_DIGITS.test(value) || (value.length !== 13 && value.length !== 15)) return false;
  return ogrnControlDigit(value.slice(0, -1)) === Number(value.at(-1));
}

const INN_WEIGHTS_10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function weightedControlDigit(digits: string, weights: readonly number[]): number {
  let sum = 0;
  weights.forEach((weight, index) => {
    sum += weight * Number(digits[index]);
  });
  return (sum % 11) % 10;
}

/** ИНН of an organisation (10 digits) or of a person (12 digits, two control digits). */
export function isValidInn(value: string): boolean {
  if (!ONLY_DIGITS.test(value)) return false;
  if (value.length === 10) return weightedControlDigit(value, INN_WEIGHTS_10) === Number(value[9]);
  if (value.length === 12) {
    return (
      weightedControlDigit(value, INN_WEIGHTS_11) === Number(value[10]) &&
      weightedControlDigit(value, INN_WEIGHTS_12) === Number(value[11])
    );
  }
  return false;
}

/** Appends the control digit: 12 digits → a valid ОГРН, 14 digits → a valid ОГРНИП. For demo data and tests. */
export function makeValidOgrn(body: string): string {
  if (!ONLY_DIGITS.test(body) || (body.length !== 12 && body.length !== 14)) {
    throw new RangeError('makeValidOgrn expects 12 or 14 digits');
  }
  return `${body}${ogrnControlDigit(body)}`;
}

/** Appends the control digit(s): 9 digits → a valid 10-digit ИНН, 10 digits → a valid 12-digit ИНН. */
export function makeValidInn(body: string): string {
  if (!ONLY_DIGITS.test(body) || (body.length !== 9 && body.length !== 10)) {
    throw new RangeError('makeValidInn expects 9 or 10 digits');
  }
  if (body.length === 9) return `${body}${weightedControlDigit(body, INN_WEIGHTS_10)}`;
  const eleven = `${body}${weightedControlDigit(body, INN_WEIGHTS_11)}`;
  return `${eleven}${weightedControlDigit(eleven, INN_WEIGHTS_12)}`;
}

/** Spaces and dashes people type inside numbers («1027 7005 66761») are dropped. */
function compactDigits(value: string): string {
  return value.replace(/[\s\u00a0\u202f-]/g, '');
}

/** A school's ОГРН as stored, or the Russian reason it cannot be one. */
export function parseOgrn(value: string): { ok: true; value: string } | { ok: false; message: string } {
  const compact = compactDigits(value);
  if (!/^\d{13}$/.test(compact)) return { ok: false, message: 'ОГРН должен состоять из 13 цифр' };
  if (!isValidOgrn(compact)) return { ok: false, message: 'ОГРН не проходит проверку контрольной цифры' };
  return { ok: true, value: compact };
}

/**
 * A school's ИНН as stored, or the Russian reason it cannot be one. Spreadsheets drop the leading zero of
 * numeric cells (ИНН of regions 01–09), so a 9- or 11-digit value is accepted when the zero makes it valid.
 */
export function parseInn(value: string): { ok: true; value: string } | { ok: false; message: string } {
  const compact = compactDigits(value);
  if (!ONLY_DIGITS.test(compact)) return { ok: false, message: 'ИНН должен состоять только из цифр' };
  const candidate = compact.length === 9 || compact.length === 11 ? `0${compact}` : compact;
  if (candidate.length !== 10 && candidate.length !== 12) {
    return { ok: false, message: 'ИНН должен состоять из 10 цифр (12 — для физического лица)' };
  }
  if (!isValidInn(candidate)) return { ok: false, message: 'ИНН не проходит проверку контрольных цифр' };
  return { ok: true, value: candidate };
}
