'use client';

import { useActionState } from 'react';
import { FormStatus, SubmitButton } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

/** The administrator's «unlock» of an account whose sign-in is locked or slowed down after failed attempts. */
export function UnlockSignIn({
  action,
  id,
  lockedUntil,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  id: string;
  lockedUntil: string | null;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  if (!lockedUntil && state.status !== 'success') return null;
  return (
    <form action={formAction} className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
      <FormStatus state={state} />
      {lockedUntil && state.status !== 'success' && (
        <p>Вход ограничен после неудачных попыток до {lockedUntil}.</p>
      )}
      <input type="hidden" name="id" value={id} />
      {state.status !== 'success' && <SubmitButton variant="secondary">Снять блокировку входа</SubmitButton>}
    </form>
  );
}
