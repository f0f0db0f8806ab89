import { describe, expect, it } from 'vitest';
import { countStatuses, scorecardLink } from './start-page';

describe('start page: indicators summary', () => {
  it('counts every status and the total', () => {
    expect(countStatuses(['achieved', 'behind', 'behind', 'no_data'])).toEqual({ achieved: 1, close: 0, behind: 2, no_data: 1, total: 4 });
    expect(countStatuses([])).toEqual({ achieved: 0, close: 0, behind: 0, no_data: 0, total: 0 });
  });

  it('links open the scorecard filtered the way the count was made', () => {
    expect(scorecardLink({ year: 2022 })).toBe('/indicators?year=2022');
    const municipal = new URL(scorecardLink({ year: 2022, organisation: 'Берёзовский район', status: 'отстаёт' }), 'http://x');
    expect([municipal.pathname, municipal.searchParams.get('organisation'), municipal.searchParams.get('status')]).toEqual(['/indicators', 'Берёзовский район', 'отстаёт']);
    const school = new URL(scorecardLink({ year: 2022, school: 's1', status: 'достигнуто' }), 'http://x');
    expect([school.pathname, school.searchParams.get('org'), school.searchParams.get('year'), school.searchParams.get('status')]).toEqual(['/indicators/years', 's1', '2022', 'достигнуто']);
  });
});
