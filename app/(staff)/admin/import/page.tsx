import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/PageHeader';
import { ImportWizard } from '@/components/ui/ImportWizard';
import { requireActor } from '@/lib/auth/session';
import { requireRight } from '@/lib/page-guard';
import { templateHref } from '@/lib/templates';
import { IMPORT_FIELD_LABELS, REQUIRED_IMPORT_FIELDS, SCHOOL_IMPORT_FIELDS } from '@/lib/schools/import/fields';

export const metadata: Metadata = { title: 'Импорт справочника школ' };

const FIELDS = SCHOOL_IMPORT_FIELDS.map((key) => ({ key, label: IMPORT_FIELD_LABELS[key], required: REQUIRED_IMPORT_FIELDS.includes(key) }));

const COUNTS = [
  { key: 'create', label: 'Будет создано школ' },
  { key: 'update', label: 'Будет обновлено' },
  { key: 'unchanged', label: 'Без изменений' },
  { key: 'newMunicipalities', label: 'Новых муниципалитетов' },
  { key: 'newRegions', label: 'Новых регионов' },
];

const SAMPLE_COLUMNS = [
  { key: 'rowNumber', header: 'Строка' },
  { key: 'action', header: 'Действие' },
  { key: 'name', header: 'Школа' },
  { key: 'municipality', header: 'Муниципалитет' },
  { key: 'changes', header: 'Изменения' },
];

export default async function ImportPage() {
  const actor = await requireActor();
  requireRight(actor, 'school.import');
  return (
    <>
      <PageHeader
        title="Импорт справочника школ"
        crumbs={[{ label: 'Главная', href: '/' }, { label: 'Администрирование', href: '/admin' }, { label: 'Импорт справочника школ' }]}
      >
        <p>
          Загрузите CSV или XLSX, проверьте сопоставление столбцов и предпросмотр. Школы сопоставляются по ОГРН: повторный импорт
          обновляет записи и не создаёт дублей. Если хотя бы одна строка содержит ошибку, ничего не записывается.
        </p>
      </PageHeader>
      <ImportWizard
        endpoint="/api/v1/schools/import"
        fileLabel="Файл справочника (CSV, XLSX, до 10 МБ)"
        fields={FIELDS}
        counts={COUNTS}
        sampleColumns={SAMPLE_COLUMNS}
        valueLabels={{ action: { create: 'создание', update: 'обновление' } }}
        templateHref={templateHref('schools')}
      />
    </>
  );
}
