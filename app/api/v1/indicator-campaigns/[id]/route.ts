import { apiRoute } from '@/lib/api/route';
import { readJsonBody } from '@/lib/api/body';
import { changeCampaignStatus, getCampaign } from '@/lib/indicators/campaigns/queries';
import { campaignStatusSchema } from '@/lib/indicators/campaigns/schemas';
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

/** Open, close or reopen, with the version read (stale — 409). */
export const PATCH = apiRoute<{ id: string }>(async (request, { actor, params }) => {
  const body = (await readJsonBody(request)) as Record<string, unknown>;
  return changeCampaignStatus(actor, parseInput(campaignStatusSchema, { ...body, id: params.id }));
});
