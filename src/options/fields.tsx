/** Small form pieces shared by the options page's sections. */

import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { describeKeys, isKeyCombo, type KeyCombo } from '../core/settings.js';
import { t } from '../ui/i18n.js';

export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function Radio<T extends string>({ name, value, current, onPick, children }: { name: string; value: T; current: T; onPick: (v: T) => void; children: ComponentChildren }) {
  return (
    <label>
      <input type="radio" name={name} checked={current === value} onChange={() => onPick(value)} /> {children}
    </label>
  );
}

/** Records a key combination: the reader presses it while the field has focus. */
export function KeyField({ id, label, combo, onChange }: { id: string; label: string; combo: KeyCombo; onChange: (c: KeyCombo) => void }) {
  const [hint, setHint] = useState('');
  return (
    <div class="field">
      <label for={id}>{label}</label>{' '}
      <input
        id={id}
        type="text"
        readOnly
        value={describeKeys(combo)}
        aria-describedby={`${id}-hint`}
        onKeyDown={(event) => {
          if (event.key === 'Tab') return;
          event.preventDefault();
          if (['Alt', 'Shift', 'Control', 'Meta'].includes(event.key)) return;
          const next = { code: event.code, alt: event.altKey, shift: event.shiftKey, ctrl: event.ctrlKey };
          if (isKeyCombo(next)) {
            setHint('');
            onChange(next);
          } else setHint(t('keysNeedModifier'));
        }}
      />{' '}
      <span id={`${id}-hint`} class="hint">
        {hint || t('keysHowTo')}
      </span>
    </div>
  );
}
