import type { Metadata } from 'next';
import { HistoryPanel } from '@/components/history/HistoryPanel';
import { PageHeader } from '@/components/shell/PageHeader';
import { requireActor } from '@/lib/auth/session';
import { orNotFound, pageParams, requireRight } from '@/lib/page-guard';
import { decisionFormOptions, decisionHistory, getDecision } from '@/lib/reports/decisions/queries';
import { DECISION_FIELD_LABELS } from '@/lib/reports/decisions/schemas';
import { deleteDecisionAction, updateDecisionAction } from '../../actions';
import { DecisionForm, DeleteDecisionForm } from '../../DecisionForm';

export const metadata: Metadata = { title: 'Управленческое решение' };

export default async function EditDecisionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const actor = await requireActor();
  requireRight(actor, 'report.export');
  const { id } = await pageParams(params);
  const decision = await orNotFound(getDecision(actor, id));
  const [choices, history, query] = await Promise.all([decisionFormOptions(actor), decisionHistory(actor, id), searchParams]);
  // A decision recorded by the region about a place the form no longer offers still shows its own organisation.
  const organisations = choices.organisations.some((o) => o.value === decision.organisationId)
    ? choices.organisations
    : [{ value: decision.organisationId, label: decision.organisationName }, ...choices.organisations];
  return (
    <>
      <PageHeader
        title="Управленческое решение"
        crumbs={[{ label: 'Главная', href: '/' }, { label: 'Отчёты', href: '/reports' }, { label: 'Управленческие решения', href: '/reports/decisions' }, { label: 'Решение' }]}
      >
        {query.saved && <p role="status">Решение записано.</p>}
      </PageHeader>
      <div className="space-y-6">
        <DecisionForm
          action={updateDecisionAction}
          choices={{ ...choices, organisations }}
          values={{
            id: decision.id,
            version: decision.version,
            organisationId: decision.organisationId,
            decidedOn: decision.decidedOn,
            title: decision.title,
            document: decision.document,
            responsible: decision.responsible,
            dueDate: decision.dueDate ?? '',
            finding: decision.finding,
            findingSchoolId: decision.findingSchoolId ?? '',
            concernedIds: decision.concerned.map((c) => c.id),
            itemIds: decision.items.map((i) => i.id),
          }}
        />
        <DeleteDecisionForm action={deleteDecisionAction} id={decision.id} version={decision.version} />
        <HistoryPanel rows={history} fieldLabels={DECISION_FIELD_LABELS} />
      </div>
    </>
  );
}
