/**
 * Which stored fields and entity types point at other records, so the history can show names (and links)
 * instead of ids. Pure: the loader in `./queries.ts` fetches the names, the history renders them.
 */
export type RefKind = 'organisation' | 'user' | 'roadmap' | 'section' | 'item' | 'methodology' | 'run';

/** Fields of audit snapshots holding the id of another record. */
export const REF_FIELDS: Record<string, RefKind> = {
  ownerOrganisationId: 'organisation',
  organisationId: 'organisation',
  parentId: 'organisation',
  schoolId: 'organisation',
  municipalityId: 'organisation',
  regionId: 'organisation',
  userId: 'user',
  authorId: 'user',
  roadmapId: 'roadmap',
  sectionId: 'section',
  itemId: 'item',
  methodologyId: 'methodology',
  runId: 'run',
};

/** The kind of record an audit entry is about, when it has a name to show. */
export const ENTITY_REF: Record<string, RefKind> = {
  organisation: 'organisation',
  user: 'user',
  roadmap: 'roadmap',
  roadmap_section: 'section',
  roadmap_item: 'item',
  methodology: 'methodology',
  classification_run: 'run',
};

/** A referenced record as the history shows it: its name, and where it lives (null: no page to open). */
export interface RefName {
  name: string;
  href: string | null;
}

/** How an import entry reads: the table it came from (null: pasted text) and how many items the import wrote. */
export interface ImportSource {
  source: string | null;
  count: number;
}
