/**
 * What the public pages' header shows of a signed-in user (they are cached for everyone, so the browser asks for
 * it after the page loads, from /api/me). Pure: no framework import.
 */
import { type Actor, ROLE_LABELS } from './actor';
import { startPage } from './redirect';

export type AccountSummary =
  | { signedIn: false }
  | { signedIn: true; name: string; role: string; organisation: string; startPath: string };

export function accountSummary(actor: Actor | null): AccountSummary {
  if (!actor) return { signedIn: false };
  return { signedIn: true, name: actor.name, role: ROLE_LABELS[actor.role], organisation: actor.scope.organisationName, startPath: startPage() };
}
