import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { organisations } from '@/db/schema';
import { getDb } from '@/lib/db/client';
import { ruOrder } from '@/lib/db/collation';

export interface PublicSchool {
  id: string;
  name: string;
  shortName: string | null;
  address: string | null;
  settlement: 'urban' | 'rural' | null;
  pupils: number | null;
}

export interface PublicMunicipality {
  id: string;
  name: string;
  regionName: string;
  schools: PublicSchool[];
}

/**
 * The public directory for parents: active municipalities and their schools. Only fields that are public by
 * law (name, address, settlement type, size) leave this function; no login is needed.
 */
export async function listPublicDirectory(): Promise<PublicMunicipality[]> {
  const db = getDb();
  const rows = await db
    .select({
      id: organisations.id,
      kind: organisations.kind,
      name: organisations.name,
      shortName: organisations.shortName,
      address: organisations.address,
      settlement: organisations.settlement,
      pupils: organisations.pupils,
      regionId: organisations.regionId,
      municipalityId: organisations.municipalityId,
    })
    .from(organisations)
    .where(and(eq(organisations.isActive, true), inArray(organisations.kind, ['region', 'municipality', 'school'])))
    .orderBy(ruOrder(organisations.name));
  const regionNames = new Map(rows.filter((r) => r.kind === 'region').map((r) => [r.id, r.name]));
  const municipalities = rows
    .filter((r) => r.kind === 'municipality')
    .map((m) => ({ id: m.id, name: m.name, regionName: regionNames.get(m.regionId ?? '') ?? '', schools: [] as PublicSchool[] }));
  const byId = new Map(municipalities.map((m) => [m.id, m]));
  for (const row of rows) {
    if (row.kind !== 'school' || !row.municipalityId) continue;
    byId.get(row.municipalityId)?.schools.push({
      id: row.id,
      name: row.name,
      shortName: row.shortName,
      address: row.address,
      settlement: row.settlement,
      pupils: row.pupils,
    });
  }
  return municipalities.filter((m) => m.schools.length > 0);
}
