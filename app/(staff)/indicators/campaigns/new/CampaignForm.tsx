'use client';

import { useActionState, useState } from 'react';
import { Field, formKey, FormStatus, Select, SubmitButton, TextArea, TextInput } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export interface CampaignFormProps {
  action: Action;
  asking: { id: string; name: string; kind: 'region' | 'municipality' }[];
  indicators: { id: string; code: string; name: string; level: string; periodicity: string }[];
  year: number;
}

/**
 * A new campaign: who asks (the region asks its municipalities, a municipality its schools), the period, the due
 * date and the indicators measured at the asked level. Every asked level's active organisation is asked.
 */
export function CampaignForm({ action, asking, indicators, year }: CampaignFormProps) {
  const [state, formAction] = useActionState(action, IDLE);
  const typed = state.status === 'error' ? state.values : {};
  const [askingId, setAskingId] = useState(typed.askingOrganisationId ?? asking[0]?.id ?? '');
  const levelOf = (id: string) => (asking.find((a) => a.id === id)?.kind === 'municipality' ? 'school' : 'municipality');
  const askedLevel = levelOf(askingId);
  const offered = indicators.filter((i) => i.level === askedLevel);
  // Kept here, outside the form that remounts after a failed submit, so the choice survives an error.
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(offered.map((i) => i.id)));
  const toggle = (id: string, on: boolean) => setChosen((prev) => {
    const next = new Set(prev);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  });
  const indicatorError = state.status === 'error' ? state.fieldErrors.indicatorIds : undefined;
  return (
    <form key={formKey(state)} action={formAction} className="space-y-4 rounded border border-slate-200 bg-white p-4" noValidate>
      <FormStatus state={state} />
      <Field name="askingOrganisationId" label="Кто запрашивает" state={state} hint="Регион запрашивает муниципалитеты, муниципалитет — свои школы.">
        <Select name="askingOrganisationId" state={state} defaultValue={askingId} options={asking.map((a) => ({ value: a.id, label: a.name }))} onChange={(e) => {
            setAskingId(e.target.value);
            setChosen(new Set(indicators.filter((i) => i.level === levelOf(e.target.value)).map((i) => i.id)));
          }} />
      </Field>
      <Field name="title" label="Название" state={state}>
        <TextInput name="title" state={state} defaultValue={`Сбор значений показателей за ${year} год`} required />
      </Field>
      <Field name="description" label="Пояснение для организаций" state={state}>
        <TextArea name="description" state={state} rows={2} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="year" label="Год" state={state}>
          <TextInput name="year" state={state} defaultValue={String(year)} inputMode="numeric" required />
        </Field>
        <Field name="quarter" label="Период" state={state} hint="Квартал — только для показателей, собираемых по кварталам.">
          <Select name="quarter" state={state} defaultValue="0" options={[{ value: '0', label: 'год целиком' }, ...[1, 2, 3, 4].map((q) => ({ value: String(q), label: `${['', 'I', 'II', 'III', 'IV'][q]} квартал` }))]} />
        </Field>
        <Field name="dueDate" label="Срок представления" state={state} hint="дд.мм.гггг">
          <TextInput name="dueDate" type="date" state={state} required />
        </Field>
      </div>
      <fieldset className="text-sm" aria-describedby={indicatorError ? 'indicatorIds-error' : undefined}>
        <legend className="font-medium text-slate-800">Показатели ({askedLevel === 'school' ? 'уровень школы' : 'уровень муниципалитета'})</legend>
        {offered.length === 0 ? (
          <p className="mt-1 text-slate-600">Нет действующих вводимых показателей этого уровня.</p>
        ) : (
          <ul className="mt-2 max-h-80 space-y-1 overflow-y-auto rounded border border-slate-200 p-2">
            {offered.map((i) => (
              <li key={i.id}>
                <label className="flex gap-2">
                  <input type="checkbox" name="indicatorIds" value={i.id} checked={chosen.has(i.id)} onChange={(e) => toggle(i.id, e.target.checked)} />
                  <span>
                    <span className="font-medium">{i.code}.</span> {i.name}
                    {i.periodicity === 'quarter' && <span className="text-slate-600"> (по кварталам)</span>}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {indicatorError && (
          <p id="indicatorIds-error" role="alert" className="mt-1 text-xs font-medium text-red-700">
            {indicatorError}
          </p>
        )}
      </fieldset>
      <fieldset className="text-sm">
        <legend className="font-medium text-slate-800">Состояние</legend>
        <label className="mr-4">
          <input type="radio" name="status" value="open" defaultChecked /> начать сбор сразу
        </label>
        <label>
          <input type="radio" name="status" value="draft" /> сохранить черновик
        </label>
      </fieldset>
      <SubmitButton>Создать кампанию</SubmitButton>
    </form>
  );
}
