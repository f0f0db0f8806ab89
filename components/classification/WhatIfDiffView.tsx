/** What a draft methodology would change against the active one: who enters and leaves the lists, and why. */
import type { RunSummaryBrief, WhatIfPreview } from '@/lib/classification/queries';
import type { WhatIfChange } from '@/lib/classification/whatif';
import { SCHOOLS } from '@/lib/classification/format';
import { pluralize } from '@/lib/format/ru';
import { CategoryCounts } from './CategoryCounts';

function ChangeList({ id, title, changes }: { id: string; title: string; changes: WhatIfChange[] }) {
  return (
    <section aria-labelledby={id} className="rounded border border-slate-200 bg-white p-3" data-testid={id}>
      <h3 id={id} className="font-semibold">
        {title}: {pluralize(changes.length, SCHOOLS)}
      </h3>
      {changes.length > 0 && (
        <ul className="mt-2 space-y-2 text-sm">
          {changes.map((c) => (
            <li key={`${c.list}-${c.schoolId}`}>
              <p className="font-medium">
                {c.name}: {c.before} → {c.after}
              </p>
              <p data-testid="whatif-changed-by">{c.changedBy}</p>
              <ul className="list-disc pl-5 text-slate-700">
                {c.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Summary({ title, summary, schoolCount }: { title: string; summary: RunSummaryBrief; schoolCount: number }) {
  return (
    <div className="space-y-1">
      <p className="text-sm font-medium">
        {title}: «{summary.methodologyName}», версия {summary.methodologyVersion}
      </p>
      <CategoryCounts counts={summary.counts} label="Все сравненные школы" total={schoolCount} visible={schoolCount} />
    </div>
  );
}

export function WhatIfDiffView({ diff }: { diff: WhatIfPreview }) {
  const changed = diff.entering.lowResults.length + diff.leaving.lowResults.length + diff.entering.unfavourable.length + diff.leaving.unfavourable.length + diff.categoryChanges.length;
  return (
    <div className="space-y-4" data-testid="what-if">
      <p role="status" className="text-sm">
        Сравнено {pluralize(diff.schoolCount, SCHOOLS)}; без изменений — {pluralize(diff.unchanged, SCHOOLS)}.
        {changed === 0 ? ' Черновик не меняет ни одного решения.' : ''}
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        <Summary title="Действующая" summary={diff.activeRunSummary} schoolCount={diff.schoolCount} />
        <Summary title="Черновик" summary={diff.draftSummary} schoolCount={diff.schoolCount} />
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <ChangeList id="whatif-enter-shnor" title="Войдут в ШНОР" changes={diff.entering.lowResults} />
        <ChangeList id="whatif-leave-shnor" title="Выйдут из ШНОР" changes={diff.leaving.lowResults} />
        <ChangeList id="whatif-enter-shnsu" title="Войдут в ШНСУ" changes={diff.entering.unfavourable} />
        <ChangeList id="whatif-leave-shnsu" title="Выйдут из ШНСУ" changes={diff.leaving.unfavourable} />
      </div>
      <ChangeList id="whatif-category" title="Сменят категорию" changes={diff.categoryChanges} />
    </div>
  );
}
