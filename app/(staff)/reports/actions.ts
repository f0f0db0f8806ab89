'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/actions';
import { requestReport } from '@/lib/reports/jobs/queries';
import { requestReportSchema } from '@/lib/reports/schemas';

export const requestReportAction = formAction(requestReportSchema, async (input, actor) => {
  const job = await requestReport(actor, input);
  revalidatePath('/reports');
  return `«${job.kindLabel}» поставлен в очередь: ход формирования — в списке ниже.`;
});
