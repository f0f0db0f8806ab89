/**
 * A figure reads the same whoever looks: the precision of a number column is the measure's own, not inferred from
 * the rows the viewer may see (a school team sees one row of the municipal rating, «55» where others read «55,0»).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable, type ColumnSpec, type Row } from '@/components/ui/DataTable';
import { classify } from '@/lib/classification/classify';
import { demoContexts, demoResults, demoSchools, DEMO_YEAR } from '@/lib/classification/fixtures/demo-district';
import { DEFAULT_METHODOLOGY } from '@/lib/classification/methodology';
import { overviewOf } from '@/lib/classification/overview';
import { municipalRatingView, RATING_COLUMNS } from './rating-table';
import { RESULT_COLUMNS, resultColumns, resultRows } from './results-table';

const run = classify({ year: DEMO_YEAR, schools: demoSchools, results: demoResults, contexts: demoContexts, methodology: DEFAULT_METHODOLOGY });
const municipalityId = demoSchools[0]!.municipalityId;

/** The text of each body row of the rendered table. */
function rowTexts(columns: ColumnSpec[], rows: Row[]): string[] {
  const html = renderToStaticMarkup(<DataTable caption="Таблица" columns={columns} rows={rows} pageSize={1000} />);
  const body = html.slice(html.indexOf('<tbody'));
  return [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|'));
}

describe('number precision does not depend on the viewer', () => {
  it('shows a school’s rating row the same to a school team (its row only) as to the municipality (all rows)', () => {
    const all = municipalRatingView('run', run.schools, municipalityId).rows;
    expect(all.length).toBeGreaterThan(1);
    // A row whose figures are whole numbers is where inferred precision went wrong; every row must read alike.
    const whole = all.findIndex((r) => ['EGE', 'OGE', 'VPR', 'score'].some((k) => typeof r[k] === 'number' && Number.isInteger(r[k])));
    expect(whole).toBeGreaterThanOrEqual(0);
    const everyone = rowTexts(RATING_COLUMNS, all);
    all.forEach((row, i) => expect(rowTexts(RATING_COLUMNS, [row])).toEqual([everyone[i]]));
  });

  it('shows a school’s results row the same alone as among all schools', () => {
    const names = new Map([[municipalityId, 'Район']]);
    const all = resultRows('run', run.schools.map(overviewOf), names);
    const everyone = rowTexts(RESULT_COLUMNS, all);
    all.forEach((row, i) => expect(rowTexts(RESULT_COLUMNS, [row])).toEqual([everyone[i]]));
  });

  it('gives the weight sum the precision of the methodology’s weights, not of the rows shown', () => {
    const score = (weights: Record<string, number>) => resultColumns(weights).find((c) => c.key === 'score')!.fractionDigits;
    expect(score(DEFAULT_METHODOLOGY.weights)).toBe(0);
    expect(score({ ...DEFAULT_METHODOLOGY.weights, R5: 0.5 })).toBe(1);
    expect(score({ ...DEFAULT_METHODOLOGY.weights, R4: 0.25 })).toBe(2);
    // A viewer who sees only a school with a whole sum still reads it with the methodology's one decimal.
    const columns = resultColumns({ ...DEFAULT_METHODOLOGY.weights, R5: 0.5 });
    const row = resultRows('run', run.schools.map(overviewOf), new Map()).find((r) => Number.isInteger(r.score))!;
    expect(rowTexts(columns, [row])[0]).toContain(`|${String(row.score)},0|`);
  });
});


describe('a number column mixing measures', () => {
  it('shows each row in its own unit’s precision, alone or among others (indicator values: a count whole, a share in tenths)', () => {
    const columns: ColumnSpec[] = [{ key: 'value', header: 'Значение', kind: 'number', digitsKey: 'digits' }];
    const rows: Row[] = [
      { value: 12, digits: 0 },
      { value: 55, digits: 1 },
      { value: 48.5, digits: 1 },
    ];
    expect(rowTexts(columns, rows)).toEqual(['|Значение|12|', '|Значение|55,0|', '|Значение|48,5|']);
    rows.forEach((row, i) => expect(rowTexts(columns, [row])).toEqual([rowTexts(columns, rows)[i]]));
  });
});
