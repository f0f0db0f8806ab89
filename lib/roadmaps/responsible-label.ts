/**
 * The one rendering of an item's responsibles for the screen, the print page and the export: the recognised
 * organisations by name (the name as written when not recognised), in the written order; the raw text only when
 * nothing was split out of it. Pure.
 */
import type { ItemView } from './views';

export const RESPONSIBLE_SEPARATOR = '; ';

export function responsibleNames(item: Pick<ItemView, 'responsibles' | 'responsibleText'>): string[] {
  const names = item.responsibles.map((r) => r.organisationName ?? r.name);
  return names.length > 0 ? [...new Set(names)] : item.responsibleText.trim() ? [item.responsibleText.trim()] : [];
}

/** «МКУ «УМЦ Берёзовского района»; Администрация Берёзовского района». */
export function responsibleLabel(item: Pick<ItemView, 'responsibles' | 'responsibleText'>): string {
  return responsibleNames(item).join(RESPONSIBLE_SEPARATOR);
}
