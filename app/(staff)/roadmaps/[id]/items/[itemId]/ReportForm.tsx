'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
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
  // React resets (or remounts) the form after its action: the chosen files are kept here and put back into the
  // file input after a failed submit, so the user does not have to pick them again; a success forgets them.
  const chosen = useRef<File[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (raw.status === 'success') chosen.current = [];
    if (raw.status !== 'error' || chosen.current.length === 0 || !fileInput.current) return;
    const transfer = new DataTransfer();
    for (const file of chosen.current) transfer.items.add(file);
    fileInput.current.files = transfer.files;
  }, [raw]);
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
      <Field name="links" label="Ссылки (по одной в строке)" state={state} hint="Например, school.ru/otchet или https://school.ru/otchet">
        <TextArea name="links" state={state} rows={2} />
      </Field>
      <Field name="files" label="Файлы" state={state} hint={`PDF, DOCX, XLSX, JPG, PNG или TXT, не больше 10 файлов, ${EVIDENCE_LIMIT_TEXT}`}>
        <input
          ref={fileInput}
          id="files"
          name="files"
          type="file"
          multiple
          accept={ACCEPT}
          className="mt-1 block w-full text-sm"
          onChange={(event) => {
            chosen.current = [...(event.currentTarget.files ?? [])];
            checkFiles(event.currentTarget);
          }}
        />
      </Field>
      <SubmitButton>Добавить отчёт</SubmitButton>
    </form>
  );
}
