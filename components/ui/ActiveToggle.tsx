'use client';

import { useActionState } from 'react';
import { FormStatus, SubmitButton } from '@/components/ui/form';
import { type ActionState, IDLE } from '@/lib/action-state';

/** Deactivate / reactivate button for organisations and users (the soft delete). */
export function ActiveToggle({
  action,
  id,
  version,
  active,
  labels,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  id: string;
  version: number;
  active: boolean;
  labels: { deactivate: string; activate: string };
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-2">
      <FormStatus state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="active" value={active ? 'false' : 'true'} />
      <SubmitButton variant={active ? 'danger' : 'secondary'}>{active ? labels.deactivate : labels.activate}</SubmitButton>
    </form>
  );
}
