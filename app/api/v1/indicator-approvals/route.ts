import { apiRoute } from '@/lib/api/route';
import { approvalAction } from '@/lib/indicators/queries';
import { approvalActionSchema } from '@/lib/indicators/schemas';
import { readJsonBody } from '@/lib/api/body';
import { parseInput } from '@/lib/validation';
import { approvalTags, revalidatePublic } from '@/lib/public/cache';

/** Submit, approve, return (with a comment) or unlock (with a reason) an organisation's values of a period. */
export const POST = apiRoute(async (request, { actor }) => {
  const input = parseInput(approvalActionSchema, await readJsonBody(request));
  const approval = await approvalAction(actor, input);
  await revalidatePublic(approvalTags(input.organisationId));
  return approval;
});
