import { apiRoute } from '@/lib/api/route';
import { readJsonBody } from '@/lib/api/body';
import { changeCampaignStatus, getCampaign, setCampaignDueDate } from '@/lib/indicators/campaigns/queries';
import { campaignDueDateSchema, campaignStatusSchema } from '@/lib/indicators/campaigns/schemas';
import { parseInput } from '@/lib/validation';

/** The campaign with the completeness of every asked organisation and the reporting rate. */
export const GET = apiRoute<{ id: string }>(async (_request, { actor, params }) => {
  const d = await getCampaign(actor, params.id);
  return {
    campaign: d.campaign,
    askingName: d.askingName,
    indicators: d.indicators,
    rate: d.rate,
    organisations: d.rows.map((r) => ({
      id: r.organisation.id,
      name: r.organisation.shortName ?? r.organisation.name,
      ...r.completeness,
      valuesEntered: r.valuesEntered,
      indicatorCount: r.indicatorCount,
      submittedAt: r.submittedAt,
      lastReminderAt: r.lastReminderAt,
    })),
  };
});

/** Open, close or reopen (`action`), or move the due date (`dueDate`), with the version read (stale — 409). */
export const PATCH = apiRoute<{ id: string }>(async (request, { actor, params }) => {
  const raw = await readJsonBody(request);
  const body = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  if ('dueDate' in body) return setCampaignDueDate(actor, parseInput(campaignDueDateSchema, { ...body, id: params.id }));
  return changeCampaignStatus(actor, parseInput(campaignStatusSchema, { ...body, id: params.id }));
});
