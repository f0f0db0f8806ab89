import { describe, expect, it } from 'vitest';
import type { AuditRow } from '@/lib/audit/queries';
import { changeLine, collapseImports, entityOf, eventSentence, importSentence, showValue, shownChanges } from './present';

const SECTION = '6f1c1a52-0000-4000-8000-000000000001';
const OTHER_SECTION = '6f1c1a52-0000-4000-8000-000000000002';

function row(over: Partial<AuditRow>): AuditRow {
  return {
    id: 1,
    at: new Date('2026-03-01T10:00:00Z'),
    actorName: 'Кузнецова О. Н.',
    action: 'update',
    entityType: 'roadmap_item',
    entityId: '6f1c1a52-0000-4000-8000-0000000000aa',
    changes: [],
    names: {},
    importSource: null,
    roadmapId: '6f1c1a52-0000-4000-8000-0000000000bb',
    ...over,
  };
}

describe('readable history', () => {
  it('never shows internal keys, and drops fields without a Russian name', () => {
    const changes = ['id', 'importKey', 'roadmapId', 'version', 'createdAt', 'somethingNew'].map((field) => ({ field, before: null, after: 'x' }));
    expect(shownChanges(row({ changes }))).toEqual([]);
  });

  it('names referenced records with their links, and formats dates as dd.mm.yyyy', () => {
    const names = { [SECTION]: { name: '1. Методическая работа', href: '/roadmaps/m' }, [OTHER_SECTION]: { name: '2. Кадры', href: '/roadmaps/m' } };
    const shown = shownChanges(
      row({
        names,
        changes: [
          { field: 'sectionId', before: SECTION, after: OTHER_SECTION },
          { field: 'periodEnd', before: '2026-03-31', after: '2026-04-30' },
          { field: 'status', before: 'planned', after: 'done' },
          { field: 'deletedAt', before: null, after: '2026-03-02T08:00:00.000Z' },
        ],
      }),
    );
    expect(shown.map((c) => `${c.label}: ${c.before.text} → ${c.after.text}`)).toEqual([
      'Раздел: 1. Методическая работа → 2. Кадры',
      'Окончание периода: 31.03.2026 → 30.04.2026',
      'Статус: запланировано → выполнено',
      'Удалено: — → 02.03.2026',
    ]);
    expect(shown[0]!.after.href).toBe('/roadmaps/m');
    expect(showValue('sectionId', SECTION).text).toBe('запись удалена');
  });

  it('reads a sign-in as the facts it records, and a change as before → after', () => {
    const login = row({ action: 'login', entityType: 'user', changes: [{ field: 'login', before: null, after: 'admin@opora.demo' }] });
    const [shown] = shownChanges(login);
    expect(shown).toBeDefined();
    expect(changeLine(login, shown!)).toBe(`${shown!.label}: admin@opora.demo`);
    const update = row({ changes: [{ field: 'activity', before: 'Семинар', after: 'Семинар для завучей' }] });
    expect(changeLine(update, shownChanges(update)[0]!)).toMatch(/: Семинар → Семинар для завучей$/);
  });

  it('words an import as one sentence', () => {
    expect(importSentence({ source: 'план.xlsx', count: 14 })).toBe('импортировано из таблицы „план.xlsx“, 14 мероприятий');
    expect(importSentence({ source: null, count: 1 })).toBe('импортировано из вставленной таблицы, 1 мероприятие');
    expect(eventSentence(row({ action: 'import', importSource: { source: 'план.xlsx', count: 3 } }))).toBe('импортировано из таблицы „план.xlsx“, 3 мероприятия');
    expect(eventSentence(row({ action: 'update' }))).toBe('изменение');
  });

  it('folds the per-item entries of an import into its summary, and other bulk imports into one counted event', () => {
    const at = new Date('2026-03-01T10:00:00Z');
    const roadmapId = '6f1c1a52-0000-4000-8000-0000000000bb';
    const summary = row({ id: 10, action: 'import', entityType: 'roadmap', entityId: roadmapId, at, changes: [{ field: 'source', before: null, after: 'план.xlsx' }, { field: 'items', before: null, after: 2 }] });
    const items = [11, 12].map((id) => row({ id, action: 'import', at, roadmapId }));
    const orgs = [13, 14, 15].map((id) => row({ id, action: 'import', entityType: 'organisation', at, roadmapId: null }));
    const events = collapseImports([summary, ...items, ...orgs]);
    expect(events.map((e) => [e.id, e.count])).toEqual([[10, 1], [13, 3]]);
    expect(eventSentence(events[0]!)).toBe('импортировано из таблицы „план.xlsx“, 2 мероприятия');
    expect(eventSentence(events[1]!)).toBe('импортировано из таблицы, 3 записи');
    expect(entityOf(row({ entityType: 'roadmap', entityId: roadmapId }))).toEqual({ kind: 'Дорожная карта', name: 'запись удалена', href: null });
  });
});
