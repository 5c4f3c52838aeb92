/**
 * The toolbar popup: the names on the current page grouped by type (a click scrolls to the
 * first mention and opens its card), a switch for this site, and a global pause. Switches
 * save the settings; every open tab applies them at once, without a reload.
 *
 * The popup learns about the page from the tab's content script (no `tabs` permission: the
 * content script knows its own host). Tests open popup.html?tab=<id> in a tab of their own.
 */

import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { ENTITY_TYPES, type EntityType } from '../core/glossary-types.js';
import { enabledOn, withSite, type Settings } from '../core/settings.js';
import type { Brief, BriefsResponse, PageEntities, Request, TabMessage } from '../shared/messages.js';
import { loadSettingsAndNotice, saveSettings } from '../shared/settings-store.js';
import { TYPE_STYLES } from '../ui/entity-types.js';
import { localiseDocument, t, type MessageKey } from '../ui/i18n.js';

const TYPE_HEADINGS: Record<EntityType, MessageKey> = {
  place: 'typePlaces',
  country: 'typeCountries',
  'armed-group': 'typeArmedGroups',
  organization: 'typeOrganizations',
  person: 'typePeople',
  event: 'typeEvents',
  agreement: 'typeAgreements',
  community: 'typeCommunities',
};

async function targetTab(): Promise<number | null> {
  const requested = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(requested) && requested > 0) return requested;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

type PageState =
  | { kind: 'loading' }
  /** No content script answered: a browser page, the store, a PDF viewer. */
  | { kind: 'unavailable' }
  | { kind: 'page'; tabId: number; page: PageEntities; briefs: Map<string, Brief> };

async function readPage(): Promise<PageState> {
  const tabId = await targetTab();
  if (tabId === null) return { kind: 'unavailable' };
  const ask: TabMessage = { type: 'page-entities' };
  const page = (await browser.tabs.sendMessage(tabId, ask).catch(() => undefined)) as PageEntities | undefined;
  if (!page) return { kind: 'unavailable' };
  const request: Request = { type: 'get-briefs', ids: page.entities.map((e) => e.id) };
  const response = (await browser.runtime.sendMessage(request).catch(() => undefined)) as BriefsResponse | undefined;
  const briefs = new Map((response?.ok ? response.briefs : []).map((b) => [b.id, b]));
  return { kind: 'page', tabId, page, briefs };
}

function EntityList({ state, onPick }: { state: Extract<PageState, { kind: 'page' }>; onPick: (id: string) => void }) {
  const { page, briefs } = state;
  const groups = ENTITY_TYPES.map((type) => ({
    type,
    items: page.entities
      .filter((e) => e.type === type)
      .map((e) => ({ ...e, brief: briefs.get(e.id) }))
      .sort((a, b) => (a.brief?.name ?? a.id).localeCompare(b.brief?.name ?? b.id)),
  })).filter((g) => g.items.length);
  if (groups.length === 0) return <p class="empty">{t('popupNoNames')}</p>;
  return (
    <div class="groups">
      {groups.map((group) => (
        <section key={group.type} aria-labelledby={`group-${group.type}`}>
          <h2 id={`group-${group.type}`}>
            <span aria-hidden="true" style={{ color: TYPE_STYLES[group.type].colour }}>
              {TYPE_STYLES[group.type].symbol}
            </span>{' '}
            {t(TYPE_HEADINGS[group.type])} <span class="count">({group.items.length})</span>
          </h2>
          <ul>
            {group.items.map((item) => (
              <li key={item.id}>
                <button type="button" class="entity" onClick={() => onPick(item.id)}>
                  <span class="name">
                    <span lang="en" dir="auto">
                      {item.brief?.name ?? item.id}
                    </span>
                    {item.brief?.own && <span class="own"> · {t('cardOwnEntry')}</span>}
                  </span>
                  {item.brief && (
                    <span class="summary" lang="en" dir="auto">
                      {item.brief.summary}
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function Popup() {
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<string[]>([]);

  const refresh = (): void => void readPage().then(setState);
  useEffect(() => {
    void loadSettingsAndNotice().then(({ settings, notice }) => {
      setSettings(settings);
      setNotice(notice);
    });
    refresh();
  }, []);

  const save = (next: Settings): void => {
    setSettings(next);
    // The tab rereads (or clears) the page; ask again once it has had a moment.
    void saveSettings(next).then(() => setTimeout(refresh, 400));
  };

  const pick = (id: string): void => {
    if (state.kind !== 'page') return;
    const message: TabMessage = { type: 'reveal', id };
    void browser.tabs.sendMessage(state.tabId, message).finally(() => {
      if (!new URLSearchParams(location.search).has('tab')) window.close();
    });
  };

  const host = state.kind === 'page' ? state.page.host : '';
  const siteOn = settings && host ? enabledOn({ ...settings, paused: false }, host) : false;

  return (
    <main>
      <header>
        <h1>{t('extName')}</h1>
        {settings && (
          <button type="button" class="pause" aria-pressed={settings.paused} onClick={() => save({ ...settings, paused: !settings.paused })}>
            {settings.paused ? t('popupResume') : t('popupPause')}
          </button>
        )}
      </header>
      {notice.length > 0 && (
        <p class="notice" role="status">
          {t('settingsRepaired', notice.join('; '))}
        </p>
      )}
      {settings?.paused && <p class="paused" role="status">{t('popupPausedNote')}</p>}
      {state.kind === 'loading' && <p class="empty">{t('loading')}</p>}
      {state.kind === 'unavailable' && <p class="empty">{t('popupUnavailable')}</p>}
      {state.kind === 'page' && settings && (
        <>
          <label class="site">
            <input
              type="checkbox"
              role="switch"
              checked={siteOn}
              onChange={(event) => save(withSite(settings, host, (event.target as HTMLInputElement).checked))}
            />
            <span>{t('popupSiteSwitch', host)}</span>
          </label>
          {state.page.enabled ? <EntityList state={state} onPick={pick} /> : !settings.paused && <p class="empty">{t('popupSiteOff')}</p>}
        </>
      )}
      <footer>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}>
          {t('popupSettings')}
        </button>
      </footer>
    </main>
  );
}

localiseDocument(t('extName'));
render(<Popup />, document.getElementById('app')!);
