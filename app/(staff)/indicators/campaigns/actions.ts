'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formAction } from '@/lib/actions';
import { pluralize } from '@/lib/format/ru';
import { changeCampaignStatus, createCampaign, remindLate, setCampaignDueDate } from '@/lib/indicators/campaigns/queries';
import { campaignDueDateSchema, campaignStatusSchema, createCampaignSchema, remindSchema } from '@/lib/indicators/campaigns/schemas';
import { formatDate } from '@/lib/format/ru';
import { REMINDER_INTERVAL_HOURS } from '@/lib/indicators/campaigns/completeness';

function refresh() {
  revalidatePath('/indicators/campaigns', 'layout');
  revalidatePath('/tasks');
}

export const createCampaignAction = formAction(createCampaignSchema, async (input, actor) => {
  const created = await createCampaign(actor, input);
  refresh();
  redirect(`/indicators/campaigns/${created.id}`);
});

const DONE = { open: 'Сбор начат.', close: 'Кампания закрыта.', reopen: 'Кампания открыта снова.' } as const;

export const campaignStatusAction = formAction(campaignStatusSchema, async (input, actor) => {
  await changeCampaignStatus(actor, input);
  refresh();
  return DONE[input.action];
});

const LETTERS = ['письмо', 'письма', 'писем'] as const;

export const remindLateAction = formAction(remindSchema, async (input, actor) => {
  const r = await remindLate(actor, input.id);
  refresh();
  const parts: string[] = [];
  if (r.sent.length > 0) parts.push(`Отправлено ${pluralize(r.sent.length, LETTERS)}: ${[...new Set(r.sent.map((s) => s.organisation))].join(', ')}.`);
  if (r.failed.length > 0) parts.push(`Не отправлено ${pluralize(r.failed.length, LETTERS)} (почтовый сервер не принял): ${[...new Set(r.failed.map((s) => s.organisation))].join(', ')}.`);
  if (r.recentlyReminded.length > 0) parts.push(`Уже напоминали за последние ${REMINDER_INTERVAL_HOURS} часов: ${r.recentlyReminded.join(', ')}.`);
  if (r.withoutRecipients.length > 0) parts.push(`Нет пользователей с адресом электронной почты: ${r.withoutRecipients.join(', ')}.`);
  return parts.length > 0 ? parts.join(' ') : 'Опоздавших нет: напоминать некому.';
});

export const campaignDueDateAction = formAction(campaignDueDateSchema, async (input, actor) => {
  const after = await setCampaignDueDate(actor, input);
  refresh();
  return `Срок перенесён на ${formatDate(after.dueDate)}.`;
});
