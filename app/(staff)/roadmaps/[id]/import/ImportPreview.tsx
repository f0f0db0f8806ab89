import { sectionTitle } from '@/components/roadmaps/labels';
import { describeIssue, type Issue } from '@/lib/errors';
import { formatNumber } from '@/lib/format/ru';
import type { ImportAction, RoadmapImportResult } from '@/lib/roadmaps/views';

const ACTION_LABELS: Record<ImportAction, string> = { create: 'новое', update: 'обновится', unchanged: 'без изменений' };

function IssueList({ title, issues, tone }: { title: string; issues: Issue[]; tone: 'error' | 'warning' }) {
  if (issues.length === 0) return null;
  const colours = tone === 'error' ? 'border-red-300 bg-red-50 text-red-900' : 'border-amber-300 bg-amber-50 text-amber-950';
  return (
    <section aria-label={title} className={`rounded border p-3 text-sm ${colours}`}>
      <h3 className="font-semibold">
        {title} ({formatNumber(issues.length)})
      </h3>
      <ul className="mt-1 list-disc pl-5">
        {issues.map((issue, index) => (
          <li key={index}>{describeIssue(issue)}</li>
        ))}
      </ul>
    </section>
  );
}

/** Every section and item the import would write, with the normalised deadline, plus every warning and error. */
export function ImportPreview({ result }: { result: RoadmapImportResult }) {
  return (
    <div className="space-y-4">
      <ul className="grid gap-1 text-sm sm:grid-cols-2" data-testid="import-counts">
        <li>Разделов: {formatNumber(result.counts.sections)}</li>
        <li>Новых мероприятий: {formatNumber(result.counts.create)}</li>
        <li>Обновится: {formatNumber(result.counts.update)}</li>
        <li>Без изменений: {formatNumber(result.counts.unchanged)}</li>
      </ul>
      <IssueList title="Ошибки — исправьте их, иначе ничего не будет записано" issues={result.errors} tone="error" />
      <IssueList title="Предупреждения" issues={result.warnings} tone="warning" />
      {result.sections.map((section, index) => (
        <section key={index} aria-label={sectionTitle(section)} className="overflow-x-auto">
          <h3 className="font-semibold">
            {sectionTitle(section)}
            {section.existing ? ' (раздел уже есть)' : ''}
          </h3>
          <table className="mt-1 min-w-full text-sm">
            <thead className="bg-slate-100 text-left">
              <tr>
                {['Строка', '№', 'Мероприятие', 'Сроки', 'Распознанный срок', 'Ответственные', 'Результат', 'Действие'].map((header) => (
                  <th key={header} scope="col" className="px-2 py-1">
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {section.items.map((item, itemIndex) => (
                <tr key={itemIndex} className="border-t border-slate-200 align-top">
                  <td className="px-2 py-1">{item.sourceRows.join(', ')}</td>
                  <td className="px-2 py-1">{item.number}</td>
                  <td className="px-2 py-1">{item.activity}</td>
                  <td className="px-2 py-1">{item.deadlineText || '—'}</td>
                  <td className="px-2 py-1">{item.deadline.label}</td>
                  <td className="px-2 py-1">{item.responsibleText || '—'}</td>
                  <td className="px-2 py-1">{item.resultText || '—'}</td>
                  <td className="px-2 py-1">{ACTION_LABELS[item.action]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
