import { describe, expect, it } from 'vitest';
import { AppError, type Issue } from '@/lib/errors';
import { DEFAULT_METHODOLOGY, parseMethodology, type Methodology } from '@/lib/classification/methodology';
import { isJudged, issuesForForm, JUDGED_OPTIONS, NUMBER_GROUPS, paramsFromForm, SOCIAL_OPTIONS, valueAt } from './methodology-fields';

/** What the browser submits for a methodology, field by field, as MethodologyForm renders it. */
function submitted(params: Methodology): Record<string, string> {
  const values: Record<string, string> = {};
  for (const group of NUMBER_GROUPS) for (const f of group.fields) values[f.path] = String(valueAt(params, f.path)).replace('.', ',');
  if (params.r3.consecutiveYears) values['r3.consecutiveYears'] = 'on';
  for (const o of JUDGED_OPTIONS) if (isJudged(params, o.exam, o.subject)) values[o.name] = 'on';
  for (const { variable } of SOCIAL_OPTIONS) {
    const stored = params.social.variables.find((v) => v.variable === variable);
    if (stored) values[`social.${variable}.on`] = 'on';
    values[`social.${variable}.weight`] = String(stored?.weight ?? 1).replace('.', ',');
    values[`social.${variable}.sign`] = String(stored?.sign ?? 1);
  }
  return values;
}

function issuesOf(values: Record<string, string>): Issue[] {
  const params = paramsFromForm(values);
  try {
    parseMethodology(params);
  } catch (error) {
    if (error instanceof AppError) return issuesForForm(error.issues, params);
    throw error;
  }
  return [];
}

describe('methodology form', () => {
  it('gives back exactly the methodology it was filled with', () => {
    expect(parseMethodology(paramsFromForm(submitted(DEFAULT_METHODOLOGY)))).toEqual(DEFAULT_METHODOLOGY);
  });

  it('covers every numeric parameter of the methodology schema', () => {
    const paths = new Set(NUMBER_GROUPS.flatMap((g) => g.fields.map((f) => f.path)));
    const numeric: string[] = [];
    const walk = (node: unknown, prefix: string) => {
      if (typeof node === 'number') numeric.push(prefix);
      else if (node && typeof node === 'object' && !Array.isArray(node)) for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
    };
    walk(DEFAULT_METHODOLOGY, '');
    expect(numeric.filter((p) => !paths.has(p))).toEqual([]);
  });

  it('reads Russian decimals and a changed threshold', () => {
    const values = { ...submitted(DEFAULT_METHODOLOGY), 'r1.gapPoints': '15,5', 'social.disadvantagedFraction': '0,3' };
    const parsed = parseMethodology(paramsFromForm(values));
    expect(parsed.r1.gapPoints).toBe(15.5);
    expect(parsed.social.disadvantagedFraction).toBe(0.3);
  });

  it('puts each error under the input the user sees', () => {
    const values = {
      ...submitted(DEFAULT_METHODOLOGY),
      'r1.gapPoints': 'двадцать',
      'clusters.count': '',
      'social.shareOvz.weight': '0',
    };
    const issues = issuesOf(values);
    expect(issues.find((i) => i.field === 'r1.gapPoints')?.message).toBe('Поле «R1: отставание от среднего по муниципалитету, баллов»: укажите число.');
    expect(issues.find((i) => i.field === 'clusters.count')?.message).toBe('Поле «число кластеров»: укажите число.');
    expect(issues.find((i) => i.field === 'social.shareOvz.weight')?.message).toBe('Поле «вес переменной индекса»: вес должен быть больше 0.');
  });

  it('reports an empty choice of judged subjects on the group', () => {
    const values = Object.fromEntries(Object.entries(submitted(DEFAULT_METHODOLOGY)).filter(([k]) => !k.startsWith('judged.')));
    expect(issuesOf(values)).toEqual([{ field: 'judged', message: 'Поле «оцениваемые экзамены и предметы»: выберите хотя бы один предмет.' }]);
  });

  it('leaves out social variables that are not ticked and keeps the chosen direction', () => {
    const values = submitted(DEFAULT_METHODOLOGY);
    delete values['social.rural.on'];
    values['social.internetMbps.sign'] = '1';
    const parsed = parseMethodology(paramsFromForm(values));
    expect(parsed.social.variables.some((v) => v.variable === 'rural')).toBe(false);
    expect(parsed.social.variables.find((v) => v.variable === 'internetMbps')?.sign).toBe(1);
  });
});
