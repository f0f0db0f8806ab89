'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useState } from 'react';
import { Field, formKey, FormStatus, Select, SubmitButton, TextInput } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

type Option = { value: string; label: string };
type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export interface ReportChoices {
  kinds: (Option & { about: 'organisation' | 'roadmap' })[];
  organisations: Option[];
  roadmaps: Option[];
  years: Option[];
  formats: Option[];
  defaultYear: string;
}

/** Choose the kind, its subject, the year and the format; the job is queued and its progress shows in the list. */
export function ReportRequestForm({ action, choices }: { action: Action; choices: ReportChoices }) {
  const [state, formAction] = useActionState(action, IDLE);
  const [kind, setKind] = useState(choices.kinds[0]?.value ?? '');
  const router = useRouter();
  const about = choices.kinds.find((k) => k.value === kind)?.about ?? 'organisation';
  useEffect(() => {
    if (state.status === 'success') router.refresh();
  }, [state, router]);
  return (
    <form key={formKey(state)} action={formAction} className="space-y-4 rounded border border-slate-200 bg-white p-4" noValidate>
      <h2 className="text-lg font-semibold">Сформировать отчёт</h2>
      <FormStatus state={state} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field name="kind" label="Вид отчёта" state={state}>
          <Select name="kind" state={state} options={choices.kinds} defaultValue={kind} onChange={(event) => setKind(event.target.value)} />
        </Field>
        {about === 'organisation' ? (
          <>
            <Field name="organisationId" label="Регион или муниципалитет" state={state}>
              <Select name="organisationId" state={state} options={choices.organisations} defaultValue={choices.organisations[0]?.value} />
            </Field>
            <Field name="year" label="Год" state={state}>
              <Select name="year" state={state} options={choices.years} defaultValue={choices.defaultYear} />
            </Field>
          </>
        ) : (
          <Field name="roadmapId" label="Дорожная карта" state={state}>
            <Select name="roadmapId" state={state} options={choices.roadmaps} placeholder="— выберите —" />
          </Field>
        )}
        <Field name="format" label="Формат" state={state}>
          <Select name="format" state={state} options={choices.formats} defaultValue={choices.formats[0]?.value} />
        </Field>
        <Field name="onDate" label="Сроки мероприятий оценить на" state={state} hint="Пусто — конец года (или сегодня, если год не закончился)">
          <TextInput name="onDate" type="date" state={state} />
        </Field>
      </div>
      <SubmitButton>Сформировать</SubmitButton>
    </form>
  );
}
