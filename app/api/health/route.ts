import { NextResponse } from 'next/server';
import { checkDatabase } from '@/lib/db/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const db = await checkDatabase();
  return NextResponse.json({ status: db === 'ok' ? 'ok' : 'degraded', db }, { status: db === 'ok' ? 200 : 503 });
}
