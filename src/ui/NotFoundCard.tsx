/**
 * What "Look up in Backstory" shows for a selection the glossary does not know: says so, and
 * offers to add it to the reader's own glossary (the options page opens on a prefilled form).
 */

import { t } from './i18n.js';

export interface NotFoundCardProps {
  text: string;
  onAdd: () => void;
  onClose: () => void;
}

/** Long selections are shortened for the sentence, never for the form. */
function shortened(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function NotFoundCard({ text, onAdd, onClose }: NotFoundCardProps) {
  return (
    <div class="card unknown" tabIndex={-1} role="dialog" aria-modal="false" aria-labelledby="backstory-unknown-title">
      <header class="head">
        <h2 id="backstory-unknown-title" class="title">
          {t('notFoundTitle', shortened(text))}
        </h2>
        <div class="actions">
          <button type="button" class="icon" onClick={onClose} aria-label={t('close')} title={t('close')}>
            ×
          </button>
        </div>
      </header>
      <div class="body">
        <p>{t('notFoundBody')}</p>
        <button type="button" class="small" onClick={onAdd}>
          {t('notFoundAdd')}
        </button>
      </div>
    </div>
  );
}
