import { formatNumber, pluralize } from '@/lib/format/ru';
import type { ProgressSummary } from '@/lib/roadmaps/progress';
import { ProgressBar } from './ProgressBar';

/** «Выполнено 7 из 17 (41,2 %) · просрочено 3 мероприятия» with a bar; `label` names what the progress is of. */
export function ProgressSummaryView({ progress, label }: { progress: ProgressSummary; label: string }) {
  const countable = progress.total - progress.byStatus.cancelled;
  return (
    <div className="space-y-1 text-sm" data-testid="progress-summary">
      <p>
        Выполнено {formatNumber(progress.done)} из {formatNumber(countable)} ({progress.doneShareLabel})
        {progress.overdue > 0 ? (
          <span className="ml-2 font-medium text-red-800">
            · <span aria-hidden="true">⚠ </span>просрочено {pluralize(progress.overdue, ['мероприятие', 'мероприятия', 'мероприятий'])}
          </span>
        ) : (
          <span className="ml-2 text-slate-700">· просроченных нет</span>
        )}
      </p>
      <ProgressBar share={progress.doneShare} label={`Выполнение: ${label}`} />
    </div>
  );
}
