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
