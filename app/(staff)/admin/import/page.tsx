import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/PageHeader';
import { requireActor } from '@/lib/auth/session';
import { requireRight } from '@/lib/page-guard';
import { SchoolImportWizard } from './SchoolImportWizard';

export const metadata: Metadata = { title: 'Импорт справочника школ' };

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
      <SchoolImportWizard />
    </>
  );
}
