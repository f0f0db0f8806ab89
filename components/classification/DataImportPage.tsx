/** The assessment and context import pages: the portal's import wizard over the classification endpoints. */
import { PageHeader } from '@/components/shell/PageHeader';
import { ImportWizard } from '@/components/ui/ImportWizard';
import { fieldsOf, REQUIRED, type ImportKind } from '@/lib/classification/import/fields';
import { templateHref } from '@/lib/templates';

const TEXT: Record<ImportKind, { title: string; file: string; intro: string }> = {
  assessments: {
    title: 'Импорт результатов оценочных процедур',
    file: 'Файл результатов ЕГЭ, ОГЭ, ВПР (CSV, XLSX, до 10 МБ)',
    intro:
      'Одна строка — школа, год, экзамен, предмет (и класс для ВПР). Школа определяется по ОГРН или по точному наименованию. Названия предметов распознаются в любом привычном написании («Математика П», «математика профиль»). Повторная загрузка обновляет строки и не создаёт дублей; если хотя бы одна строка с ошибкой, ничего не записывается.',
  },
  contexts: {
    title: 'Импорт социальных данных школ',
    file: 'Файл социальных данных (CSV, XLSX, до 10 МБ)',
    intro:
      'Одна строка — школа и год: численность, переход в 10 класс, олимпиады, доли обучающихся с ОВЗ и из малообеспеченных семей, кадры, интернет, специалисты, состояние МТБ. Пустая ячейка не стирает сохранённое значение. Если хотя бы одна строка с ошибкой, ничего не записывается.',
  },
};

const COUNTS = [
  { key: 'create', label: 'Будет добавлено записей' },
  { key: 'update', label: 'Будет обновлено' },
  { key: 'unchanged', label: 'Без изменений' },
];

const SAMPLE_COLUMNS = [
  { key: 'rowNumber', header: 'Строка' },
  { key: 'action', header: 'Действие' },
  { key: 'school', header: 'Школа' },
  { key: 'key', header: 'Запись' },
];

export function DataImportPage({ kind }: { kind: ImportKind }) {
  const text = TEXT[kind];
  const fields = Object.entries(fieldsOf(kind)).map(([key, spec]) => ({ key, label: spec.label, required: REQUIRED[kind].includes(key) }));
  return (
    <>
      <PageHeader
        title={text.title}
        crumbs={[{ label: 'Главная', href: '/' }, { label: 'Классификация школ', href: '/classification' }, { label: text.title }]}
      >
        <p>{text.intro}</p>
      </PageHeader>
      <ImportWizard
        endpoint={`/api/v1/classification/import/${kind}`}
        fileLabel={text.file}
        fields={fields}
        counts={COUNTS}
        sampleColumns={SAMPLE_COLUMNS}
        valueLabels={{ action: { create: 'добавление', update: 'обновление', unchanged: 'без изменений' } }}
        templateHref={templateHref(kind)}
      />
    </>
  );
}
