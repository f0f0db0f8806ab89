import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChangesSinceApproval } from './ChangesSinceApproval';

const SECTION_A = '11111111-1111-4111-8111-111111111111';
const SECTION_B = '22222222-2222-4222-8222-222222222222';
const ITEM = '33333333-3333-4333-8333-333333333333';

describe('changes since approval', () => {
  it('reads like the history: Russian labels, dd.mm.yyyy dates, section names instead of ids, internal fields left out', () => {
    const since = {
      approvedAt: new Date('2026-02-01T10:00:00Z'),
      changes: [
        {
          at: new Date('2026-02-03T10:00:00Z'),
          actorName: 'Иванова И. И.',
          action: 'update',
          entityType: 'roadmap_item',
          entityId: ITEM,
          subject: 'Семинар',
          changes: [
            { field: 'periodEnd', before: '2026-03-31', after: '2026-04-30' },
            { field: 'sectionId', before: SECTION_A, after: SECTION_B },
            { field: 'importKey', before: 'abc', after: 'def' },
            { field: 'status', before: 'planned', after: 'done' },
          ],
        },
      ],
    };
    const names = { [SECTION_A]: { name: '1. Кадры', href: null }, [SECTION_B]: { name: '2. Методика', href: null } };
    const html = renderToStaticMarkup(<ChangesSinceApproval since={since} entityLabel={() => null} names={names} />);
    expect(html).toContain('Окончание периода: 31.03.2026 → 30.04.2026');
    expect(html).toContain('Раздел: 1. Кадры → 2. Методика');
    expect(html).toContain('Статус: запланировано → выполнено');
    const text = html.replace(/dateTime="[^"]*"/g, '');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).not.toContain(SECTION_A);
    expect(text).not.toContain('importKey');
  });
});
