'use client';

import { Field, Select, TextInput } from '@/components/ui/form';
import type { ActionState } from '@/lib/action-state';
import { type DataField, FLAG_OPTIONS, inputValue, SETTLEMENT_OPTIONS } from './data-fields';

/** The inputs of a data form: numbers as text (a decimal comma is fine), flags as «есть / нет / не указано». */
export function DataFieldInputs({ fields, state, values }: { fields: DataField[]; state: ActionState; values: Record<string, number | boolean | string | null | undefined> }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {fields.map((field) => (
        <Field key={field.name} name={field.name} label={field.label} hint={field.hint} state={state}>
          {field.kind === 'number' ? (
            <TextInput name={field.name} state={state} inputMode="decimal" defaultValue={inputValue(values[field.name])} />
          ) : (
            <Select
              name={field.name}
              state={state}
              options={field.kind === 'flag' ? FLAG_OPTIONS : SETTLEMENT_OPTIONS}
              placeholder="Не указано"
              defaultValue={inputValue(values[field.name])}
            />
          )}
        </Field>
      ))}
    </div>
  );
}
