'use client';

import { useActionState, useState } from 'react';
import { Field, formKey, FormStatus, SubmitButton, TextArea, TextInput } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';
import { EVIDENCE_LIMIT_TEXT, evidenceTotalProblem } from '@/lib/roadmaps/evidence-limits';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

const ACCEPT = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png,.txt';

/** Field errors keyed by this form's element ids: «text» is «report-text» here, «links.2» is «links». */
function remapErrors(state: ActionState): ActionState {
  if (state.status !== 'error') return state;
  const fieldErrors: Record<string, string> = {};
  for (const [key, message] of Object.entries(state.fieldErrors)) {
    const field = key === 'text' ? 'report-text' : key.split('.')[0] ?? key;
    fieldErrors[field] ??= message;
  }
  return { ...state, fieldErrors };
}

/** A progress report: date, what was done, links (one per line) and files as evidence. */
export function ReportForm({ action, itemId, today }: { action: Action; itemId: string; today: string }) {
  const [raw, formAction] = useActionState(action, IDLE);
  // Files over the limit are refused here, before sending (the server refuses them too, with the same message).
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const checked = remapErrors(raw);
  const state: ActionState = tooLarge ? { status: 'error', code: 'payload_too_large', message: tooLarge, fieldErrors: { files: tooLarge }, values: {} } : checked;
  const checkFiles = (input: HTMLInputElement) =>
    setTooLarge(evidenceTotalProblem([...(input.files ?? [])].reduce((sum, file) => sum + file.size, 0)));
  return (
    <form
      key={formKey(raw)}
      action={formAction}
      className="space-y-3"
      noValidate
      onSubmit={(event) => {
        if (tooLarge) event.preventDefault();
      }}
    >
      <FormStatus state={state} />
      <input type="hidden" name="itemId" value={itemId} />
      <Field name="reportedOn" label="Дата" state={state}>
        <TextInput name="reportedOn" type="date" state={state} defaultValue={today} required />
      </Field>
      <Field name="report-text" label="Что сделано" state={state}>
        <TextArea name="text" id="report-text" state={raw} required />
      </Field>
      <Field name="links" label="Ссылки (по одной в строке)" state={state} hint="Адреса начинаются с http:// или https://">
        <TextArea name="links" state={state} rows={2} />
      </Field>
      <Field name="files" label="Файлы" state={state} hint={`PDF, DOCX, XLSX, JPG, PNG или TXT, не больше 10 файлов, ${EVIDENCE_LIMIT_TEXT}`}>
        <input id="files" name="files" type="file" multiple accept={ACCEPT} className="mt-1 block w-full text-sm" onChange={(event) => checkFiles(event.currentTarget)} />
      </Field>
      <SubmitButton>Добавить отчёт</SubmitButton>
    </form>
  );
}
