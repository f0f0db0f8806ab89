import { readJsonBody } from '@/lib/api/body';
import { apiRoute } from '@/lib/api/route';
import { archivePractice, assignExpert, decidePractice, publishPractice, submitPractice } from '@/lib/practices/queries';
import { workflowSchema } from '@/lib/practices/schemas';
import { parseInput } from '@/lib/validation';

/** One workflow step: submit, assign an expert, accept/return/reject, publish or archive. */
export const POST = apiRoute<{ id: string }>(async (request, { actor, params }) => {
  const step = parseInput(workflowSchema, await readJsonBody(request));
  const id = params.id;
  switch (step.action) {
    case 'submit':
      return submitPractice(actor, { id, version: step.version });
    case 'assign':
      return assignExpert(actor, { id, version: step.version, expertId: step.expertId });
    case 'publish':
      return publishPractice(actor, { id, version: step.version });
    case 'archive':
      return archivePractice(actor, { id, version: step.version });
    default:
      return decidePractice(actor, { id, version: step.version, kind: step.action, comment: step.comment, evidenceLevel: step.evidenceLevel, evidenceReason: step.evidenceReason });
  }
});
