import Link from 'next/link';
import { formatDateTime } from '@/lib/format/ru';
import type { ReviewEventKind, ReviewEventView } from '@/lib/roadmaps/views';

const KIND_LABELS: Record<ReviewEventKind, string> = {
  submit: 'отправил(а) на согласование',
  comment: 'прокомментировал(а)',
  approve: 'утвердил(а)',
  return: 'вернул(а) на доработку',
  reopen: 'изменил(а) утверждённую карту',
};

/** The review conversation, oldest first; per-item comments link to their item when `itemHref` is given. */
export function ReviewThread({
  events,
  itemHref,
  itemLabel,
}: {
  events: ReviewEventView[];
  itemHref?: (itemId: string) => string;
  itemLabel?: (itemId: string) => string;
}) {
  if (events.length === 0) return <p className="text-sm text-slate-700">Обсуждения пока нет.</p>;
  return (
    <ol className="space-y-3 text-sm" data-testid="review-thread">
      {events.map((event) => (
        <li key={event.id} className="border-l-4 border-brand-100 pl-3">
          <p className="text-slate-700">
            <time dateTime={event.createdAt.toISOString()}>{formatDateTime(event.createdAt)}</time> · {event.authorName}{' '}
            {KIND_LABELS[event.kind]}
            {event.itemId && itemHref && (
              <>
                {' '}
                · <Link href={itemHref(event.itemId)} className="underline">{itemLabel?.(event.itemId) ?? 'мероприятие'}</Link>
              </>
            )}
          </p>
          {event.text && <p className="mt-1 whitespace-pre-line">{event.text}</p>}
        </li>
      ))}
    </ol>
  );
}
