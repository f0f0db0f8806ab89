/**
 * «Ответственные» as written → the parties named in it: «МОУО, УМЦ, ОО» → three, «МОЦ СОИРО» → one,
 * «Минобразования НСО, органы местного самоуправления» → two. Commas, semicolons and line breaks separate
 * parties, except inside parentheses («РМС (районный методический совет)» stays one). Multi-word names, initials
 * («Скворцова В.А.») and case are kept; repeated names are dropped.
 */
const SEPARATORS = new Set([',', ';', '\n']);

export function splitResponsible(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')' && depth > 0) depth -= 1;
    if (depth === 0 && SEPARATORS.has(char)) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  const seen = new Set<string>();
  const names: string[] = [];
  for (const part of parts) {
    const name = part.replace(/\s+/g, ' ').replace(/^[\s\-–—•·]+/, '').trim();
    const key = name.toLowerCase();
    if (name !== '' && !seen.has(key)) {
      seen.add(key);
      names.push(name);
    }
  }
  return names;
}
