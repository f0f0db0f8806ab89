import { formatDate, formatNumber } from '@/lib/format/ru';
import type { EvidenceView, ReportView } from '@/lib/roadmaps/views';

function fileSize(bytes: number | null): string {
  if (bytes === null) return '';
  return bytes < 1024 * 1024 ? `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} КБ` : `${formatNumber(bytes / 1024 / 1024, 1)} МБ`;
}

function Evidence({ evidence }: { evidence: EvidenceView }) {
  if (evidence.kind === 'link' && evidence.url) {
    return (
      <a href={evidence.url} rel="noopener noreferrer nofollow" target="_blank">
        {evidence.url}
        <span className="sr-only"> (откроется в новой вкладке)</span>
      </a>
    );
  }
  return (
    <a href={`/api/v1/roadmaps/evidence/${evidence.id}`} download>
      {evidence.fileName ?? 'файл'}
      <span className="text-slate-700"> ({fileSize(evidence.sizeBytes)})</span>
    </a>
  );
}

/** Progress reports of an item, newest first, with their links and downloadable files. */
export function ReportList({ reports }: { reports: ReportView[] }) {
  if (reports.length === 0) return <p className="text-sm text-slate-700">Отчётов о ходе исполнения пока нет.</p>;
  const sorted = [...reports].sort((a, b) => b.reportedOn.localeCompare(a.reportedOn) || b.createdAt.getTime() - a.createdAt.getTime());
  return (
    <ol className="space-y-3 text-sm" data-testid="report-list">
      {sorted.map((report) => (
        <li key={report.id} className="rounded border border-slate-200 p-3">
          <p className="font-medium">
            <time dateTime={report.reportedOn}>{formatDate(report.reportedOn)}</time> · {report.authorName}
          </p>
          <p className="mt-1 whitespace-pre-line">{report.text}</p>
          {report.evidence.length > 0 && (
            <ul className="mt-2 list-disc space-y-1 pl-5 break-all" aria-label="Подтверждающие материалы">
              {report.evidence.map((evidence) => (
                <li key={evidence.id}>
                  <Evidence evidence={evidence} />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
