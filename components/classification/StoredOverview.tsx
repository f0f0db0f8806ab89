/**
 * A school card made of what a compact run stored (its overview), shown when the run's inputs have changed and
 * the full result can no longer be rebuilt: the decisions and the numbers behind them, without sentences.
 */
import type { SchoolOverview } from '@/lib/classification/overview';
import type { RuleId } from '@/lib/classification/types';
import { Panel } from '@/components/ui/Panel';
import { RuleExplanations } from './RuleExplanations';
import { CategoryBadge, LowResultsSummary } from './SchoolOutcomePanels';
import { SocialPanel } from './SocialPanel';

export function StoredOverview({ overview, weights, clusterCount }: { overview: SchoolOverview; weights: Partial<Record<RuleId, number>>; clusterCount: number | null }) {
  return (
    <>
      <Panel id="category" title="Категория">
        <p data-testid="category">
          <CategoryBadge category={overview.category} />
        </p>
      </Panel>
      <Panel id="low-results" title="Низкие образовательные результаты: правила R1–R5">
        <LowResultsSummary school={overview} />
        <RuleExplanations rules={overview.rules} weights={weights} />
      </Panel>
      <Panel id="social" title="Социальные условия">
        <SocialPanel school={overview} clusterCount={clusterCount} />
      </Panel>
    </>
  );
}
