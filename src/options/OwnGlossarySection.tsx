/**
 * The reader's own glossary: their entries listed with edit and delete, the entry form,
 * import (JSON or CSV: all or nothing, after a preview) and export.
 *
 * Nothing the reader has is lost: stored entries that can no longer be read are moved aside
 * (kept in storage, offered as a download) rather than dropped, and an import that fails
 * leaves the glossary as it was.
 */

import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { GlossaryEntry } from '../core/glossary-types.js';
import {

  MAX_IMPORT_BYTES,
  exportCsv,
  exportJson,
  formatImportError,
  parseImport,
  readUserGlossary,
  removeUserEntry,
  upsertUserEntry,
  validateUserEntry,
  type FieldProblem,
  type ImportError,
  type ImportPreview,
  type UserGlossary,
} from '../core/user-glossary.js';
import { loadOwnGlossaryRaw, saveOwnGlossary } from '../shared/own-glossary-store.js';
import { TYPE_STYLES } from '../ui/entity-types.js';
import { t } from '../ui/i18n.js';
import { EntryForm, draftOf, inputOf, type EntryDraft } from './EntryForm.js';

/** Stored entries that could not be read, kept aside for the reader. */
const QUARANTINE_KEY = 'ownGlossaryQuarantine';
/** Most import errors listed at once (the rest are counted). */
const ERRORS_SHOWN = 20;

const today = (): string => new Date().toISOString().slice(0, 10);

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Reads the stored glossary; what cannot be read is moved aside, and the rest written back. */
async function loadGlossary(): Promise<{ glossary: UserGlossary; aside: unknown[] }> {
  const read = readUserGlossary(await loadOwnGlossaryRaw());
  const stored = (await browser.storage.local.get(QUARANTINE_KEY))[QUARANTINE_KEY];
  let aside = Array.isArray(stored) ? stored : [];
  if (read.quarantined.length) {
    aside = [...aside, ...read.quarantined.map((q) => q.raw)];
    await browser.storage.local.set({ [QUARANTINE_KEY]: aside });
  }
  if (read.quarantined.length || read.migrated) await saveOwnGlossary(read.glossary);
  return { glossary: read.glossary, aside };
}

type Pending = { preview: ImportPreview; result: UserGlossary; file: string };

