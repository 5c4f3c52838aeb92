/**
 * Keyboard stepping through the names on the page. The same combination is registered as a
 * browser command (manifest `commands`, which the reader can re-bind in the browser's
 * shortcut settings) and handled in the page when the browser leaves it to the page.
 */

export type StepDirection = 'next' | 'previous';

export interface KeyCombo {
  key: string;
  alt: boolean;
  shift: boolean;
  ctrl: boolean;
}

/** Alt+Shift+. and Alt+Shift+, : free in Chrome, Firefox and the common screen readers. */
export const DEFAULT_STEP_KEYS: Record<StepDirection, KeyCombo> = {
  next: { key: 'Period', alt: true, shift: true, ctrl: false },
  previous: { key: 'Comma', alt: true, shift: true, ctrl: false },
};

export function stepFor(event: KeyboardEvent, keys = DEFAULT_STEP_KEYS): StepDirection | null {
  for (const direction of ['next', 'previous'] as const) {
    const combo = keys[direction];
    if (
      event.code === combo.key &&
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
