import 'server-only';
import { ROLES } from '@/db/schema/users';
import { type Actor, ROLE_LABELS } from '@/lib/auth/actor';
import { listOrganisations } from '@/lib/organisations/queries';
import { KIND_LABELS } from '@/lib/organisations/schemas';

/** Choices for the user form: every role, and the organisations the actor may bind users to. */
export async function userFormOptions(actor: Actor) {
  const organisations = await listOrganisations(actor, {});
  return {
    roles: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
    organisations: organisations.map((o) => ({ value: o.id, label: `${o.shortName ?? o.name} (${KIND_LABELS[o.kind]})` })),
  };
}
