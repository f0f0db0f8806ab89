import 'server-only';
/**
 * Open data: each public table as a dataset with a passport (structure, units, update date, licence) and its rows,
 * in CSV (UTF-8 with BOM for Excel, or plain) and JSON at stable addresses `/opendata/<id>.csv|json`. The rows come
 * from the same public reads and the same suppression as the pages: a suppressed figure is the text
 * «меньше 10 участников — не публикуется» in both formats, never a number.
 */
import { sql } from 'drizzle-orm';
import { CATEGORY_NAMES, type Category } from '@/lib/classification/classify';
import { EXAM_NAMES, findSubject } from '@/lib/classification/subjects';
import { getDb } from '@/lib/db/client';
import { toCsv } from '@/lib/export';
import { STATUS_LABELS } from '@/lib/indicators/status';
import { approvedIndicators, regionalResultFigures, resultKey } from './queries';
import { publicFigure, suppressedText, type PublicValue } from './suppression';

export type Cell = string | number | null;

export interface DatasetColumn {
  key: string;
  title: string;
  type: 'строка' | 'целое число' | 'число' | 'дата' | 'идентификатор';
  unit?: string;
  description: string;
}

export interface DatasetDefinition {
  id: string;
  title: string;
  description: string;
  columns: DatasetColumn[];
  periodicity: string;
}

export interface Dataset extends DatasetDefinition {
  rows: Record<string, Cell>[];
  updatedAt: Date | null;
}

export const LICENCE = 'Creative Commons «С указанием авторства» 4.0 (CC BY 4.0): данные можно свободно использовать, указав источник — портал «Опора» и орган управления образованием региона.';
export const PUBLISHER = 'Орган управления образованием региона (портал «Опора»)';

const SUPPRESSION_NOTE = `Величина, рассчитанная меньше чем по 10 ученикам, не публикуется: вместо числа — текст «${suppressedText('small_group')}» (или пояснение о защите соседней скрытой величины).`;

export const DATASETS: DatasetDefinition[] = [
  {
    id: 'schools',
    title: 'Школы региона',
    description: 'Справочник общеобразовательных организаций: наименование, муниципалитет, адрес, местность, численность обучающихся и статус по последнему опубликованному расчёту.',
    periodicity: 'при изменении справочника и после публикации расчёта',
    columns: [
      { key: 'id', title: 'Идентификатор школы', type: 'идентификатор', description: 'Постоянный идентификатор; страница школы — /public/schools/<id>.' },
      { key: 'name', title: 'Краткое наименование', type: 'строка', description: 'Как школу называют в документах региона.' },
      { key: 'full_name', title: 'Полное наименование', type: 'строка', description: 'По уставу.' },
      { key: 'municipality', title: 'Муниципалитет', type: 'строка', description: 'Муниципальный район или городской округ.' },
      { key: 'address', title: 'Адрес', type: 'строка', description: 'Почтовый адрес.' },
      { key: 'settlement', title: 'Местность', type: 'строка', description: '«городская» или «сельская».' },
      { key: 'pupils', title: 'Обучающихся', type: 'целое число', unit: 'человек', description: `Численность обучающихся. ${SUPPRESSION_NOTE}` },
      { key: 'category', title: 'Статус', type: 'строка', description: 'Категория школы по последнему опубликованному расчёту (ШНОР, ШНСУ, резильентная …).' },
      { key: 'category_year', title: 'Год расчёта', type: 'целое число', unit: 'год', description: 'Год, за который опубликован расчёт.' },
    ],
  },
  {
    id: 'categories',
    title: 'Статусы школ по годам',
    description: 'Категории школ по опубликованным расчётам классификации за все годы: входила ли школа в программу поддержки.',
    periodicity: 'ежегодно, после публикации расчёта',
    columns: [
      { key: 'school_id', title: 'Идентификатор школы', type: 'идентификатор', description: 'Как в наборе «Школы региона».' },
      { key: 'school', title: 'Школа', type: 'строка', description: 'Краткое наименование.' },
      { key: 'year', title: 'Год расчёта', type: 'целое число', unit: 'год', description: 'Год данных расчёта.' },
      { key: 'category', title: 'Категория', type: 'строка', description: 'ШНОР; ШНСУ; ШНОР и ШНСУ; резильентная школа; не относится; недостаточно данных.' },
      { key: 'published_at', title: 'Дата публикации', type: 'дата', description: 'ДД.ММ.ГГГГ.' },
    ],
  },
  {
    id: 'results',
    title: 'Результаты ЕГЭ и ОГЭ',
    description: 'Средние результаты школ по основным предметам по годам на шкале от 0 до 100 (ЕГЭ — тестовый балл, ОГЭ — процент от максимального первичного балла).',
    periodicity: 'ежегодно',
    columns: [
      { key: 'school_id', title: 'Идентификатор школы', type: 'идентификатор', description: 'Как в наборе «Школы региона».' },
      { key: 'school', title: 'Школа', type: 'строка', description: 'Краткое наименование.' },
      { key: 'year', title: 'Год', type: 'целое число', unit: 'год', description: 'Год экзамена.' },
      { key: 'exam', title: 'Экзамен', type: 'строка', description: 'ЕГЭ или ОГЭ.' },
      { key: 'subject', title: 'Предмет', type: 'строка', description: 'Учебный предмет.' },
      { key: 'participants', title: 'Участников', type: 'целое число', unit: 'человек', description: `Сдававших экзамен. ${SUPPRESSION_NOTE}` },
      { key: 'mean_score', title: 'Средний результат', type: 'число', unit: 'баллов из 100', description: `Средний результат школы. ${SUPPRESSION_NOTE}` },
    ],
  },
  {
    id: 'indicators',
    title: 'Показатели программы поддержки',
    description: 'Утверждённые значения показателей региональной программы по организациям: значение, цель и итог («достигнуто», «близко к цели», «отстаёт»).',
    periodicity: 'ежегодно, после утверждения значений',
    columns: [
      { key: 'indicator', title: 'Показатель', type: 'строка', description: 'Наименование показателя.' },
      { key: 'organisation', title: 'Организация', type: 'строка', description: 'Регион, муниципалитет или школа.' },
      { key: 'year', title: 'Год', type: 'целое число', unit: 'год', description: 'Период значения.' },
      { key: 'value', title: 'Значение', type: 'число', description: `В единицах показателя. ${SUPPRESSION_NOTE}` },
      { key: 'target', title: 'Цель', type: 'число', description: 'Целевое значение на год.' },
      { key: 'status', title: 'Итог', type: 'строка', description: 'достигнуто / близко к цели / отстаёт / нет данных.' },
      { key: 'source', title: 'Источник', type: 'строка', description: 'Откуда берётся значение.' },
    ],
  },
];

