import { NextResponse } from 'next/server';
import { accountSummary } from '@/lib/auth/account';
import { getActor } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

/** Who is signed in, for the header of the cached public pages (no session cookie: «not signed in», no lookup). */
export async function GET() {
  return NextResponse.json(accountSummary(await getActor()), { headers: { 'Cache-Control': 'private, no-store' } });
}
