import 'server-only';
/**
 * The scorecard's other view and its downloads: one organisation's indicators × years, and the scorecard of a
 * year (municipalities, or the schools of a municipality) or of an organisation's years as XLSX or CSV through
 * the shared table-file helper, with a title block (period, organisation, as-of date) and statuses in words.
 */
import type { Indicator, Organisation } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { tableFile, type ExportedFile, type ExportFormat } from '@/lib/export';
import { organisationFor, reportingScope } from './access';
import { loadScorecard, type ScorecardCell } from './scorecard';
import { scorecardExportRows, scorecardFileName, scorecardSheet, scorecardTitle } from './scorecard-export';

export interface YearsScorecard {
  organisation: Organisation;
  years: number[];
  indicators: Indicator[];
  /** Cells of every year, `organisationId` the organisation's. */
  cells: (ScorecardCell & { year: number })[];
}

/** Number of years the indicators × years view shows, ending with the chosen one. */
export const YEARS_SHOWN = 5;

/** One organisation's indicators × years (the `YEARS_SHOWN` years up to `lastYear`), as the actor may read it. */
export async function loadYearsScorecard(actor: Actor, organisationId: string, lastYear: number, today: Date = new Date()): Promise<YearsScorecard> {
  const organisation = await organisationFor(getDb(), organisationId);
  if (organisation.kind !== 'region' && organisation.kind !== 'municipality' && organisation.kind !== 'school') throw new AppError('not_found', 'Организация не найдена.');
  if (!can(actor, 'indicator.read', reportingScope(organisation))) throw new AppError('not_found', 'Организация не найдена.');
  const years = Array.from({ length: YEARS_SHOWN }, (_, i) => lastYear - YEARS_SHOWN + 1 + i);
  const cells: YearsScorecard['cells'] = [];
  let indicators: Indicator[] = [];
  // One year after another: the queries may share one connection.
  for (const year of years) {
    const card = await loadScorecard(actor, { year, level: organisation.kind, organisationId: organisation.id }, today);
    indicators = card.indicators;
    cells.push(...card.cells.map((c) => ({ ...c, year })));
  }
  return { organisation, years, indicators, cells };
}

const orgName = (o: Pick<Organisation, 'name' | 'shortName'>) => o.shortName ?? o.name;

/** The scorecard of a year: the municipalities the actor reads, or the schools of `municipalityId`. */
export async function exportScorecard(actor: Actor, options: { year: number; municipalityId?: string }, format: ExportFormat, today: Date = new Date()): Promise<ExportedFile> {
  let place = 'муниципалитеты региона';
  if (options.municipalityId) {
    const municipality = await organisationFor(getDb(), options.municipalityId);
    if (municipality.kind !== 'municipality' || !can(actor, 'indicator.read', reportingScope(municipality))) throw new AppError('not_found', 'Муниципалитет не найден.');
    place = `${orgName(municipality)}, школы`;
  }
  const card = await loadScorecard(actor, { year: options.year, level: options.municipalityId ? 'school' : 'municipality', municipalityId: options.municipalityId }, today);
  const names = new Map(card.organisations.map((o) => [o.id, orgName(o)]));
  const rows = scorecardExportRows(card.indicators, card.cells.map((c) => ({ ...c, place: names.get(c.organisationId) ?? '' })));
  const period = `${options.year} год`;
  const sheet = scorecardSheet(rows, options.municipalityId ? 'Школа' : 'Муниципалитет', scorecardTitle(period, place, today));
  return tableFile(format, sheet, (extension) => scorecardFileName(place, String(options.year), extension), { csvTitle: true });
}

/** One organisation's indicators × years as a file. */
export async function exportYearsScorecard(actor: Actor, organisationId: string, lastYear: number, format: ExportFormat, today: Date = new Date()): Promise<ExportedFile> {
  const card = await loadYearsScorecard(actor, organisationId, lastYear, today);
  const rows = scorecardExportRows(card.indicators, card.cells.map((c) => ({ ...c, place: String(c.year) })));
  const period = `${card.years[0]}–${card.years[card.years.length - 1]} годы`;
  const name = orgName(card.organisation);
  const sheet = scorecardSheet(rows, 'Год', scorecardTitle(period, name, today));
  return tableFile(format, sheet, (extension) => scorecardFileName(name, `${card.years[0]}–${card.years[card.years.length - 1]}`, extension), { csvTitle: true });
}
