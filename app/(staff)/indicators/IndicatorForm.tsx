'use client';

import { useActionState } from 'react';
import { Field, formKey, FormStatus, Select, SubmitButton, TextArea, TextInput } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

type Option = { value: string; label: string };
type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export interface IndicatorFormValues {
  id?: string;
  version?: number;
  code: string;
  name: string;
  description: string;
  method: string;
  unit: string;
  direction: string;
  source: string;
  level: string;
  kind: string;
  periodicity: string;
  quarterRule: string;
  /** JSON text of the formula of a computed indicator. */
  expression: string;
  roadmapId: string;
  status: string;
  outlierJump: string;
  minValue: string;
  maxValue: string;
  closeShare: string;
}

export interface IndicatorFormOptions {
  units: Option[];
  directions: Option[];
  levels: Option[];
  kinds: Option[];
  periodicities: Option[];
  quarterRules: Option[];
  statuses: Option[];
  roadmaps: Option[];
}

/** Create and edit form of a catalogue indicator; the edit form carries the version it read (409 when stale). */
export function IndicatorForm({ action, values, options }: { action: Action; values: IndicatorFormValues; options: IndicatorFormOptions }) {
  const [state, formAction] = useActionState(action, IDLE);
  const v = (name: keyof IndicatorFormValues) => String(values[name] ?? '');
  return (
    <form key={formKey(state)} action={formAction} className="space-y-4 rounded border border-slate-200 bg-white p-4" noValidate>
      <FormStatus state={state} />
      {values.id && <input type="hidden" name="id" value={values.id} />}
      {values.version !== undefined && <input type="hidden" name="version" value={values.version} />}
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <Field name="code" label="Код" state={state} hint="Например: 11 или 1.3">
          <TextInput name="code" state={state} defaultValue={v('code')} required />
        </Field>
        <Field name="name" label="Наименование" state={state}>
          <TextInput name="name" state={state} defaultValue={v('name')} required />
        </Field>
      </div>
      <Field name="description" label="Описание" state={state}>
        <TextArea name="description" state={state} defaultValue={v('description')} />
      </Field>
      <Field name="method" label="Методика расчёта" state={state}>
        <TextArea name="method" state={state} defaultValue={v('method')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="unit" label="Единица" state={state}>
          <Select name="unit" state={state} options={options.units} defaultValue={v('unit')} />
        </Field>
        <Field name="direction" label="Направление" state={state}>
          <Select name="direction" state={state} options={options.directions} defaultValue={v('direction')} />
        </Field>
        <Field name="source" label="Источник данных" state={state} hint="Как в документе: «РИС ГИА», «00-1», «УМЦ, ОО»">
          <TextInput name="source" state={state} defaultValue={v('source')} />
        </Field>
        <Field name="level" label="Уровень" state={state}>
          <Select name="level" state={state} options={options.levels} defaultValue={v('level')} />
        </Field>
        <Field name="kind" label="Вид" state={state}>
          <Select name="kind" state={state} options={options.kinds} defaultValue={v('kind')} />
        </Field>
        <Field name="periodicity" label="Периодичность" state={state}>
          <Select name="periodicity" state={state} options={options.periodicities} defaultValue={v('periodicity')} />
        </Field>
        <Field name="quarterRule" label="Годовое значение по кварталам" state={state} hint="Для квартальных: как из кварталов получается значение года (сумма — только для количеств и чисел).">
          <Select name="quarterRule" state={state} options={options.quarterRules} defaultValue={v('quarterRule')} />
        </Field>
      </div>
      <Field name="expression" label="Формула вычисляемого показателя (JSON)" state={state} hint='Только для вычисляемого. Например: {"type":"share_of_schools","set":"low_results","where":[{"source":"context","variable":"internetMbps","operator":">=","value":1}]}'>
        <TextArea name="expression" state={state} defaultValue={v('expression')} rows={4} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="roadmapId" label="Дорожная карта" state={state}>
          <Select name="roadmapId" state={state} options={options.roadmaps} placeholder="— не выбрана —" defaultValue={v('roadmapId')} />
        </Field>
        <Field name="status" label="Статус" state={state}>
          <Select name="status" state={state} options={options.statuses} defaultValue={v('status')} />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-4">
        <Field name="minValue" label="Минимум" state={state}>
          <TextInput name="minValue" state={state} defaultValue={v('minValue')} inputMode="decimal" />
        </Field>
        <Field name="maxValue" label="Максимум" state={state}>
          <TextInput name="maxValue" state={state} defaultValue={v('maxValue')} inputMode="decimal" />
        </Field>
        <Field name="outlierJump" label="Допустимый скачок за год" state={state}>
          <TextInput name="outlierJump" state={state} defaultValue={v('outlierJump')} inputMode="decimal" />
        </Field>
        <Field name="closeShare" label="«Близко к цели», доля пути" state={state} hint="От 0,01 до 0,99">
          <TextInput name="closeShare" state={state} defaultValue={v('closeShare')} inputMode="decimal" />
        </Field>
      </div>
      <SubmitButton>{values.id ? 'Сохранить' : 'Создать показатель'}</SubmitButton>
    </form>
  );
}

/** Sets one baseline or target of a year for the whole programme. */
export function TargetForm({ action, indicatorId }: { action: Action; indicatorId: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form key={formKey(state)} action={formAction} className="space-y-3 rounded border border-slate-200 bg-white p-4" noValidate>
      <h2 className="text-lg font-semibold">Базовое или целевое значение</h2>
      <FormStatus state={state} />
      <input type="hidden" name="indicatorId" value={indicatorId} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="kind" label="Вид" state={state}>
          <Select name="kind" state={state} options={[{ value: 'target', label: 'целевое' }, { value: 'baseline', label: 'базовое' }]} defaultValue="target" />
        </Field>
        <Field name="year" label="Год" state={state}>
          <TextInput name="year" state={state} inputMode="numeric" />
        </Field>
        <Field name="value" label="Значение" state={state}>
          <TextInput name="value" state={state} inputMode="decimal" />
        </Field>
      </div>
      <SubmitButton variant="secondary">Сохранить значение</SubmitButton>
    </form>
  );
}
