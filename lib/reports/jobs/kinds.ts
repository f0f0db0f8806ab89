// No 'server-only': the job runner and the benchmark build reports with these outside a request.
/**
 * The kinds of stored report and how each is built from its subject, without an actor (the request was checked
 * when the job was queued). Adding a kind is one entry here: its label, what it is about and its builder.
 */
import type { Executor } from '@/lib/db/client';
import type { ReportDocument } from '@/lib/reports/document/model';
import { buildMonitoringReport, monitoringNoteFacts } from '@/lib/reports/monitoring/build';
import { buildAnalyticalNote } from '@/lib/reports/note';
import { loadMonitoringData, type Progress, type ReportOrganisation } from '@/lib/reports/monitoring/load';
import { buildExecutionReport } from '@/lib/reports/roadmap/build';
import { loadExecutionData } from '@/lib/reports/roadmap/load';

/** What a report is about: a region or a municipality for a year, or one road map. */
export interface ReportSubject {
  organisation: ReportOrganisation | null;
  year: number | null;
  roadmapId: string | null;
  /** ISO date deadlines are judged at; also the document's as-of date. */
  onDate: string;
}

export interface ReportKind {
  label: string;
  about: 'organisation' | 'roadmap';
  build: (executor: Executor, subject: ReportSubject, progress: Progress) => Promise<ReportDocument>;
}

/** Builds the monitoring data of an organisation-and-year subject (the shared first step of organisation reports). */
export function monitoringDataOf(executor: Executor, subject: ReportSubject, progress: Progress) {
  if (!subject.organisation || subject.year === null) throw new RangeError('Отчёт по организации без организации или года');
  return loadMonitoringData(executor, subject.organisation, subject.year, subject.onDate, progress);
}

export const REPORT_KINDS = {
  monitoring: {
    label: 'Мониторинговый отчёт',
    about: 'organisation',
    build: async (executor, subject, progress) => buildMonitoringReport(await monitoringDataOf(executor, subject, progress)),
  },
  analytical_note: {
    label: 'Аналитическая справка',
    about: 'organisation',
    build: async (executor, subject, progress) => buildAnalyticalNote(monitoringNoteFacts(await monitoringDataOf(executor, subject, progress))),
  },
  roadmap_execution: {
    label: 'Отчёт об исполнении дорожной карты',
    about: 'roadmap',
    build: async (executor, subject) => {
      if (!subject.roadmapId) throw new RangeError('Отчёт об исполнении без дорожной карты');
      return buildExecutionReport(await loadExecutionData(executor, subject.roadmapId, subject.onDate));
    },
  },
} satisfies Record<string, ReportKind>;

export type ReportKindId = keyof typeof REPORT_KINDS;
export const REPORT_KIND_IDS = Object.keys(REPORT_KINDS) as [ReportKindId, ...ReportKindId[]];

export function reportKind(id: string): ReportKind | null {
  return (REPORT_KINDS as Record<string, ReportKind>)[id] ?? null;
}
