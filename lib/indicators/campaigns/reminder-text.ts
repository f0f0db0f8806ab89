/** The words of an e-mail reminder to a late organisation. Pure: no mailer, no database. */
import { formatDate, plural } from '@/lib/format/ru';
import { campaignPeriodLabel, entryHref } from './completeness';

const DAYS = ['день', 'дня', 'дней'] as const;

export interface ReminderFacts {
  campaignTitle: string;
  year: number;
  quarter: number;
  dueDate: string;
  askingName: string;
  organisationId: string;
  organisationName: string;
  recipientName: string;
  daysLate: number;
  indicators: readonly { code: string; name: string }[];
  /** The portal's public address, without a trailing slash. */
  baseUrl: string;
}

const SHOWN_INDICATORS = 20;

export function reminderSubject(f: Pick<ReminderFacts, 'year' | 'quarter' | 'dueDate' | 'campaignTitle'>): string {
  return `Напоминание: значения показателей за ${campaignPeriodLabel(f.year, f.quarter)} ждали до ${formatDate(f.dueDate)} — «${f.campaignTitle}»`;
}

export function reminderText(f: ReminderFacts): string {
  const late = f.daysLate > 0 ? ` Срок прошёл ${f.daysLate} ${plural(f.daysLate, DAYS)} назад.` : '';
  const list = f.indicators.slice(0, SHOWN_INDICATORS).map((i) => `  ${i.code}. ${i.name}`);
  if (f.indicators.length > SHOWN_INDICATORS) list.push(`  … и ещё ${f.indicators.length - SHOWN_INDICATORS}`);
  return [
    `Здравствуйте${f.recipientName ? `, ${f.recipientName}` : ''}!`,
    '',
    `${f.askingName} ждёт от организации «${f.organisationName}» значения показателей за ${campaignPeriodLabel(f.year, f.quarter)} (кампания сбора «${f.campaignTitle}»). Срок представления — ${formatDate(f.dueDate)}.${late}`,
    '',
    'Запрошенные показатели:',
    ...list,
    '',
    `Ввести и представить значения: ${f.baseUrl}${entryHref(f.organisationId, f.year, f.quarter)}`,
    '',
    'Письмо отправлено порталом «Опора»; отвечать на него не нужно.',
  ].join('\n');
}