export function findDataset(id: string): DatasetDefinition | null {
  return DATASETS.find((d) => d.id === id) ?? null;
}

const cellOf = (value: PublicValue<number> | null, digits?: number): Cell => {
  if (value === null) return null;
  if (!value.shown) return suppressedText(value.reason);
  return digits === undefined ? value.value : Math.round(value.value * 10 ** digits) / 10 ** digits;
};

const dateText = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  const d = value instanceof Date ? value : new Date(String(value));
  return new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
};

async function query(text: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  return (await getDb().execute(text)).rows as Record<string, unknown>[];
}

const SETTLEMENT_WORDS = { urban: 'городская', rural: 'сельская' } as const;

async function latestPublication(): Promise<Date | null> {
  const [row] = await query(sql`SELECT max(published_at) AS at FROM classification_runs WHERE status = 'published'`);
  return row?.at ? new Date(String(row.at instanceof Date ? row.at.toISOString() : row.at)) : null;
}

async function rowsOf(id: string): Promise<{ rows: Record<string, Cell>[]; updatedAt: Date | null }> {
  switch (id) {
    case 'schools': {
      const found = await query(sql`
        WITH latest AS (
          SELECT DISTINCT ON (r.school_id) r.school_id, r.category, run.year
            FROM classification_results r JOIN classification_runs run ON run.id = r.run_id AND run.status = 'published'
           ORDER BY r.school_id, run.year DESC, run.published_at DESC)
        SELECT o.id, coalesce(o.short_name, o.name) AS name, o.name AS full_name, m.name AS municipality, o.address, o.settlement, o.pupils, o.updated_at, latest.category, latest.year
          FROM organisations o LEFT JOIN organisations m ON m.id = o.municipality_id LEFT JOIN latest ON latest.school_id = o.id
         WHERE o.kind = 'school' AND o.is_active
         ORDER BY m.name, o.name`);
      const updated = found.reduce<Date | null>((max, r) => {
        const d = r.updated_at ? new Date(String(r.updated_at instanceof Date ? r.updated_at.toISOString() : r.updated_at)) : null;
        return d && (!max || d > max) ? d : max;
      }, await latestPublication());
      return {
        updatedAt: updated,
        rows: found.map((r) => ({
          id: r.id as string,
          name: r.name as string,
          full_name: r.full_name as string,
          municipality: (r.municipality as string | null) ?? null,
          address: (r.address as string | null) ?? null,
          settlement: r.settlement ? SETTLEMENT_WORDS[r.settlement as 'urban' | 'rural'] : null,
          pupils: r.pupils === null ? null : cellOf(publicFigure(Number(r.pupils), Number(r.pupils))),
          category: r.category ? CATEGORY_NAMES[r.category as Category] : null,
          category_year: r.year === null ? null : Number(r.year),
        })),
      };
    }
    case 'categories': {
      const found = await query(sql`
        SELECT DISTINCT ON (r.school_id, run.year) r.school_id, coalesce(o.short_name, o.name) AS school, run.year, r.category, run.published_at
          FROM classification_results r
          JOIN classification_runs run ON run.id = r.run_id AND run.status = 'published'
          JOIN organisations o ON o.id = r.school_id
         ORDER BY r.school_id, run.year, run.published_at DESC`);
      return {
        updatedAt: await latestPublication(),
        rows: found
          .map((r) => ({ school_id: r.school_id as string, school: r.school as string, year: Number(r.year), category: CATEGORY_NAMES[r.category as Category], published_at: dateText(r.published_at) }))
          .sort((a, b) => a.school.localeCompare(b.school, 'ru') || a.year - b.year),
      };
    }
    case 'results': {
      // The same decisions as the school and municipality pages (one call per region, year, exam and subject).
      const { figures, rows: found } = await regionalResultFigures();
      const out: Record<string, Cell>[] = [];
      for (const r of found) {
        const group = figures.get(resultKey(r.regionId, r.year, r.exam, r.subject));
        const mean = group?.school.get(r.schoolId) ?? null;
        if (mean === null) continue; // no comparable mean (ЕГЭ base mathematics, an ОГЭ without its maximum)
        const subject = findSubject(r.subject);
        if (!subject) continue; // a subject the portal has no name for is not published
        out.push({
          school_id: r.schoolId,
          school: r.schoolName,
          year: r.year,
          exam: EXAM_NAMES[r.exam],
          subject: subject.name,
          participants: cellOf(group?.participants.get(r.schoolId) ?? null),
          mean_score: cellOf(mean, 1),
        });
      }
      out.sort((a, b) => String(a.school).localeCompare(String(b.school), 'ru') || Number(a.year) - Number(b.year) || String(a.exam).localeCompare(String(b.exam), 'ru') || String(a.subject).localeCompare(String(b.subject), 'ru'));
      const updated = found.reduce<Date | null>((max, r) => {
        const d = r.updatedAt ? new Date(String(r.updatedAt instanceof Date ? r.updatedAt.toISOString() : r.updatedAt)) : null;
        return d && (!max || d > max) ? d : max;
      }, null);
      return { rows: out, updatedAt: updated };
    }
    case 'indicators': {
      const orgs = await query(sql`SELECT id, coalesce(short_name, name) AS name FROM organisations WHERE is_active AND kind IN ('region', 'municipality', 'school')`);
      const names = new Map(orgs.map((o) => [o.id as string, o.name as string]));
      const values = await approvedIndicators([...names.keys()]);
      const [decided] = await query(sql`SELECT max(decided_at) AS at FROM indicator_approvals WHERE state = 'approved'`);
      return {
        updatedAt: decided?.at ? new Date(String(decided.at instanceof Date ? decided.at.toISOString() : decided.at)) : null,
        rows: values
          .map((v) => ({ indicator: v.name, organisation: names.get(v.organisationId) ?? '', year: v.year, value: cellOf(v.value), target: v.target, status: STATUS_LABELS[v.status], source: v.source || null }))
          .sort((a, b) => a.indicator.localeCompare(b.indicator, 'ru') || a.organisation.localeCompare(b.organisation, 'ru') || a.year - b.year),
      };
    }
    default:
      return { rows: [], updatedAt: null };
  }
}

export async function loadDataset(id: string): Promise<Dataset | null> {
  const definition = findDataset(id);
  if (!definition) return null;
  const { rows, updatedAt } = await rowsOf(id);
  return { ...definition, rows, updatedAt };
}

/** CSV with a header row of column titles; `bom` false for a plain UTF-8 file. */
export function datasetCsv(dataset: Dataset, bom: boolean): string {
  return toCsv([dataset.columns.map((c) => c.title), ...dataset.rows.map((row) => dataset.columns.map((c) => row[c.key] ?? null))], { bom });
}

export function datasetJson(dataset: Dataset): string {
  return JSON.stringify(
    {
      dataset: dataset.id,
      title: dataset.title,
      updated: dataset.updatedAt ? dateText(dataset.updatedAt) : null,
      licence: LICENCE,
      columns: dataset.columns.map(({ key, title, unit }) => ({ key, title, unit: unit ?? null })),
      rows: dataset.rows,
    },
    null,
    2,
  );
}

export { dateText as formatOpenDataDate };
