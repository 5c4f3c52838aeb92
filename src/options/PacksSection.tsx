/** The bundled glossary packs, with their entry counts and a switch each. */

import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Settings } from '../core/settings.js';
import { t } from '../ui/i18n.js';

interface Pack {
  id: string;
  name: string;
  description: string;
  ids: string[];
}

export function PacksList({ settings, save }: { settings: Settings; save: (s: Settings) => void }) {
  const [packs, setPacks] = useState<Pack[] | null>(null);
  useEffect(() => {
    void fetch(browser.runtime.getURL('glossary/packs.json'))
      .then((r) => r.json() as Promise<Pack[]>)
      .then(setPacks, () => setPacks([]));
  }, []);
  if (!packs) return <p class="hint">{t('loading')}</p>;
  return (
    <fieldset>
      <legend>{t('packsLegend')}</legend>
      {packs.map((pack) => {
        const on = !settings.disabledPacks.includes(pack.id);
        return (
          <label key={pack.id} class="pack">
            <input
              type="checkbox"
              checked={on}
              aria-describedby={`pack-${pack.id}-about`}
              onChange={(e) => {
                const checked = (e.target as HTMLInputElement).checked;
                const others = settings.disabledPacks.filter((p) => p !== pack.id);
                save({ ...settings, disabledPacks: checked ? others : [...others, pack.id] });
              }}
            />{' '}
            <span lang="en" dir="auto">
              {pack.name}
            </span> — {t('packEntries', pack.ids.length.toLocaleString())}
            <span id={`pack-${pack.id}-about`} class="hint block" lang="en" dir="auto">
              {pack.description}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
