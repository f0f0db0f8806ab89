import { apiRoute } from '@/lib/api/route';
import { readJsonBody } from '@/lib/api/body';
import { createCampaign, listCampaigns } from '@/lib/indicators/campaigns/queries';
import { campaignListFilterSchema, createCampaignSchema } from '@/lib/indicators/campaigns/schemas';
import { queryObject } from '@/lib/roadmaps/api-request';
import { parseInput } from '@/lib/validation';

/** Campaigns the caller reads, each with its reporting rate; filter: status. */
export const GET = apiRoute(async (request, { actor }) =>
  (await listCampaigns(actor, parseInput(campaignListFilterSchema, queryObject(request)))).map(({ campaign, askingName, rate }) => ({ ...campaign, askingName, rate })),
);

/** A new campaign: the region asks its municipalities, a municipality its schools. */
export const POST = apiRoute(async (request, { actor }) => {
  const created = await createCampaign(actor, parseInput(createCampaignSchema, await readJsonBody(request)));
  return Response.json(created, { status: 201 });
});