export function OwnGlossarySection({ prefill, bundledNames }: { prefill: string | null; bundledNames: Map<string, string> }) {
  const [glossary, setGlossary] = useState<UserGlossary | null>(null);
  const [aside, setAside] = useState<unknown[]>([]);
  const [editing, setEditing] = useState<{ draft: EntryDraft; before: GlossaryEntry | null } | null>(prefill !== null ? { draft: draftOf(null, prefill), before: null } : null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [importErrors, setImportErrors] = useState<ImportError[]>([]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    void loadGlossary().then(({ glossary, aside }) => {
      setGlossary(glossary);
      setAside(aside);
    });
  }, []);

  if (!glossary) return <p class="hint">{t('loading')}</p>;
  const bundledIds = new Set(bundledNames.keys());

  const store = async (next: UserGlossary, message: string): Promise<void> => {
    try {
      await saveOwnGlossary(next);
      setGlossary(next);
      setStatus(message);
    } catch (error) {
      setStatus(t('ownSaveFailed', String(error)));
    }
  };

  const submit = (draft: EntryDraft): void => {
    const before = editing?.before ?? null;
    const checked = validateUserEntry(inputOf(draft, before), glossary, bundledIds, today());
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    setEditing(null);
    void store(upsertUserEntry(glossary, checked.entry), before ? t('ownSaved', checked.entry.name) : t('ownAdded', checked.entry.name));
  };

  const importFile = async (file: File): Promise<void> => {
    setPending(null);
    setImportErrors([]);
    setStatus('');
    // Size before reading: a huge file is refused without loading it into memory.
    if (file.size > MAX_IMPORT_BYTES) {
      setImportErrors([{ message: t('importTooLarge', (file.size / 1048576).toFixed(1), MAX_IMPORT_BYTES / 1048576) }]);
      return;
    }
    const text = await file.text();
    const format = /\.csv$/i.test(file.name) ? 'csv' : /\.json$/i.test(file.name) ? 'json' : 'auto';
    const parsed = parseImport(text, format, glossary, bundledIds, today());
    if (!parsed.ok) setImportErrors(parsed.errors);
    else setPending({ preview: parsed.preview, result: parsed.result, file: file.name });
  };

  return (
    <div class="own-glossary">
      <h3 id="own-title">{t('ownTitle')}</h3>
      <p class="hint">{t('ownIntro')}</p>
      {aside.length > 0 && (
        <div class="notice" role="status">
          <p>{t('ownAside', aside.length)}</p>
          <button type="button" onClick={() => download('backstory-set-aside.json', JSON.stringify(aside, null, 2), 'application/json')}>
            {t('ownAsideDownload')}
          </button>{' '}
          <button
            type="button"
            onClick={() => void browser.storage.local.remove(QUARANTINE_KEY).then(() => setAside([]))}
          >
            {t('ownAsideDiscard')}
          </button>
        </div>
      )}
      {glossary.entries.length === 0 ? (
        <p class="hint">{t('ownNone')}</p>
      ) : (
        <ul class="list" aria-labelledby="own-title">
          {glossary.entries.map((entry) => (
            <li key={entry.id}>
              <span>
                <span aria-hidden="true" style={{ color: TYPE_STYLES[entry.type].colour }}>
                  {TYPE_STYLES[entry.type].symbol}
                </span>{' '}
                <span dir="auto">{entry.name}</span> <span class="hint">({TYPE_STYLES[entry.type].label})</span>
              </span>
              {confirmDelete === entry.id ? (
                <span class="row" role="group" aria-label={t('ownConfirmDelete', entry.name)}>
                  <span>{t('ownConfirmDelete', entry.name)}</span>
                  <button
                    type="button"
                    class="danger"
                    onClick={() => {
                      setConfirmDelete(null);
                      void store(removeUserEntry(glossary, entry.id), t('ownDeleted', entry.name));
                    }}
                  >
                    {t('delete')}
                  </button>
                  <button type="button" onClick={() => setConfirmDelete(null)}>
                    {t('cancel')}
                  </button>
                </span>
              ) : (
                <span class="row">
                  <button type="button" aria-label={t('editNamed', entry.name)} onClick={() => { setProblems([]); setEditing({ draft: draftOf(entry), before: entry }); }}>
                    {t('edit')}
                  </button>
                  <button type="button" aria-label={t('deleteNamed', entry.name)} onClick={() => setConfirmDelete(entry.id)}>
                    {t('delete')}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <EntryForm
          key={editing.draft.id ?? 'new'}
          draft={editing.draft}
          problems={problems}
          onSubmit={submit}
          onCancel={() => {
            setEditing(null);
            setProblems([]);
          }}
        />
      ) : (
        <button type="button" class="primary" onClick={() => setEditing({ draft: draftOf(null), before: null })}>
          {t('ownAdd')}
        </button>
      )}
      <h4>{t('importTitle')}</h4>
      <p class="hint">{t('importHint')}</p>
      <label for="import-file">{t('importChoose')}</label>{' '}
      <input
        id="import-file"
        type="file"
        accept=".json,.csv,application/json,text/csv"
        onChange={(e) => {
          const input = e.target as HTMLInputElement;
          const file = input.files?.[0];
          if (file) void importFile(file);
          input.value = '';
        }}
      />
      {importErrors.length > 0 && (
        <div class="import-errors" role="alert">
          <p>{t('importFailed')}</p>
          <ul>
            {importErrors.slice(0, ERRORS_SHOWN).map((error, i) => (
              <li key={i}>{formatImportError(error)}</li>
            ))}
          </ul>
          {importErrors.length > ERRORS_SHOWN && <p>{t('importMoreErrors', importErrors.length - ERRORS_SHOWN)}</p>}
        </div>
      )}
      {pending && (
        <div class="preview" role="region" aria-labelledby="preview-title">
          <p id="preview-title">{t('importPreview', pending.file, pending.preview.added.length, pending.preview.replaced.length, pending.preview.unchanged)}</p>
          {pending.preview.added.length > 0 && (
            <details>
              <summary>{t('importAddedList', pending.preview.added.length)}</summary>
              <ul>
                {pending.preview.added.map((e) => (
                  <li key={e.id} dir="auto">{e.name}</li>
                ))}
              </ul>
            </details>
          )}
          {pending.preview.replaced.length > 0 && (
            <details open>
              <summary>{t('importReplacedList', pending.preview.replaced.length)}</summary>
              <ul>
                {pending.preview.replaced.map((r) => (
                  <li key={r.after.id} dir="auto">{r.after.name}</li>
                ))}
              </ul>
            </details>
          )}
          <div class="row">
            <button
              type="button"
              class="primary"
              onClick={() => {
                const { result, preview } = pending;
                setPending(null);
                void store(result, t('importDone', preview.added.length, preview.replaced.length));
              }}
            >
              {t('importConfirm')}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      <h4>{t('exportTitle')}</h4>
      <div class="row">
        <button type="button" disabled={glossary.entries.length === 0} onClick={() => download('backstory-glossary.json', exportJson(glossary), 'application/json')}>
          {t('exportJson')}
        </button>
        <button type="button" disabled={glossary.entries.length === 0} onClick={() => download('backstory-glossary.csv', exportCsv(glossary), 'text/csv')}>
          {t('exportCsv')}
        </button>
      </div>
      <p class="saved" role="status">
        {status}
      </p>
    </div>
  );
}


