/**
 * Demo indicators: the 17 «Планируемые результаты к 2022 году» of seed 001 with their sources and 2022 targets,
 * attached to the demo road map from seed 001. Four are computed from the portal's data (#1, #2 «программа
 * минимум», #8, #11); the others are entered by the two demo municipalities for 2020–2022 (fictional figures),
 * 2020–2021 approved and locked, 2022 submitted by Берёзовский район. #12 is linked to done road-map items while
 * its value barely moves (the «Мероприятия выполняются, а показатель не меняется» warning); #9 reaches its target
 * while its linked items lag (the reverse). Written through the domain's write core; idempotent.
 */
import { asc, eq } from 'drizzle-orm';
import { indicatorApprovals, indicators, organisations, roadmapItems, roadmaps } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { DemoContext } from '@/lib/demo/seed';
import { BEREZOVSKY_KEY, DEMO_REGION, SVETLOGORSK_KEY } from '@/lib/demo/organisations';
import { organisationScope } from '@/lib/organisations/scope';
import type { IndicatorExpression } from './schemas';
import { createIndicatorIn, linkItemsIn, saveValuesIn, setTargetIn } from './write-core';

interface DemoIndicator {
  no: number;
  name: string;
  source: string;
  target: number;
  expression?: IndicatorExpression;
  /** Baseline 2020 and the values of 2020, 2021, 2022 for Берёзовский район and г. Светлогорск. */
  series?: readonly [readonly [number, number, number], readonly [number, number, number]];
}

/** Seed 001, «Планируемые результаты к 2022 году», as written (tests/fixtures/roadmaps/seed-001-indicators.tsv). */
export const SEED_001_INDICATORS: readonly DemoIndicator[] = [
  { no: 1, name: 'Доля ОО, в которых разработаны и реализуются дорожные карты', source: 'УМЦ', target: 100, expression: { type: 'share_of_schools', set: 'all', where: [{ source: 'roadmap', variable: 'approved', operator: 'is_true' }] } },
  {
    no: 2,
    name: 'Доля ШНОР, реализовавших «программу минимум» по результатам ГИА (ЕГЭ/ ОГЭ)',
    source: 'РИС ГИА',
    target: 100,
    expression: { type: 'share_of_schools', set: 'low_results', where: [{ source: 'results', variable: 'egeBelowMinimum', operator: '=', value: 0 }, { source: 'results', variable: 'ogeMarks2', operator: '=', value: 0 }] },
  },
  { no: 3, name: 'Доля ШНОР, реализовавших «программу максимум» по результатам ГИА (ЕГЭ/ ОГЭ)', source: 'РИС ГИА', target: 25, series: [[5, 10, 15], [0, 10, 20]] },
  { no: 4, name: 'Доля обучающихся с ОВЗ и детей- инвалидов от общего числа обучающихся данной категории из ШНОР, содержание общего образования и условия организации обучения которых определяются адаптированной образовательной программой, а для инвалидов также в соответствии с индивидуальной программой реабилитации инвалида', source: 'БД ОВЗ НСО', target: 100, series: [[70, 85, 96], [80, 90, 100]] },
  { no: 5, name: 'Доля обучающихся с ОВЗ и детей - инвалидов от общего числа обучающихся с ОВЗ и детей-инвалидов из ШНОР, которым предоставлена психолого-педагогическая и социальная помощь', source: 'БД ОВЗ НСО', target: 100, series: [[60, 72, 81], [75, 88, 97]] },
  { no: 6, name: 'Доля обучающихся из ШНОР, испытывающих трудности в освоении основных общеобразовательных программ, развитии и социальной адаптации от общего числа обучающихся данной категории, которым предоставлена психолого-педагогическая и социальная помощь', source: 'БД ОВЗ НСО', target: 90, series: [[55, 70, 84], [60, 75, 92]] },
  { no: 7, name: 'Доля обучающихся из ШНОР, в том числе с ОВЗ и детей-инвалидов, обучающихся с использованием дистанционных образовательных технологий', source: 'БД ОВЗ НСО', target: 50, series: [[10, 25, 35], [20, 40, 55]] },
  { no: 8, name: 'Доля педагогических работников ШНОР в возрасте до 35 лет в общей численности педагогических работников', source: 'ОО-1', target: 20, expression: { type: 'mean_of_schools', set: 'low_results', of: { source: 'context', variable: 'shareTeachersUnder35' } } },
  { no: 9, name: 'Доля педагогических работников ШНОР, прошедших в течение трех последних лет повышение квалификации', source: 'ОО, УМЦ', target: 100, series: [[70, 90, 100], [80, 95, 100]] },
  { no: 10, name: 'Доля обучающихся из ШНОР с применением дистанционных образовательных технологий', source: 'ГБУ ДПО НСО «ОблЦИТ»', target: 10, series: [[2, 5, 9], [3, 7, 12]] },
  { no: 11, name: 'Доля ШНОР, имеющих доступ Интернет не менее 1 Мбит/сек', source: 'УО, ОО', target: 100, expression: { type: 'share_of_schools', set: 'low_results', where: [{ source: 'context', variable: 'internetMbps', operator: '>=', value: 1 }] } },
  { no: 12, name: 'Доля ШНОР, педагогические работники которых участвуют в региональных педагогических сообществах и районных методических объединениях', source: 'УМЦ', target: 50, series: [[30, 31, 31], [30, 32, 33]] },
  { no: 13, name: 'Доля ШНОР, в которых изучение предметов «Технология», «Химия», «Физика», «Биология» и других предметных областей осуществляется на базе технологичных организаций, в т.ч. «Точка роста» и детских технопарков «Кванториум»', source: 'УО, ОО', target: 20, series: [[0, 10, 20], [0, 5, 10]] },
  { no: 14, name: 'Доля ШНОР, в которых создана материально-техническая база для реализации основных и дополнительных общеобразовательных программ цифрового, естественнонаучного и гуманитарного профилей', source: 'УО ОО', target: 0, series: [[0, 0, 0], [0, 0, 0]] },
  { no: 15, name: 'Доля ШНОР, в которых проведена оценка качества общего образования на основе практики международных исследований качества подготовки обучающихся', source: 'УМЦ, ОО', target: 100, series: [[40, 70, 100], [50, 60, 70]] },
  { no: 16, name: 'Доля ШНОР, в которых обеспечено вовлечение общественно-деловых объединений и участие представителей работодателей в принятии решений по вопросам управления развитием', source: 'УО, ОО', target: 100, series: [[20, 50, 85], [30, 60, 90]] },
  { no: 17, name: 'Доля ШНОР, которые реализуют образовательные программы в сетевой форме', source: 'УМЦ, ОО', target: 20, series: [[5, 10, 18], [0, 10, 25]] },
];

