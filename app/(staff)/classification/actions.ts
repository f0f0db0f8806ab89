'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/actions';
import { createRun, publishRun } from '@/lib/classification/queries';
import { createRunSchema } from '@/lib/classification/schemas';
import { publishedRunTags, revalidatePublic } from '@/lib/public/cache';

export const runClassificationAction = formAction(createRunSchema, async (input, actor) => {
  const run = await createRun(actor, input);
  revalidatePath('/classification');
  // `created` asks the page for the confirmation of what the run did.
  redirect(`/classification?run=${run.id}&created=1`);
});

export const publishRunAction = formAction(z.object({ id: z.string().uuid() }), async (input, actor) => {
  await publishRun(actor, input.id);
  revalidatePath('/classification');
  // Published results are public: every public page shows them on its next view.
  await revalidatePublic(publishedRunTags());
  return 'Расчёт опубликован: его результаты видны на открытых страницах.';
});
