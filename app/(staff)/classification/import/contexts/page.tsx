import type { Metadata } from 'next';
import { DataImportPage } from '@/components/classification/DataImportPage';
import { requireActor } from '@/lib/auth/session';
import { requireRight } from '@/lib/page-guard';

export const metadata: Metadata = { title: 'Импорт социальных данных школ' };

export default async function Page() {
  const actor = await requireActor();
  requireRight(actor, 'classification.run');
  return <DataImportPage kind="contexts" />;
}