const YEARS = [2020, 2021, 2022] as const;
export const demoIndicatorKey = (no: number, keyPrefix = 'demo') => `${keyPrefix}-seed-001-indicator-${no}`;

export interface DemoIndicatorOptions {
  /** Namespace of the external keys («demo»), the same as the road maps'; tests seed into their own. */
  keyPrefix?: string;
}

/** Seeds the demo indicators once (skipped when #1 exists). Returns the records created. */
export async function seedDemoIndicators({ tx, organisationIds }: DemoContext, options: DemoIndicatorOptions = {}): Promise<number> {
  const keyPrefix = options.keyPrefix ?? 'demo';
  const regionId = organisationIds.get(DEMO_REGION.key);
  const municipalityIds = [organisationIds.get(BEREZOVSKY_KEY), organisationIds.get(SVETLOGORSK_KEY)];
  if (!regionId || municipalityIds.some((id) => !id)) return 0;
  const [exists] = await tx.select({ id: indicators.id }).from(indicators).where(eq(indicators.externalKey, demoIndicatorKey(1, keyPrefix)));
  if (exists) return 0;
  const [roadmap] = await tx.select().from(roadmaps).where(eq(roadmaps.externalKey, `${keyPrefix}-seed-001-roadmap`));
  const items = roadmap
    ? await tx.select({ id: roadmapItems.id, status: roadmapItems.status }).from(roadmapItems).where(eq(roadmapItems.roadmapId, roadmap.id)).orderBy(asc(roadmapItems.position))
    : [];
  let created = 0;
  const values: { indicatorId: string; organisationId: string; year: number; value: number }[] = [];
  for (const d of SEED_001_INDICATORS) {
    const indicator = await createIndicatorIn(
      tx,
      null,
      {
        code: String(d.no),
        name: d.name,
        unit: 'percent',
        direction: 'higher',
        source: d.source,
        level: d.expression ? 'school' : 'municipality',
        kind: d.expression ? 'computed' : 'entered',
        expression: d.expression ?? null,
        roadmapId: roadmap?.id ?? null,
        status: 'active',
        method: d.expression ? 'Вычисляется порталом по данным классификации, контекста и дорожных карт школ.' : 'Вводит муниципалитет по данным источника.',
        outlierJump: d.expression ? null : 30,
      },
      { regionId, ownerOrganisationId: regionId, externalKey: demoIndicatorKey(d.no, keyPrefix) },
    );
    await setTargetIn(tx, null, { indicatorId: indicator.id, kind: 'target', year: 2022, value: d.target });
    created += 2;
    if (d.series) {
      await setTargetIn(tx, null, { indicatorId: indicator.id, kind: 'baseline', year: 2020, value: Math.min(d.series[0][0], d.series[1][0]) });
      created += 1;
      d.series.forEach((series, m) => series.forEach((value, y) => values.push({ indicatorId: indicator.id, organisationId: municipalityIds[m]!, year: YEARS[y]!, value })));
    }
    // #12: linked to done items (the warning); #9: to items not done (the reverse).
    if (items.length > 0 && (d.no === 12 || d.no === 9)) {
      const wanted = items.filter((i) => (d.no === 12 ? i.status === 'done' : i.status !== 'done' && i.status !== 'cancelled')).slice(0, 4);
      await linkItemsIn(tx, null, indicator.id, wanted.map((i) => i.id));
    }
  }
  const { saved } = await saveValuesIn(tx, null, { values }, 'Демонстрационные данные');
  created += saved.length;
  for (const organisationId of municipalityIds as string[]) {
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
    const scope = organisationScope(org!);
    for (const year of YEARS) {
      const state = year < 2022 ? 'approved' : organisationId === municipalityIds[0] ? 'submitted' : 'open';
      const now = new Date();
      const [row] = await tx
        .insert(indicatorApprovals)
        .values({ organisationId, regionId: scope.regionId, municipalityId: scope.municipalityId, schoolId: null, year, state, submittedAt: state === 'open' ? null : now, decidedAt: state === 'approved' ? now : null, lockedAt: state === 'approved' ? now : null })
        .onConflictDoNothing()
        .returning();
      if (row) {
        await recordAudit(tx, null, { action: 'create', entityType: 'indicator_approval', entityId: row.id, scope, after: { year, state } });
        created += 1;
      }
    }
  }
  return created;
}
