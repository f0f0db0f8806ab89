'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formAction } from '@/lib/actions';
import { AppError } from '@/lib/errors';
import { entryCells, entryFormSchema, onGridRows } from '@/lib/indicators/entry-form';
import { matrixCells, onMatrixCells } from '@/lib/indicators/matrix-form';
import { approvalAction, createIndicator, saveValues, setTarget, updateIndicator } from '@/lib/indicators/queries';
import { approvalActionSchema, createIndicatorSchema, targetSchema, updateIndicatorSchema, year } from '@/lib/indicators/schemas';
import { z } from 'zod';
import { pluralize } from '@/lib/format/ru';
import { approvalTags, revalidatePublic } from '@/lib/public/cache';
import { evidenceUploadsFromForm } from '@/lib/roadmaps/schemas';

/** The catalogue, the scorecard and every indicator page read the same rows: a write refreshes the section. */
function refresh() {
  revalidatePath('/indicators', 'layout');
}

export const createIndicatorAction = formAction(createIndicatorSchema, async (input, actor) => {
  const created = await createIndicator(actor, input);
  refresh();
  redirect(`/indicators/${created.id}`);
});

export const updateIndicatorAction = formAction(updateIndicatorSchema, async (input, actor) => {
  await updateIndicator(actor, input);
  refresh();
  return 'Изменения сохранены.';
});

export const setTargetAction = formAction(targetSchema, async (input, actor) => {
  const saved = await setTarget(actor, input);
  refresh();
  return saved.kind === 'baseline' ? `Базовое значение ${saved.year} года сохранено.` : `Целевое значение ${saved.year} года сохранено.`;
});

/** The entry grid: the filled rows are saved together, all or nothing; each bad cell's message comes back on its row. */
export const saveEntryAction = formAction(entryFormSchema, async (input, actor) => {
  const { cells, rows } = entryCells(input);
  if (cells.length === 0) throw new AppError('validation', 'Нет значений для сохранения: заполните хотя бы одну строку.');
  // Files are read here (zod parses synchronously); the domain checks their type and size, as for report evidence.
  const values = await Promise.all(cells.map(async ({ file, ...cell }) => (file ? { ...cell, file: (await evidenceUploadsFromForm(file))[0] } : cell)));
  try {
    await saveValues(actor, { values });
  } catch (error) {
    throw onGridRows(error, rows);
  }
  refresh();
  return `Сохранено: ${pluralize(cells.length, ['значение', 'значения', 'значений'])}.`;
});

/**
 * The organisations × indicators grid (or one organisation × indicators × years): the changed cells are saved
 * together, all or nothing, through the same write path (versions, period locks, audit); every bad cell's message
 * comes back on that cell.
 */
export const saveMatrixAction = formAction(z.looseObject({ year: year(), quarter: z.coerce.number().int().min(0).max(4).default(0) }), async (input, actor) => {
  const { cells, names, erased } = matrixCells(input, input.year, input.quarter);
  if (cells.length === 0) throw new AppError('validation', 'Нет изменений: измените хотя бы одну ячейку.');
  try {
    await saveValues(actor, { values: cells });
  } catch (error) {
    throw onMatrixCells(error, names, erased);
  }
  refresh();
  return `Сохранено: ${pluralize(cells.length, ['значение', 'значения', 'значений'])}.`;
});

const DONE = { submit: 'Значения представлены на утверждение.', approve: 'Значения утверждены и заблокированы.', return: 'Значения возвращены на доработку.', unlock: 'Период разблокирован.' } as const;

export const approvalFormAction = formAction(approvalActionSchema, async (input, actor) => {
  await approvalAction(actor, input);
  // Approved values are public: the organisation's public page shows the change on its next view.
  await revalidatePublic(approvalTags(input.organisationId));
  refresh();
  return DONE[input.action];
});
