import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summariseProgress, type ProgressItem } from './progress';
import { ITEM_STATUSES, ITEM_STATUS_LABELS } from './status';

describe('summariseProgress', () => {
  it('counts statuses, the done share and overdue items', () => {
    const items: ProgressItem[] = [
      { status: 'done', overdue: false },
      { status: 'done', overdue: false },
      { status: 'in_progress', overdue: true },
      { status: 'planned', overdue: true },
      { status: 'planned', overdue: false },
      { status: 'cancelled', overdue: false },
    ];
    expect(summariseProgress(items)).toEqual({
      total: 6,
      done: 2,
      doneShare: 0.4,
      doneShareLabel: '40\u00A0%',
      overdue: 2,
      byStatus: { planned: 2, in_progress: 1, done: 2, cancelled: 1 },
    });
  });

  it('formats the share the Russian way', () => {
    const items = (done: number, planned: number): ProgressItem[] => [
      ...Array.from({ length: done }, () => ({ status: 'done' as const, overdue: false })),
      ...Array.from({ length: planned }, () => ({ status: 'planned' as const, overdue: false })),
    ];
    expect(summariseProgress(items(7, 10)).doneShareLabel).toBe('41,2\u00A0%');
    expect(summariseProgress([{ status: 'done', overdue: false }]).doneShareLabel).toBe('100\u00A0%');
  });

  it('gives 0 for an empty or fully cancelled list', () => {
    expect(summariseProgress([]).doneShare).toBe(0);
    expect(summariseProgress([{ status: 'cancelled', overdue: false }]).doneShare).toBe(0);
  });

  it('keeps its counts consistent for any list', () => {
    const item = fc.record({ status: fc.constantFrom(...ITEM_STATUSES), overdue: fc.boolean() });
    fc.assert(
      fc.property(fc.array(item), (items) => {
        const summary = summariseProgress(items);
        const sum = Object.values(summary.byStatus).reduce((a, b) => a + b, 0);
        expect(sum).toBe(summary.total);
        expect(summary.total).toBe(items.length);
        expect(summary.doneShare).toBeGreaterThanOrEqual(0);
        expect(summary.doneShare).toBeLessThanOrEqual(1);
        expect(summary.overdue).toBe(items.filter((candidate) => candidate.overdue).length);
      }),
    );
  });
});

describe('item statuses', () => {
  it('have Russian labels', () => {
    expect(ITEM_STATUSES.map((status) => ITEM_STATUS_LABELS[status])).toEqual([
      'запланировано',
      'в работе',
      'выполнено',
      'отменено',
    ]);
  });
});
