/**
 * Completeness of a data collection campaign, per asked organisation and in total (DHIS2's reporting rate).
 * Pure: the queries (./queries.ts) feed it the organisation's approval of the period and how many of the asked
 * indicators it has values for. Dates are ISO calendar days (yyyy-mm-dd); a period is due at the end of its due day.
 */
import type { ApprovalState } from '@/db/schema/indicators';
import { todayIso } from '@/lib/roadmaps/deadline';

/** не начато, в работе, представлено, утверждено, возвращено, просрочено */
export const COMPLETENESS_STATUSES = ['not_started', 'in_progress', 'submitted', 'approved', 'returned', 'overdue'] as const;
export type CompletenessStatus = (typeof COMPLETENESS_STATUSES)[number];

export const COMPLETENESS_LABELS: Record<CompletenessStatus, string> = {
  not_started: 'не начато',
  in_progress: 'в работе',
  submitted: 'представлено',
  approved: 'утверждено',
  returned: 'возвращено',
  overdue: 'просрочено',
};

export interface OrganisationFacts {
  /** The organisation's approval of the campaign's period; null when it has never been submitted. */
  approvalState: ApprovalState | null;
  /** When the period was last submitted (kept through approval). */
  submittedAt: Date | string | null;
  /** How many of the asked indicators have a value for the period. */
  valuesEntered: number;
}

export interface Completeness {
  status: CompletenessStatus;
  /** Submitted or approved. */
  submitted: boolean;
  /** Submitted by the end of the due day; null when not submitted. */
  onTime: boolean | null;
  /** Not submitted and the due day has passed (an organisation whose values were returned can be late too). */
  late: boolean;
  /** Whole days past the due day, for a late organisation; 0 otherwise. */
  daysLate: number;
}

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

/**
 * The status of one organisation: утверждено and представлено from its approval; возвращено when the level above
 * returned it; otherwise просрочено after the due day, в работе with at least one value, не начато without. The due
 * day itself is not late.
 */
export function completenessOf(facts: OrganisationFacts, dueDate: string, today: Date | string): Completeness {
  const day = todayIso(today);
  const pastDue = day > dueDate;
  const submitted = facts.approvalState === 'submitted' || facts.approvalState === 'approved';
  if (submitted) {
    const onTime = facts.submittedAt === null ? true : todayIso(facts.submittedAt instanceof Date ? facts.submittedAt : new Date(facts.submittedAt)) <= dueDate;
    return { status: facts.approvalState === 'approved' ? 'approved' : 'submitted', submitted, onTime, late: false, daysLate: 0 };
  }
  const daysLate = pastDue ? daysBetween(dueDate, day) : 0;
  if (facts.approvalState === 'returned') return { status: 'returned', submitted, onTime: null, late: pastDue, daysLate };
  if (pastDue) return { status: 'overdue', submitted, onTime: null, late: true, daysLate };
  return { status: facts.valuesEntered > 0 ? 'in_progress' : 'not_started', submitted, onTime: null, late: false, daysLate: 0 };
}

export interface ReportingRate {
  /** Organisations asked. */
  expected: number;
  /** Submitted or approved. */
  submitted: number;
  /** Of those, submitted by the due day. */
  onTime: number;
  late: number;
  byStatus: Record<CompletenessStatus, number>;
  /** submitted / expected (DHIS2 «reporting rate»); null when nobody is asked. */
  submittedShare: number | null;
  /** onTime / expected (DHIS2 «reporting rate on time»). */
  onTimeShare: number | null;
}

export function reportingRate(rows: readonly Completeness[]): ReportingRate {
  const byStatus = Object.fromEntries(COMPLETENESS_STATUSES.map((s) => [s, 0])) as Record<CompletenessStatus, number>;
  let submitted = 0;
  let onTime = 0;
  let late = 0;
  for (const row of rows) {
    byStatus[row.status] += 1;
    if (row.submitted) submitted += 1;
    if (row.onTime) onTime += 1;
    if (row.late) late += 1;
  }
  const expected = rows.length;
  return {
    expected,
    submitted,
    onTime,
    late,
    byStatus,
    submittedShare: expected === 0 ? null : submitted / expected,
    onTimeShare: expected === 0 ? null : onTime / expected,
  };
}

/** An organisation still owes the campaign its figures: shown on its start page while the campaign is open. */
export function owesFigures(c: Pick<Completeness, 'submitted'>): boolean {
  return !c.submitted;
}

/** E-mail reminders to one organisation are not repeated within this interval, whoever presses the button. */
export const REMINDER_INTERVAL_HOURS = 12;

/** True when an e-mail reminder to the organisation went out (or is going out) less than the interval ago. */
export function remindedRecently(lastAt: Date | null, now: Date, intervalHours = REMINDER_INTERVAL_HOURS): boolean {
  return lastAt !== null && now.getTime() - lastAt.getTime() < intervalHours * 3_600_000;
}

export function campaignPeriodLabel(year: number, quarter: number): string {
  return quarter === 0 ? `${year} год` : `${['', 'I', 'II', 'III', 'IV'][quarter]} квартал ${year} года`;
}

/** The entry screen of an organisation for the campaign's period (a quarter's screen for a quarterly campaign). */
export function entryHref(organisationId: string, year: number, quarter = 0): string {
  return `/indicators/entry?org=${organisationId}&year=${year}${quarter > 0 ? `&quarter=${quarter}` : ''}`;
}
