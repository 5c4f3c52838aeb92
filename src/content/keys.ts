import type { KeyCombo, Settings } from '../core/settings.js';

/**
 * Keyboard stepping through the names on the page. The same combination is registered as a
 * browser command (manifest `commands`, which the reader can re-bind in the browser's
 * shortcut settings) and handled in the page when the browser leaves it to the page; the
 * in-page keys are the reader's to change on the options page.
 */

export type StepDirection = 'next' | 'previous';

export function stepFor(event: KeyboardEvent, keys: Settings['stepKeys']): StepDirection | null {
  for (const direction of ['next', 'previous'] as const) {
    const combo: KeyCombo = keys[direction];
    if (
      event.code === combo.code &&
      event.altKey === combo.alt &&
      event.shiftKey === combo.shift &&
      event.ctrlKey === combo.ctrl &&
      !event.metaKey
    ) {
      return direction;
    }
  }
  return null;
}

/** True when the key went to something the reader types into: we never take those keys. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLElement && target.isContentEditable;
}
