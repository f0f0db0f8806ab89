import type { Metadata } from 'next';
import Link from 'next/link';
import { sectionTitle } from '@/components/roadmaps/labels';
import { requireActor } from '@/lib/auth/session';
import { formatDate } from '@/lib/format/ru';
import { formatYears } from '@/lib/roadmaps/deadline-label';
import { orNotFound, pageParams } from '@/lib/page-guard';
import { getRoadmap } from '@/lib/roadmaps/queries';
import { ITEM_STATUS_LABELS } from '@/lib/roadmaps/status';
import { responsibleLabel } from '@/lib/roadmaps/responsible-label';
import { ROADMAP_STATUS_LABELS } from '@/lib/roadmaps/schemas';
import type { ItemView } from '@/lib/roadmaps/views';
import { PrintButton } from './PrintButton';
import './print.css';

export const metadata: Metadata = { title: 'Дорожная карта — версия для печати' };

const HEADERS = ['№ п/п', 'Мероприятия', 'Сроки', 'Ответственные', 'Планируемый результат', 'Статус'];
const cell = 'border border-slate-500 px-2 py-1 align-top';

function status(item: ItemView): string {
  return `${ITEM_STATUS_LABELS[item.status]}${item.overdue ? ', просрочено' : ''}`;
}

export default async function PrintPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await pageParams(params);
  const actor = await requireActor();
  const { roadmap, sections, progress } = await orNotFound(getRoadmap(actor, id));
  return (
    <article className="roadmap-print bg-white p-4 text-slate-900">
      <div className="no-print mb-4 flex flex-wrap items-center gap-3">
        <PrintButton />
        <Link href={`/roadmaps/${roadmap.id}`}>Вернуться к дорожной карте</Link>
      </div>
      {/* Not a <header>: the global print rules hide every header element (the site header). */}
      <div className="mb-4">
        <p className="text-right text-sm">
          {roadmap.approvalDocument ? (
            <>
              УТВЕРЖДЕНА
              <br />
              {roadmap.approvalDocument}
            </>
          ) : (
            'Утверждающий документ не указан'
          )}
        </p>
        <h1 className="mt-2 text-center text-xl font-semibold">{roadmap.title}</h1>
        <p className="text-center text-sm">
          {roadmap.ownerName} · {formatYears(roadmap.periodStartYear, roadmap.periodEndYear)} · {ROADMAP_STATUS_LABELS[roadmap.status]}
        </p>
        <p className="mt-1 text-center text-sm">
          Выполнено {progress.done} из {progress.total - progress.byStatus.cancelled} ({progress.doneShareLabel}), просрочено: {progress.overdue}. Сведения на{' '}
          {formatDate(new Date())}.
        </p>
      </div>
      {/* On paper the table fits the A4 landscape page; on a phone screen it scrolls inside its box, not the page. */}
      <div className="max-w-full overflow-x-auto print:overflow-visible" role="region" aria-label="Таблица мероприятий" tabIndex={0}>
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">Мероприятия дорожной карты</caption>
          <thead>
            <tr>
              {HEADERS.map((header) => (
                <th key={header} scope="col" className={`${cell} bg-slate-100 text-left`}>
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sections.map((section) => [
              section.title !== null && (
                <tr key={section.id}>
                  <th scope="colgroup" colSpan={HEADERS.length} className={`${cell} bg-slate-50 text-left`}>
                    {sectionTitle(section)}
                  </th>
                </tr>
              ),
              ...section.items.map((item) => (
                <tr key={item.id}>
                  <td className={cell}>{item.number}</td>
                  <td className={`${cell} whitespace-pre-line`}>{item.activity}</td>
                  <td className={cell}>{item.deadlineText}</td>
                  <td className={`${cell} whitespace-pre-line`}>{responsibleLabel(item)}</td>
                  <td className={`${cell} whitespace-pre-line`}>{item.plannedResult}</td>
                  <td className={cell}>{status(item)}</td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      </div>
    </article>
  );
}
