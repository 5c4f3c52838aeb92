/**
 * The options page: where Backstory looks, how many mentions it marks, which kinds of name
 * it shows, and the names the reader hid from a card (with a way to show them again).
 * Every change is saved at once and reaches open tabs without a reload.
 */

import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { ENTITY_TYPES, type EntityType, type GlossaryEntry } from '../core/glossary-types.js';
import { describeKeys, isKeyCombo, readSettings, type KeyCombo, type Settings } from '../core/settings.js';
import { TYPE_STYLES } from '../ui/entity-types.js';

const KEY = 'settings';

/** Records a key combination: the reader presses it while the field has focus. */
function KeyField({ label, combo, onChange }: { label: string; combo: KeyCombo; onChange: (c: KeyCombo) => void }) {
  const [hint, setHint] = useState('');
  return (
    <label>
      {label}{' '}
      <input
        type="text"
        readOnly
        value={describeKeys(combo)}
        aria-describedby={`${label}-hint`}
        onKeyDown={(event) => {
          if (event.key === 'Tab') return;
          event.preventDefault();
          if (['Alt', 'Shift', 'Control', 'Meta'].includes(event.key)) return;
          const next = { code: event.code, alt: event.altKey, shift: event.shiftKey, ctrl: event.ctrlKey };
          if (isKeyCombo(next)) {
            setHint('');
            onChange(next);
          } else setHint('Use Alt or Ctrl with the key, so that it never fires while you type.');
        }}
      />{' '}
      <span id={`${label}-hint`} class="hint">
        {hint || 'Focus the field and press the keys.'}
      </span>
    </label>
  );
}

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [repaired, setRepaired] = useState<string[]>([]);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [saved, setSaved] = useState('');

  useEffect(() => {
    void browser.storage.sync.get(KEY).then(async (stored) => {
      const result = readSettings(stored[KEY]);
      setSettings(result.settings);
      setRepaired(result.repaired);
      if (result.repaired.length) await browser.storage.sync.set({ [KEY]: result.settings });
    });
    void fetch(browser.runtime.getURL('glossary/entries.json'))
      .then((r) => r.json() as Promise<GlossaryEntry[]>)
      .then((entries) => setNames(new Map(entries.map((e) => [e.id, e.name]))));
  }, []);

  if (!settings) return <p>Loading…</p>;

  const save = (next: Settings): void => {
    setSettings(next);
    void browser.storage.sync.set({ [KEY]: next }).then(() => setSaved('Saved. Open tabs use it now.'));
  };
  const toggleType = (type: EntityType, shown: boolean): void =>
    save({ ...settings, mutedTypes: shown ? settings.mutedTypes.filter((t) => t !== type) : [...settings.mutedTypes, type] });

  return (
    <main>
      <h1>Backstory</h1>
      <p class="lead">Background on the names in the news. Nothing you read leaves your machine.</p>
      {repaired.length > 0 && (
        <p class="notice" role="status">
          Some stored settings could not be read ({repaired.join('; ')}) and were reset to their defaults. Everything else was kept.
        </p>
      )}
      <fieldset>
        <legend>Where to look</legend>
        <label>
          <input type="radio" name="scope" checked={settings.scope === 'article'} onChange={() => save({ ...settings, scope: 'article' })} /> The article only
        </label>
        <p class="hint">Menus, teasers and comments around the article are left alone.</p>
        <label>
          <input type="radio" name="scope" checked={settings.scope === 'page'} onChange={() => save({ ...settings, scope: 'page' })} /> The whole page
        </label>
      </fieldset>
      <fieldset>
        <legend>How many mentions to mark</legend>
        <label>
          <input type="radio" name="density" checked={settings.density === 'every'} onChange={() => save({ ...settings, density: 'every' })} /> Every mention
        </label>
        <label>
          <input type="radio" name="density" checked={settings.density === 'first'} onChange={() => save({ ...settings, density: 'first' })} /> The first mention of each name
        </label>
      </fieldset>
      <fieldset>
        <legend>Kinds of name to show</legend>
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
      <fieldset>
        <legend>Keys to step through the names</legend>
        <p class="hint">
          On a page, these keys go to the next or previous underlined name and open its card. The browser's own shortcut for the same
          (Alt+Shift+. by default) is changed in the browser's extension shortcut settings.
        </p>
        <KeyField label="Next name" combo={settings.stepKeys.next} onChange={(c) => save({ ...settings, stepKeys: { ...settings.stepKeys, next: c } })} />
        <KeyField label="Previous name" combo={settings.stepKeys.previous} onChange={(c) => save({ ...settings, stepKeys: { ...settings.stepKeys, previous: c } })} />
      </fieldset>
      <fieldset>
        <legend>Names you hid</legend>
        {settings.mutedEntities.length === 0 ? (
          <p class="hint">None. Use “Hide” in a card to stop marking a name.</p>
        ) : (
          <ul>
            {settings.mutedEntities.map((id) => (
              <li key={id}>
                <span>{names.get(id) ?? id}</span>
                <button type="button" onClick={() => save({ ...settings, mutedEntities: settings.mutedEntities.filter((m) => m !== id) })}>
                  Show again
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <p class="saved" role="status">
        {saved}
      </p>
    </main>
  );
}

render(<App />, document.getElementById('app')!);
