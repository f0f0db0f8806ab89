import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { classify, CATEGORY_NAMES } from '@/lib/classification/classify';
import { demoContexts, demoResults, demoSchools, DEMO_YEAR } from '@/lib/classification/fixtures/demo-district';
import { DEFAULT_METHODOLOGY } from '@/lib/classification/methodology';
import { overviewOf } from '@/lib/classification/overview';
import { Packer, unpack } from '@/lib/classification/packing';
import type { SchoolOverview } from '@/lib/classification/overview';
import { formatNumber } from '@/lib/format/ru';
import { DECISION_NAMES } from './labels';
import { StoredOverview } from './StoredOverview';

const run = classify({ year: DEMO_YEAR, schools: demoSchools, results: demoResults, contexts: demoContexts, methodology: DEFAULT_METHODOLOGY }, { explain: false });

/** An overview as a compact run stores and reads it back: packed JSON, then unpacked. */
function stored(overview: SchoolOverview): SchoolOverview {
  const packer = new Packer();
  const text = packer.packJson(overview);
  return unpack(JSON.parse(text), packer.table()) as SchoolOverview;
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the card of a compact run whose inputs changed (the stored overview only)', () => {
  const school = run.schools.find((s) => s.category === 'both' && s.rules[0]!.status === 'fired')!;
  const overview = stored(overviewOf(school));
  const html = renderToStaticMarkup(<StoredOverview overview={overview} weights={DEFAULT_METHODOLOGY.weights} clusterCount={DEFAULT_METHODOLOGY.clusters.count} />);
  const page = text(html);

  it('shows the category and both decisions', () => {
    expect(page).toContain(CATEGORY_NAMES.both);
    expect(html).toContain(`data-testid="shnor-decision">${DECISION_NAMES.yes}<`);
    expect(html).toContain(`data-testid="shnsu-decision">${DECISION_NAMES.yes}<`);
  });

  it('shows each rule with its stored value, reference, threshold and year in Russian number format', () => {
    const r1 = overview.rules[0]!;
    expect(page).toContain(`Значение школы ${formatNumber(r1.value!)}`);
    expect(page).toContain(`Эталон ${formatNumber(r1.reference!)}`);
    expect(page).toContain(`Порог ${formatNumber(r1.threshold!)} баллов`);
    expect(page).toContain(`Год ${r1.year}`);
    for (const rule of ['R1', 'R2', 'R3', 'R4', 'R5']) expect(page).toContain(rule);
  });

  it('shows the weight sum, the social index and the cluster', () => {
    expect(page).toContain(`${formatNumber(overview.lowResults.score)} при пороге ${formatNumber(overview.lowResults.threshold)}`);
    expect(page).toContain(`Социальный индекс ${formatNumber(overview.social.index!, 2)}`);
    expect(page).toContain(`Кластер ${overview.cluster} из ${DEFAULT_METHODOLOGY.clusters.count}`);
  });

  it('has no sentences to show: no explanation row, no source', () => {
    expect(page).not.toContain('Пояснение');
    expect(page).toContain('Источник —');
  });
});
