/**
 * Downloadable import templates, one per import of the portal: an XLSX whose first sheet has the columns the
 * import recognises (headers chosen so the import maps every field by itself) and example rows of the fictional
 * demo region, and a second sheet explaining each column. Pure: built from each import's own field lists.
 */
import { fieldsOf, REQUIRED, type ImportKind } from '@/lib/classification/import/fields';
import { guessDataMapping } from '@/lib/classification/import/mapping';
import type { XlsxSheet } from '@/lib/export/xlsx';
import { ROADMAP_COLUMN_LABELS, ROADMAP_COLUMNS } from '@/lib/roadmaps/table/columns';
import { IMPORT_FIELD_LABELS, REQUIRED_IMPORT_FIELDS, SCHOOL_IMPORT_FIELDS } from '@/lib/schools/import/fields';
import { VALUE_FIELD_LABELS, VALUE_IMPORT_FIELDS, type ValueImportField } from '@/lib/indicators/import/plan';

export const TEMPLATE_KINDS = ['roadmap', 'schools', 'assessments', 'contexts', 'indicator-values'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export interface ImportTemplate {
  fileName: string;
  sheets: XlsxSheet[];
}

type Example = Record<string, string | number>;

const EXPLANATION_COLUMNS = [
  { key: 'column', header: 'Столбец', width: 40 },
  { key: 'required', header: 'Обязательный', width: 14 },
  { key: 'note', header: 'Что указать', width: 80 },
];

function sheetOf(name: string, columns: { key: string; header: string }[], rows: Example[]): XlsxSheet {
  return { name, columns: columns.map((c) => ({ ...c, width: Math.max(12, Math.min(45, c.header.length + 4)) })), rows };
}

// ---- classification data: the header of each field is its label, or the first synonym the import recognises.
function dataHeader(kind: ImportKind, field: string): string {
  const spec = fieldsOf(kind)[field]!;
  const candidates = [spec.label, ...spec.synonyms.map((s) => s.charAt(0).toUpperCase() + s.slice(1))];
  return candidates.find((header) => 'column' in (guessDataMapping(kind, [header])[field] ?? {})) ?? spec.label;
}

const DATA_EXAMPLES: Record<ImportKind, Example[]> = {
  assessments: [
    { ogrn: '1029811021129', schoolName: 'МКОУ «Осиновская ООШ»', year: 2026, exam: 'ОГЭ', subject: 'Математика', participants: 22, meanScore: 14.9, maxScore: 31, belowMinimum: 2 },
    { ogrn: '1029811021129', schoolName: 'МКОУ «Осиновская ООШ»', year: 2026, exam: 'ВПР', subject: 'Русский язык', grade: 5, participants: 22, marks2: 6, marks3: 9, marks4: 5, marks5: 2 },
  ],
  contexts: [
    {
      ogrn: '1029811021129', schoolName: 'МКОУ «Осиновская ООШ»', year: 2026, pupils: 48, continuationShare9to10: 40, olympiadParticipants: 1, shareOvz: 8.3,
      shareLowIncome: 35, shareParentsHigherEd: 12, shareNonNativeRussian: 0, distanceKm: 63, rural: 'сельская', teacherVacancyShare: 10,
      shareTeachersUnder35: 9, shareTeachers60plus: 27, internetMbps: 10, hasPsychologist: 'нет', hasSpeechTherapist: 'нет', hasSocialPedagogue: 'да', facilitiesCondition: 3,
    },
  ],
};

const DATA_NOTES: Record<ImportKind, string> = {
  assessments: 'Одна строка — школа, год, экзамен, предмет (и класс для ВПР). Школа — по ОГРН или точному наименованию.',
  contexts: 'Одна строка — школа и год. Доли — в процентах (0–100); наличие специалистов — «да» или «нет».',
};

function dataTemplate(kind: ImportKind): ImportTemplate {
  const fields = Object.keys(fieldsOf(kind));
  const columns = fields.map((field) => ({ key: field, header: dataHeader(kind, field) }));
  const title = kind === 'assessments' ? 'результаты оценочных процедур' : 'социальные данные школ';
  return {
    fileName: `Шаблон импорта — ${title}.xlsx`,
    sheets: [
      sheetOf('Данные', columns, DATA_EXAMPLES[kind]),
      {
        name: 'Пояснения',
        columns: EXPLANATION_COLUMNS,
        rows: [
          { column: 'Общее', required: '', note: `${DATA_NOTES[kind]} Пример в первых строках листа «Данные» замените своими данными.` },
          ...fields.map((field) => ({
            column: dataHeader(kind, field),
            required: REQUIRED[kind].includes(field) || field === 'ogrn' ? 'да' : 'нет',
            note: field === 'ogrn' ? 'ОГРН школы (13 цифр) или, вместо него, столбец «Школа» с точным наименованием' : fieldsOf(kind)[field]!.label,
          })),
        ],
      },
    ],
  };
}

// ---- school directory
const SCHOOL_EXAMPLE: Example = {
  ogrn: '1029811021129',
  fullName: 'Муниципальное казённое общеобразовательное учреждение «Осиновская основная общеобразовательная школа»',
  shortName: 'МКОУ «Осиновская ООШ»',
  inn: '9811021128',
  region: 'Заречная область',
  municipality: 'Берёзовский район',
  address: '646851, Заречная область, Берёзовский район, д. Осиновка, ул. Центральная, д. 14',
  settlement: 'сельская',
  distanceKm: 63,
  pupils: 48,
  kind: 'школа',
};

function schoolsTemplate(): ImportTemplate {
  const columns = SCHOOL_IMPORT_FIELDS.map((field) => ({ key: field, header: IMPORT_FIELD_LABELS[field] }));
  return {
    fileName: 'Шаблон импорта — справочник школ.xlsx',
    sheets: [
      sheetOf('Школы', columns, [SCHOOL_EXAMPLE]),
      {
        name: 'Пояснения',
        columns: EXPLANATION_COLUMNS,
        rows: SCHOOL_IMPORT_FIELDS.map((field) => ({
          column: IMPORT_FIELD_LABELS[field],
          required: REQUIRED_IMPORT_FIELDS.includes(field) ? 'да' : 'нет',
          note: field === 'ogrn' ? 'Ключ школы: повторный импорт с тем же ОГРН обновляет запись' : `Например: ${SCHOOL_EXAMPLE[field]}`,
        })),
      },
    ],
  };
}

// ---- road map: the seeds' layout, a section as a row of its own.
function roadmapTemplate(): ImportTemplate {
  const columns = ROADMAP_COLUMNS.map((column) => ({ key: column, header: ROADMAP_COLUMN_LABELS[column] }));
  return {
    fileName: 'Шаблон импорта — дорожная карта.xlsx',
    sheets: [
      sheetOf('Дорожная карта', columns, [
        { number: 'I. Организационные мероприятия' },
        { number: '1.1', activity: 'Разработка положения о сетевом партнёрстве школ района', deadline: 'март – август 2026', responsible: 'МКУ «УМЦ Берёзовского района»', result: 'Положение о сетевом партнёрстве', document: 'положение' },
        { number: '1.2', activity: 'Семинар для заместителей директоров по учебной работе', deadline: 'до 01.04.2026', responsible: 'Администрация Берёзовского района, РМС Берёзовского района', result: 'Аналитический отчёт' },
        { number: 'II. Методическое сопровождение' },
        { number: '2.1', activity: 'Консультации по запросу школ', deadline: 'по мере обращения', responsible: 'МКУ «УМЦ Берёзовского района»', result: 'Методические рекомендации' },
      ]),
      {
        name: 'Пояснения',
        columns: EXPLANATION_COLUMNS,
        rows: [
          { column: 'Раздел', required: 'нет', note: 'Строка, где заполнена только первая ячейка («I. Организационные мероприятия»), — раздел; мероприятия ниже относятся к нему' },
          ...ROADMAP_COLUMNS.map((column) => ({
            column: ROADMAP_COLUMN_LABELS[column],
            required: column === 'activity' ? 'да' : 'нет',
            note: ROADMAP_NOTES[column],
          })),
        ],
      },
    ],
  };
}

const ROADMAP_NOTES: Record<(typeof ROADMAP_COLUMNS)[number], string> = {
  number: 'Номер мероприятия («1.1»); без номеров мероприятия нумеруются по порядку',
  activity: 'Что будет сделано',
  deadline: 'Как в документе: «март – август 2026», «до 01.04.2026», «4 квартал 2026 года и ежегодно», «по мере обращения»',
  responsible: 'Организации через запятую; известные порталу распознаются',
  result: 'Планируемый результат',
  document: 'Ожидаемый документ: приказ, положение, протокол, отчёт…',
};

// ---- indicator values: one row per organisation, indicator and period.
const VALUE_NOTES: Record<ValueImportField, string> = {
  ogrn: 'ОГРН организации (13 цифр); можно не заполнять, если указано точное наименование',
  organisation: 'Краткое или полное наименование школы, муниципалитета или региона, как в справочнике портала',
  indicator: 'Код показателя из каталога («3», «12»); можно указать и точное наименование',
  year: 'Отчётный год',
  quarter: 'Для квартальных показателей — 1–4; пусто — год целиком',
  value: 'Значение в единице показателя: процент 0–100 (можно «12,5 %»), количество — целое число, да/нет — «да» или «нет»',
  numerator: 'Для долей — сколько (целое число); вместе со знаменателем значение вычисляется само',
  denominator: 'Для долей — из скольких (целое число, больше нуля, не меньше числителя)',
  comment: 'Пояснение к значению; пустая ячейка стирает комментарий, а не заданный столбец — сохраняет прежний',
};

function indicatorValuesTemplate(): ImportTemplate {
  const columns = VALUE_IMPORT_FIELDS.map((field) => ({ key: field, header: VALUE_FIELD_LABELS[field] }));
  return {
    fileName: 'Шаблон импорта — значения показателей.xlsx',
    sheets: [
      sheetOf('Значения', columns, [
        { organisation: 'Берёзовский муниципальный район', indicator: '3', year: 2023, value: 20, comment: 'по данным РИС ГИА' },
        { organisation: 'Берёзовский муниципальный район', indicator: '9', year: 2023, numerator: 46, denominator: 52 },
        { organisation: 'городской округ город Светлогорск', indicator: '12', year: 2023, value: 37.5 },
      ]),
      {
        name: 'Пояснения',
        columns: EXPLANATION_COLUMNS,
        rows: [
          {
            column: 'Общее',
            required: '',
            note: 'Одна строка — организация, показатель и период. Повторный импорт обновляет значения (ключ — организация + показатель + период) и не создаёт дублей. Утверждённые периоды не меняются. Если хотя бы одна строка с ошибкой, ничего не записывается. Примеры замените своими данными.',
          },
          ...VALUE_IMPORT_FIELDS.map((field) => ({
            column: VALUE_FIELD_LABELS[field],
            required: field === 'indicator' || field === 'year' ? 'да' : field === 'ogrn' || field === 'organisation' ? 'одно из двух' : field === 'value' ? 'да (или числитель и знаменатель)' : 'нет',
            note: VALUE_NOTES[field],
          })),
        ],
      },
    ],
  };
}

export function importTemplate(kind: TemplateKind): ImportTemplate {
  switch (kind) {
    case 'indicator-values':
      return indicatorValuesTemplate();
    case 'roadmap':
      return roadmapTemplate();
    case 'schools':
      return schoolsTemplate();
    case 'assessments':
    case 'contexts':
      return dataTemplate(kind);
  }
}

/** The download address of a template (linked from each import page). */
export const templateHref = (kind: TemplateKind) => `/api/v1/templates/${kind}`;
