import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/PageHeader';
import { ImportWizard } from '@/components/ui/ImportWizard';
import { requireActor } from '@/lib/auth/session';
import { REQUIRED_VALUE_FIELDS, VALUE_FIELD_LABELS, VALUE_IMPORT_FIELDS } from '@/lib/indicators/import/plan';
import { requireRight } from '@/lib/page-guard';
import { templateHref } from '@/lib/templates';

export const metadata: Metadata = { title: 'Импорт значений показателей' };

const FIELDS = VALUE_IMPORT_FIELDS.map((key) => ({ key, label: VALUE_FIELD_LABELS[key], required: REQUIRED_VALUE_FIELDS.includes(key) }));

const COUNTS = [
  { key: 'create', label: 'Будет добавлено значений' },
  { key: 'update', label: 'Будет изменено' },
  { key: 'unchanged', label: 'Без изменений' },
  { key: 'warnings', label: 'Требуют проверки' },
];

const SAMPLE_COLUMNS = [
  { key: 'rowNumber', header: 'Строка' },
  { key: 'action', header: 'Действие' },
  { key: 'organisation', header: 'Организация' },
  { key: 'indicator', header: 'Показатель' },
  { key: 'period', header: 'Период' },
  { key: 'value', header: 'Значение' },
  { key: 'note', header: 'Замечание' },
];

export default async function IndicatorImportPage() {
  const actor = await requireActor();
  requireRight(actor, 'indicator.write');
  return (
    <>
      <PageHeader
        title="Импорт значений показателей"
        crumbs={[{ label: 'Главная', href: '/' }, { label: 'Показатели', href: '/indicators' }, { label: 'Импорт значений' }]}
      >
        <p>
          Одна строка — организация, код показателя, год (и квартал для квартальных показателей) и значение или числитель со
          знаменателем. Проверки те же, что при вводе в таблице: процент от 0 до 100, числитель не больше знаменателя,
          количество — целое число. Повторный импорт того же файла ничего не меняет; значения утверждённых периодов не
          принимаются. Если хотя бы одна строка с ошибкой, ничего не записывается.
        </p>
      </PageHeader>
      <ImportWizard
        endpoint="/api/v1/indicator-values/import"
        fileLabel="Файл значений (CSV, XLSX, до 10 МБ и 50 000 строк)"
        fields={FIELDS}
        counts={COUNTS}
        sampleColumns={SAMPLE_COLUMNS}
        valueLabels={{ action: { create: 'добавление', update: 'изменение', unchanged: 'без изменений' } }}
        templateHref={templateHref('indicator-values')}
      />
    </>
  );
}
