'use client';

import { useActionState } from 'react';
import { Field, formKey, FormStatus, TextArea } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;
type Step = 'submit' | 'approve' | 'return' | 'unlock';

const BUTTONS: Record<Step, string> = {
  submit: 'Представить на утверждение',
  approve: 'Утвердить и заблокировать',
  return: 'Вернуть на доработку',
  unlock: 'Разблокировать',
};

/** The period's approval: the buttons the state and the actor's level allow; a return or unlock needs the comment. */
export function ApprovalPanel({ action, organisationId, year, quarter = 0, version, steps }: { action: Action; organisationId: string; year: number; quarter?: number; version: number | null; steps: Step[] }) {
  const [state, formAction] = useActionState(action, IDLE);
  if (steps.length === 0) return null;
  return (
    <form key={formKey(state)} action={formAction} className="space-y-3" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="quarter" value={quarter} />
      {version !== null && <input type="hidden" name="version" value={version} />}
      <Field name="comment" label="Комментарий" state={state} hint="Обязателен при возврате на доработку и при разблокировке (причина).">
        <TextArea name="comment" state={state} rows={2} />
      </Field>
      <div className="flex flex-wrap gap-2">
        {steps.map((step) => (
          <button
            key={step}
            type="submit"
            name="action"
            value={step}
            className={step === 'return' || step === 'unlock' ? 'rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium' : 'rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700'}
          >
            {BUTTONS[step]}
          </button>
        ))}
      </div>
    </form>
  );
}
