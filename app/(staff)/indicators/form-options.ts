import 'server-only';
import type { Indicator } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { compareRussian } from '@/lib/format/ru';
import { DIRECTION_LABELS, INDICATOR_STATUS_LABELS, KIND_LABELS, LEVEL_LABELS, UNIT_LABELS } from '@/lib/indicators/schemas';
import { QUARTER_RULE_LABELS } from '@/lib/indicators/quarters';
import { listRoadmaps } from '@/lib/roadmaps/queries';
import type { IndicatorFormOptions, IndicatorFormValues } from './IndicatorForm';

const choices = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The choices of the indicator form: labels of the domain, and the region's and municipalities' road maps. */
export async function indicatorFormOptions(actor: Actor): Promise<IndicatorFormOptions> {
  const roadmaps = (await listRoadmaps(actor)).filter((r) => r.level !== 'school');
  return {
    units: choices(UNIT_LABELS),
    directions: choices(DIRECTION_LABELS),
    levels: choices(LEVEL_LABELS),
    kinds: choices(KIND_LABELS),
    periodicities: [
      { value: 'year', label: 'год' },
      { value: 'quarter', label: 'квартал' },
    ],
    quarterRules: choices(QUARTER_RULE_LABELS),
    statuses: choices(INDICATOR_STATUS_LABELS),
    roadmaps: roadmaps.map((r) => ({ value: r.id, label: `${r.title} (${r.ownerName})` })).sort((a, b) => compareRussian(a.label, b.label)),
  };
}

const text = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

export function formValues(indicator: Indicator): IndicatorFormValues {
  return {
    id: indicator.id,
    version: indicator.version,
    code: indicator.code,
    name: indicator.name,
    description: indicator.description,
    method: indicator.method,
    unit: indicator.unit,
    direction: indicator.direction,
    source: indicator.source,
    level: indicator.level,
    kind: indicator.kind,
    periodicity: indicator.periodicity,
    quarterRule: indicator.quarterRule,
    expression: indicator.expression ? JSON.stringify(indicator.expression) : '',
    roadmapId: indicator.roadmapId ?? '',
    status: indicator.status,
    outlierJump: text(indicator.outlierJump),
    minValue: text(indicator.minValue),
    maxValue: text(indicator.maxValue),
    closeShare: text(indicator.closeShare),
  };
}

export const EMPTY_VALUES: IndicatorFormValues = {
  code: '',
  name: '',
  description: '',
  method: '',
  unit: 'percent',
  direction: 'higher',
  source: '',
  level: 'school',
  kind: 'entered',
  periodicity: 'year',
  quarterRule: 'last',
  expression: '',
  roadmapId: '',
  status: 'draft',
  outlierJump: '',
  minValue: '',
  maxValue: '',
  closeShare: '',
};
