import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/PageHeader';
import { requireActor } from '@/lib/auth/session';
import { requireRight } from '@/lib/page-guard';
import { decisionFormOptions } from '@/lib/reports/decisions/queries';
import { createDecisionAction } from '../actions';
import { DecisionForm } from '../DecisionForm';

export const metadata: Metadata = { title: 'Новое управленческое решение' };

export default async function NewDecisionPage() {
  const actor = await requireActor();
  requireRight(actor, 'report.export');
  const choices = await decisionFormOptions(actor);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <PageHeader
        title="Новое управленческое решение"
        crumbs={[{ label: 'Главная', href: '/' }, { label: 'Отчёты', href: '/reports' }, { label: 'Управленческие решения', href: '/reports/decisions' }, { label: 'Новое' }]}
      />
      <DecisionForm
        action={createDecisionAction}
        choices={choices}
        values={{ organisationId: choices.organisations[0]?.value ?? '', decidedOn: today, title: '', document: '', responsible: '', dueDate: '', finding: '', findingSchoolId: '', concernedIds: [], itemIds: [] }}
      />
    </>
  );
}
