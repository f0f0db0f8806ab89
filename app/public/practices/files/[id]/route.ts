import { translateDbError } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors';
import { fileResponse } from '@/lib/export';
import { openPracticeAttachment } from '@/lib/practices/queries';

/** An attachment of a published practice, for everyone (no login). Always a download with safe headers. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = await context.params;
    return fileResponse(await openPracticeAttachment(null, id));
  } catch (caught) {
    const error = translateDbError(caught);
    const known = error instanceof AppError ? error : new AppError('internal');
    if (!(error instanceof AppError)) console.error('[practice file]', caught);
    return Response.json(known.toJSON(), { status: known.status });
  }
}
