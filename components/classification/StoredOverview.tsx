/**
 * A school card made of what a compact run stored (its overview), shown when the run's inputs have changed and
 * the full result can no longer be rebuilt: the decisions and the numbers behind them, without sentences.
 */
import type { SchoolOverview } from '@/lib/classification/overview';
import type { RuleId } from '@/lib/classification/types';
import { formatNumber } from '@/lib/format/ru';
import { Panel } from '@/components/ui/Panel';
import { DECISION_NAMES } from './labels';
import { RuleExplanations } from './RuleExplanations';
import { CategoryBadge } from './SchoolOutcomePanels';

const term = 'font-medium text-slate-700';

export function StoredOverview({ overview, weights, clusterCount }: { overview: SchoolOverview; weights: Partial<Record<RuleId, number>>; clusterCount: number | null }) {
  const { lowResults, stable, social, unfavourable, cluster } = overview;
  return (
    <>
      <Panel id="category" title="Категория">
        <p data-testid="category">
          <CategoryBadge category={overview.category} />
        </p>
      </Panel>
      <Panel id="decisions" title="Решения расчёта">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className={term}>ШНОР</dt>
          <dd data-testid="shnor-decision">{DECISION_NAMES[lowResults.decision]}</dd>
          <dt className={term}>Сумма весов сработавших правил</dt>
          <dd>
            {formatNumber(lowResults.score)} при пороге {formatNumber(lowResults.threshold)}
            {lowResults.unknownWeight > 0 ? `; без данных — правила с весом ${formatNumber(lowResults.unknownWeight)}` : ''}
          </dd>
          <dt className={term}>Устойчиво низкие результаты</dt>
          <dd>{DECISION_NAMES[stable.decision]}</dd>
          <dt className={term}>ШНСУ</dt>
          <dd data-testid="shnsu-decision">{DECISION_NAMES[unfavourable.decision]}</dd>
          <dt className={term}>Социальный индекс</dt>
          <dd>{social.index === null ? 'недостаточно данных' : `${formatNumber(social.index)} (переменных с данными: ${social.variablesUsed} из ${social.variablesTotal})`}</dd>
          <dt className={term}>Кластер</dt>
          <dd>{cluster === null ? 'не определён' : `${cluster}${clusterCount ? ` из ${clusterCount}` : ''}`}</dd>
        </dl>
      </Panel>
      <Panel id="low-results" title="Правила R1–R5">
        <RuleExplanations rules={overview.rules} weights={weights} />
      </Panel>
    </>
  );
}
