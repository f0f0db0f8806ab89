import type { Metadata } from 'next';
import { RuleExplanations } from '@/components/classification/RuleExplanations';
import {
  CategoryBadge,
  CategoryHistory,
  ExitPanel,
  LowResultsSummary,
  PartnerList,
  RiskProfile,
  SubjectResults,
} from '@/components/classification/SchoolOutcomePanels';
import { SocialPanel } from '@/components/classification/SocialPanel';
import { StoredOverview } from '@/components/classification/StoredOverview';
import { PageHeader } from '@/components/shell/PageHeader';
import { requireActor } from '@/lib/auth/session';
import type { SchoolClassification } from '@/lib/classification/classify';
import type { Methodology } from '@/lib/classification/methodology';
import { getMethodology, getSchoolClassification, listRuns } from '@/lib/classification/queries';
import { orNotFound, pageParams, requireRight } from '@/lib/page-guard';
import { Panel } from '@/components/ui/Panel';

export const metadata: Metadata = { title: 'Классификация: карточка школы' };


export default async function SchoolClassificationPage({ params }: { params: Promise<{ runId: string; schoolId: string }> }) {
  const { runId, schoolId } = await pageParams(params);
  const actor = await requireActor();
  requireRight(actor, 'classification.read');
  const { school, overview, history, inputsUnchanged } = await orNotFound(getSchoolClassification(actor, runId, schoolId));
  const run = (await listRuns(actor)).find((r) => r.id === runId);
  const methodology = run ? await getMethodology(actor, run.methodologyId).catch(() => null) : null;

  return (
    <>
      <PageHeader
        title={overview.name}
        crumbs={[
          { label: 'Главная', href: '/' },
          { label: 'Классификация школ', href: `/classification?run=${runId}` },
          { label: overview.name },
        ]}
      >
        <p>
          Расчёт {overview.year} года
          {run ? `, методика «${run.methodologyName}», версия ${run.methodologyVersion}` : ''}.
        </p>
      </PageHeader>

      {!inputsUnchanged && (
        <p role="note" className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          Исходные данные изменились после расчёта, а подробные пояснения этого расчёта строятся по его исходным данным: ниже —
          сохранённые решения и числа. Чтобы получить пояснения по новым данным, запустите классификацию заново.
        </p>
      )}

      <div className="space-y-6">
        {school ? (
          <FullResult school={school} runId={runId} methodology={methodology?.params ?? null} />
        ) : (
          <StoredOverview overview={overview} weights={methodology?.params.weights ?? {}} clusterCount={methodology?.params.clusters.count ?? null} />
        )}

        <Panel id="history" title="История по годам">
          <CategoryHistory history={history} schoolId={schoolId} currentRunId={runId} />
        </Panel>
      </div>
    </>
  );
}

function FullResult({ school, runId, methodology }: { school: SchoolClassification; runId: string; methodology: Methodology | null }) {
  return (
    <>
      <Panel id="category" title="Категория">
        <p className="flex flex-wrap items-center gap-2" data-testid="category">
          <CategoryBadge category={school.category} />
          <span>{school.categorySentence}</span>
        </p>
      </Panel>

      <Panel id="low-results" title="Низкие образовательные результаты: правила R1–R5">
        <LowResultsSummary school={school} />
        <RuleExplanations rules={school.rules} weights={methodology?.weights ?? {}} />
      </Panel>

      <Panel id="exit" title="Расстояние до выхода из списка ШНОР">
        <ExitPanel school={school} />
      </Panel>

      <Panel id="social" title="Социальные условия">
        <SocialPanel school={school} clusterCount={methodology?.clusters.count ?? null} />
      </Panel>

      <Panel id="results" title="Результаты по предметам">
        <SubjectResults school={school} />
      </Panel>

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel id="risks" title="Профиль рисков (ФИОКО)">
          <RiskProfile school={school} />
        </Panel>
        <Panel id="partners" title="Предлагаемые школы-партнёры">
          <PartnerList school={school} runId={runId} />
        </Panel>
      </div>
    </>
  );
}
