import type { ChecklistItem } from '../../shared/workflow/prePublishChecklist';
import { optionalKey, type Translate } from '../i18n/messageKey';

/** A checklist item in the reporter's language; one the tables do not know (a newer main process) reads as the item's own text. */
export function checklistText(t: Translate, item: Pick<ChecklistItem, 'messageKey' | 'params' | 'text'>): string {
  return t(optionalKey(item.messageKey), { ...item.params, defaultValue: item.text });
}
