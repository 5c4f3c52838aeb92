/**
 * The options page: whether and where Backstory reads, how names look, the sites list, the
 * bundled packs and the reader's own glossary. Every settings change is saved at once and
 * reaches open tabs without a reload.
 *
 * `#add=<text>` (from "Look up in Backstory" on an unknown name) opens the entry form
 * prefilled with that text.
 */

import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { ENTITY_TYPES, type EntityType, type GlossaryEntry } from '../core/glossary-types.js';
import { describeKeys, type Settings } from '../core/settings.js';
import { loadSettingsAndNotice, onSettingsChanged, saveSettings } from '../shared/settings-store.js';
import { TYPE_STYLES } from '../ui/entity-types.js';
import { localiseDocument, t } from '../ui/i18n.js';
import { KeyField, Radio, Section } from './fields.js';
import { LookSection } from './LookSection.js';
import { OwnGlossarySection } from './OwnGlossarySection.js';
import { PacksList } from './PacksSection.js';
import { SitesSection } from './SitesSection.js';

/** The browser's own shortcuts for stepping (set in the browser, shown here). */
function BrowserShortcuts() {
  const [shortcuts, setShortcuts] = useState<{ name: string; description: string; shortcut: string }[]>([]);
  useEffect(() => {
    void browser.commands.getAll().then((commands) =>
      setShortcuts(commands.map((c) => ({ name: c.name ?? '', description: c.description ?? '', shortcut: c.shortcut ?? '' }))),
    );
  }, []);
  return (
    <ul class="list plain">
      {shortcuts.map((c) => (
        <li key={c.name}>
          <span>{c.description}</span> <kbd dir={c.shortcut ? 'ltr' : undefined}>{c.shortcut || t('shortcutNone')}</kbd>
        </li>
      ))}
    </ul>
  );
}

function addRequest(): string | null {
  const match = /^#add=(.*)$/.exec(location.hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!).slice(0, 120);
  } catch {
    return null;
  }
}

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<string[]>([]);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [saved, setSaved] = useState('');

  useEffect(() => {
    void loadSettingsAndNotice().then(({ settings, notice }) => {
      setSettings(settings);
      setNotice(notice);
    });
    // Another page (the popup, a card) may change settings while this one is open.
    onSettingsChanged(setSettings);
    void fetch(browser.runtime.getURL('glossary/entries.json'))
      .then((r) => r.json() as Promise<GlossaryEntry[]>)
      .then((entries) => setNames(new Map(entries.map((e) => [e.id, e.name]))));
  }, []);

  if (!settings) return <p>{t('loading')}</p>;

  const save = (next: Settings): void => {
    setSettings(next);
    void saveSettings(next).then(
      () => setSaved(t('savedAtOnce')),
      (error: unknown) => setSaved(t('saveFailed', String(error))),
    );
  };
  const toggleType = (type: EntityType, shown: boolean): void =>
    save({ ...settings, mutedTypes: shown ? settings.mutedTypes.filter((x) => x !== type) : [...settings.mutedTypes, type] });

  return (
    <main>
      <h1>{t('extName')}</h1>
      <p class="lead">{t('optionsLead')}</p>
      {notice.length > 0 && (
        <p class="notice" role="status">
          {t('settingsRepaired', notice.join('; '))}
        </p>
      )}
      <Section id="reading" title={t('readingTitle')}>
        <label>
          <input type="checkbox" checked={!settings.paused} onChange={(e) => save({ ...settings, paused: !(e.target as HTMLInputElement).checked })} />{' '}
          {t('readingOn')}
        </label>
        <fieldset>
          <legend>{t('scopeLegend')}</legend>
          <Radio name="scope" value="article" current={settings.scope} onPick={(scope) => save({ ...settings, scope })}>
            {t('scopeArticle')}
          </Radio>
          <p class="hint">{t('scopeArticleHint')}</p>
          <Radio name="scope" value="page" current={settings.scope} onPick={(scope) => save({ ...settings, scope })}>
            {t('scopePage')}
          </Radio>
        </fieldset>
        <fieldset>
          <legend>{t('densityLegend')}</legend>
          <Radio name="density" value="every" current={settings.density} onPick={(density) => save({ ...settings, density })}>
            {t('densityEvery')}
          </Radio>
          <Radio name="density" value="first" current={settings.density} onPick={(density) => save({ ...settings, density })}>
            {t('densityFirst')}
          </Radio>
        </fieldset>
        <fieldset>
          <legend>{t('typesLegend')}</legend>
          {ENTITY_TYPES.map((type) => (
            <label key={type}>
              <input type="checkbox" checked={!settings.mutedTypes.includes(type)} onChange={(e) => toggleType(type, (e.target as HTMLInputElement).checked)} />{' '}
              <span aria-hidden="true" style={{ color: TYPE_STYLES[type].colour }}>
                {TYPE_STYLES[type].symbol}
              </span>{' '}
              {TYPE_STYLES[type].label}
            </label>
          ))}
        </fieldset>
      </Section>
      <LookSection settings={settings} save={save} />
      <Section id="keys" title={t('keysTitle')}>
        <p class="hint">{t('keysIntro', describeKeys(settings.stepKeys.next))}</p>
        <KeyField id="key-next" label={t('keysNext')} combo={settings.stepKeys.next} onChange={(c) => save({ ...settings, stepKeys: { ...settings.stepKeys, next: c } })} />
        <KeyField id="key-previous" label={t('keysPrevious')} combo={settings.stepKeys.previous} onChange={(c) => save({ ...settings, stepKeys: { ...settings.stepKeys, previous: c } })} />
        <h3>{t('keysBrowserTitle')}</h3>
        <p class="hint">{t('keysBrowserHint')}</p>
        <BrowserShortcuts />
      </Section>
      <SitesSection settings={settings} save={save} />
      <Section id="glossaries" title={t('glossariesTitle')}>
        <PacksList settings={settings} save={save} />
        <OwnGlossarySection prefill={addRequest()} bundledNames={names} />
      </Section>
      <Section id="hidden" title={t('hiddenTitle')}>
        {settings.mutedEntities.length === 0 ? (
          <p class="hint">{t('hiddenNone')}</p>
        ) : (
          <ul class="list">
            {settings.mutedEntities.map((id) => (
              <li key={id}>
                <span lang="en" dir="auto">
                  {names.get(id) ?? id}
                </span>
                <button type="button" onClick={() => save({ ...settings, mutedEntities: settings.mutedEntities.filter((m) => m !== id) })}>
                  {t('showAgain')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <p class="saved" role="status">
        {saved}
      </p>
    </main>
  );
}

localiseDocument(t('optionsTitle'));
render(<App />, document.getElementById('app')!);
