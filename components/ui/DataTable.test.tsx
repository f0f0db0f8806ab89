import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable } from './DataTable';

const rows = [
  { title: 'Карта А', status: 'на согласовании' },
  { title: 'Карта Б', status: 'утверждена' },
];
const columns = [
  { key: 'title', header: 'Название' },
  { key: 'status', header: 'Статус' },
];
const filters = [{ key: 'status', label: 'Статус', options: ['на согласовании', 'утверждена'].map((v) => ({ value: v, label: v })) }];

describe('DataTable opened with filters from a link', () => {
  it('starts filtered, with the filter shown as chosen', () => {
    const html = renderToStaticMarkup(<DataTable caption="Карты" rows={rows} columns={columns} filters={filters} initialFilters={{ status: 'на согласовании' }} />);
    expect(html).toContain('Карта А');
    expect(html).not.toContain('Карта Б');
    expect(html).toMatch(/<option value="на согласовании" selected="">/);
  });

  it('ignores a value that is not one of the filter options, and unknown filters', () => {
    const html = renderToStaticMarkup(<DataTable caption="Карты" rows={rows} columns={columns} filters={filters} initialFilters={{ status: 'нет такого', other: 'x' }} />);
    expect(html).toContain('Карта А');
    expect(html).toContain('Карта Б');
  });
});

describe('DataTable grouped by a column', () => {
  const items = [
    { section: 'Раздел 2', name: 'Пункт Б' },
    { section: 'Раздел 2', name: 'Пункт А' },
    { section: 'Раздел 1', name: 'Пункт В' },
    { section: 'Раздел 2', name: 'Пункт Г' },
  ];
  const html = renderToStaticMarkup(<DataTable caption="Пункты" rows={items} columns={[{ key: 'name', header: 'Пункт' }]} groupBy="section" />);

  it('heads each group once, keeps the groups in the given order and gathers a group’s rows under it', () => {
    const headings = [...html.matchAll(/<th scope="rowgroup"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(headings).toEqual(['Раздел 2', 'Раздел 1']);
    const order = ['Пункт Б', 'Пункт А', 'Пункт Г', 'Раздел 1', 'Пункт В'].map((text) => html.indexOf(text));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
  });

  it('does not repeat the group column in the rows', () => {
    expect(html).not.toMatch(/<th[^>]*scope="col"[^>]*>(?:(?!<\/th>).)*section/);
    expect(html.match(/Раздел 2/g)).toHaveLength(1);
  });
});
