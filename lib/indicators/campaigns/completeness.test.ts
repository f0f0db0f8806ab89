import { describe, expect, it } from 'vitest';
import { completenessOf, daysBetween, owesFigures, remindedRecently, reportingRate } from './completeness';
import { createCampaignSchema } from './schemas';
import { parseInput } from '@/lib/validation';

const due = '2026-03-31';
const none = { approvalState: null, submittedAt: null, valuesEntered: 0 } as const;

describe('completeness of an organisation', () => {
  it('on the due day itself nothing is late; the next day it is', () => {
    expect(completenessOf(none, due, '2026-03-31')).toMatchObject({ status: 'not_started', late: false, daysLate: 0 });
    expect(completenessOf(none, due, '2026-04-01')).toMatchObject({ status: 'overdue', late: true, daysLate: 1 });
    expect(completenessOf({ ...none, valuesEntered: 2 }, due, '2026-03-31')).toMatchObject({ status: 'in_progress', late: false });
    expect(completenessOf({ ...none, valuesEntered: 2 }, due, '2026-04-10')).toMatchObject({ status: 'overdue', late: true, daysLate: 10 });
  });

  it('an open (unlocked) period counts as not submitted', () => {
    expect(completenessOf({ approvalState: 'open', submittedAt: null, valuesEntered: 3 }, due, '2026-03-01').status).toBe('in_progress');
  });

  it('submitted on the due day is on time; the day after is submitted but late', () => {
    const onDay = completenessOf({ approvalState: 'submitted', submittedAt: new Date(2026, 2, 31, 23, 30), valuesEntered: 1 }, due, '2026-04-05');
    expect(onDay).toMatchObject({ status: 'submitted', submitted: true, onTime: true, late: false });
    const after = completenessOf({ approvalState: 'submitted', submittedAt: new Date(2026, 3, 1, 0, 10), valuesEntered: 1 }, due, '2026-04-05');
    expect(after).toMatchObject({ status: 'submitted', submitted: true, onTime: false, late: false });
  });

  it('approved keeps whether it was submitted on time', () => {
    expect(completenessOf({ approvalState: 'approved', submittedAt: new Date(2026, 2, 1), valuesEntered: 1 }, due, '2026-05-01')).toMatchObject({ status: 'approved', onTime: true });
    expect(completenessOf({ approvalState: 'approved', submittedAt: new Date(2026, 3, 2), valuesEntered: 1 }, due, '2026-05-01')).toMatchObject({ status: 'approved', onTime: false });
  });

  it('returned is not submitted: before the due day not late, after it late', () => {
    const before = completenessOf({ approvalState: 'returned', submittedAt: new Date(2026, 2, 10), valuesEntered: 1 }, due, '2026-03-20');
    expect(before).toMatchObject({ status: 'returned', submitted: false, late: false, onTime: null });
    expect(owesFigures(before)).toBe(true);
    const after = completenessOf({ approvalState: 'returned', submittedAt: new Date(2026, 2, 10), valuesEntered: 1 }, due, '2026-04-03');
    expect(after).toMatchObject({ status: 'returned', late: true, daysLate: 3 });
  });

  it('days between ISO dates cross months and years', () => {
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});

describe('reporting rate', () => {
  it('is the share submitted and the share submitted on time of those asked', () => {
    const rows = [
      completenessOf({ approvalState: 'approved', submittedAt: new Date(2026, 2, 1), valuesEntered: 1 }, due, '2026-04-02'),
      completenessOf({ approvalState: 'submitted', submittedAt: new Date(2026, 3, 1, 12), valuesEntered: 1 }, due, '2026-04-02'),
      completenessOf({ approvalState: 'returned', submittedAt: new Date(2026, 2, 1), valuesEntered: 1 }, due, '2026-04-02'),
      completenessOf(none, due, '2026-04-02'),
    ];
    const rate = reportingRate(rows);
    expect(rate).toMatchObject({ expected: 4, submitted: 2, onTime: 1, late: 2, submittedShare: 0.5, onTimeShare: 0.25 });
    expect(rate.byStatus).toMatchObject({ approved: 1, submitted: 1, returned: 1, overdue: 1, not_started: 0 });
    expect(reportingRate([])).toMatchObject({ expected: 0, submittedShare: null, onTimeShare: null });
  });
});

describe('reminder interval', () => {
  it('holds back a second reminder within the interval only', () => {
    const now = new Date('2026-04-02T12:00:00Z');
    expect(remindedRecently(null, now)).toBe(false);
    expect(remindedRecently(new Date('2026-04-02T01:00:00Z'), now, 12)).toBe(true);
    expect(remindedRecently(new Date('2026-04-02T00:00:00Z'), now, 12)).toBe(false);
  });
});

describe('campaign form', () => {
  it('names the field of each mistake in Russian', () => {
    const error = (() => {
      try {
        parseInput(createCampaignSchema, { title: ' ', year: '1999', dueDate: '31.02.2026', indicatorIds: '' });
      } catch (e) {
        return e as { issues: { field?: string; message: string }[] };
      }
      throw new Error('parsed');
    })();
    const byField = Object.fromEntries(error.issues.map((i) => [i.field, i.message]));
    expect(byField.title).toBe('Название: обязательное поле');
    expect(byField.year).toBe('Год: не раньше 2000');
    expect(byField.dueDate).toBe('Срок представления: дата в виде дд.мм.гггг');
    expect(byField.indicatorIds).toBe('Показатели: выберите хотя бы один');
  });

  it('takes a typed dd.mm.yyyy date and one or many indicator ids', () => {
    const id = '7f9c2a52-3b0e-4d6e-9a51-1c2f3e4d5a6b';
    const parsed = parseInput(createCampaignSchema, { title: 'Сбор', year: '2026', dueDate: '01.04.2026', indicatorIds: id });
    expect(parsed).toMatchObject({ dueDate: '2026-04-01', indicatorIds: [id], organisationIds: [], quarter: 0, status: 'open' });
  });
});
