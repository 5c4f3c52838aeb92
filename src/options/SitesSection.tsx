/** Sites: where Backstory is off (or, in the other mode, the only places it is on). */

import { useState } from 'preact/hooks';
import { MAX_SITES, normaliseSite, type Settings } from '../core/settings.js';
import { t } from '../ui/i18n.js';
import { Radio, Section } from './fields.js';

export function SitesSection({ settings, save }: { settings: Settings; save: (s: Settings) => void }) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const add = (event: Event): void => {
    event.preventDefault();
    const site = normaliseSite(draft);
    if (!site) return setError(t('sitesInvalid', draft.trim()));
    if (settings.sites.includes(site)) return setError(t('sitesAlready', site));
    if (settings.sites.length >= MAX_SITES) return setError(t('sitesFull', MAX_SITES));
    setError('');
    setDraft('');
    save({ ...settings, sites: [...settings.sites, site] });
  };
  return (
    <Section id="sites" title={t('sitesTitle')}>
      <fieldset>
        <legend>{t('sitesModeLegend')}</legend>
        <Radio name="siteMode" value="except" current={settings.siteMode} onPick={(siteMode) => save({ ...settings, siteMode })}>
          {t('sitesModeExcept')}
        </Radio>
        <Radio name="siteMode" value="only" current={settings.siteMode} onPick={(siteMode) => save({ ...settings, siteMode })}>
          {t('sitesModeOnly')}
        </Radio>
      </fieldset>
      <form class="row" onSubmit={add}>
        <label for="site-input">{t('sitesAddLabel')}</label>
        <input
          id="site-input"
          type="text"
          inputMode="url"
          placeholder="example.com"
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby="site-error"
          onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
        />
        <button type="submit">{t('sitesAdd')}</button>
      </form>
      <p id="site-error" class="error" role="alert">
        {error}
      </p>
      {settings.sites.length === 0 ? (
        <p class="hint">{settings.siteMode === 'except' ? t('sitesNoneExcept') : t('sitesNoneOnly')}</p>
      ) : (
        <ul class="list" aria-label={t('sitesTitle')}>
          {settings.sites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button type="button" aria-label={t('sitesRemoveNamed', site)} onClick={() => save({ ...settings, sites: settings.sites.filter((s) => s !== site) })}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
