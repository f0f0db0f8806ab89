import Link from 'next/link';
import { ITEM_STATUS_LABELS, type ItemStatus } from '@/lib/roadmaps/status';
import { itemLabel } from './labels';
import { barGeometry, timelineMonths, todayPercent } from './timeline';

export interface TimelineItem {
  id: string;
  number: string | null;
  activity: string;
  href: string;
  deadlineText: string;
  start: string | null;
  end: string | null;
  status: ItemStatus;
  overdue: boolean;
}

export interface TimelineSection {
  title: string;
  items: TimelineItem[];
}

/** Overdue is red AND striped, so it does not rely on colour alone (WCAG 1.4.1). */
const OVERDUE_STYLE = {
  backgroundImage: 'repeating-linear-gradient(135deg, #991b1b 0 6px, #fecaca 6px 10px)',
  border: '2px solid #7f1d1d',
};
const STATUS_CLASSES: Record<ItemStatus, string> = {
  planned: 'bg-slate-500',
  in_progress: 'bg-blue-700',
  done: 'bg-green-700',
  cancelled: 'bg-white border-2 border-dashed border-slate-500',
};

function Bar({ item, startYear, endYear }: { item: TimelineItem; startYear: number; endYear: number }) {
  const geometry = item.start && item.end ? barGeometry(startYear, endYear, item.start, item.end) : null;
  const state = item.overdue ? 'просрочено' : ITEM_STATUS_LABELS[item.status];
  if (!geometry) return <span className="text-xs text-slate-700">вне периода дорожной карты · {state}</span>;
  return (
    <span
      className={`absolute top-1 bottom-1 rounded ${item.overdue ? '' : STATUS_CLASSES[item.status]}`}
      style={{ left: `${geometry.leftPercent}%`, width: `${geometry.widthPercent}%`, ...(item.overdue ? OVERDUE_STYLE : {}) }}
      title={`${item.deadlineText || 'срок не указан'} · ${state}`}
    >
      <span className="sr-only">
        Срок: {item.deadlineText || 'не указан'}; {state}
      </span>
    </span>
  );
}

function MonthScale({ startYear, endYear }: { startYear: number; endYear: number }) {
  const months = timelineMonths(startYear, endYear);
  return (
    <div aria-hidden="true" className="grid grid-cols-[minmax(10rem,18rem)_1fr] text-xs text-slate-700">
      <span />
      <div>
        <div className="flex">
          {Array.from({ length: endYear - startYear + 1 }, (_, index) => (
            <span key={index} className="flex-1 border-l border-slate-400 pl-1 font-semibold">
              {startYear + index}
            </span>
          ))}
        </div>
        <div className="flex">
          {months.map((month) => (
            <span key={`${month.year}-${month.month}`} className="flex-1 overflow-hidden border-l border-slate-200 pl-0.5">
              {month.label}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}

function Legend() {
  const entries: { label: string; className?: string; style?: React.CSSProperties }[] = [
    { label: 'запланировано', className: STATUS_CLASSES.planned },
    { label: 'в работе', className: STATUS_CLASSES.in_progress },
    { label: 'выполнено', className: STATUS_CLASSES.done },
    { label: 'отменено', className: STATUS_CLASSES.cancelled },
    { label: 'просрочено (красная штриховка)', style: OVERDUE_STYLE },
  ];
  return (
    <ul className="flex flex-wrap gap-4 text-sm" aria-label="Условные обозначения">
      {entries.map((entry) => (
        <li key={entry.label} className="flex items-center gap-2">
          <span aria-hidden="true" className={`inline-block h-3 w-8 rounded ${entry.className ?? ''}`} style={entry.style} />
          {entry.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * Months across the road map's period, one bar per item from its normalised period. Server-rendered HTML and
 * CSS only. Items without a period are listed apart below the chart.
 */
export function Timeline({ sections, startYear, endYear, today }: { sections: TimelineSection[]; startYear: number; endYear: number; today: string }) {
  const todayAt = todayPercent(startYear, endYear, today);
  const undated = sections.flatMap((section) => section.items.filter((item) => !item.start || !item.end));
  return (
    <div className="space-y-4">
      <Legend />
      <div className="overflow-x-auto rounded border border-slate-200 bg-white p-3">
        <div className="min-w-[48rem] space-y-4">
          <MonthScale startYear={startYear} endYear={endYear} />
          {sections.map((section, index) => {
            const dated = section.items.filter((item) => item.start && item.end);
            if (dated.length === 0) return null;
            return (
              <section key={index} aria-label={section.title}>
                <h3 className="mb-1 text-sm font-semibold">{section.title}</h3>
                <ul className="space-y-1">
                  {dated.map((item) => (
                    <li key={item.id} className="grid grid-cols-[minmax(10rem,18rem)_1fr] items-center gap-2 text-sm">
                      <Link href={item.href} className="line-clamp-2 pr-2">
                        {itemLabel(item)}
                      </Link>
                      <span className="relative block h-7 rounded bg-slate-100">
                        {todayAt !== null && (
                          <span aria-hidden="true" className="absolute top-0 bottom-0 w-0.5 bg-amber-600" style={{ left: `${todayAt}%` }} />
                        )}
                        <Bar item={item} startYear={startYear} endYear={endYear} />
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      </div>
      <section aria-labelledby="undated-title" className="rounded border border-slate-200 bg-white p-3">
        <h3 id="undated-title" className="text-sm font-semibold">
          Мероприятия без срока
        </h3>
        {undated.length === 0 ? (
          <p className="text-sm text-slate-700">У всех мероприятий есть срок.</p>
        ) : (
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
            {undated.map((item) => (
              <li key={item.id}>
                <Link href={item.href} className="underline">
                  {itemLabel(item)}
                </Link>{' '}
                — {item.deadlineText || 'срок не указан'} · {ITEM_STATUS_LABELS[item.status]}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
