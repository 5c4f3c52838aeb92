/**
 * The form for one of the reader's entries: the bundled schema's fields that a reader
 * writes by hand. Problems from `validateUserEntry` appear next to their field.
 */

import { useState } from 'preact/hooks';
import { ENTITY_TYPES, type EntityType, type GlossaryEntry } from '../core/glossary-types.js';
import { LIMITS, type FieldProblem } from '../core/user-glossary.js';
import { TYPE_STYLES } from '../ui/entity-types.js';
import { t } from '../ui/i18n.js';

export interface EntryDraft {
  id?: string;
  name: string;
  type: EntityType;
  subtype: string;
  aliases: string;
  summary: string;
  sources: string;
  lat: string;
  lon: string;
}

export function draftOf(entry: GlossaryEntry | null, name = ''): EntryDraft {
  if (!entry) return { name, type: 'person', subtype: '', aliases: '', summary: '', sources: '', lat: '', lon: '' };
  return {
    id: entry.id,
    name: entry.name,
    type: entry.type,
    subtype: entry.subtype ?? '',
    aliases: entry.aliases.map((a) => (typeof a === 'string' ? a : a.text)).join('\n'),
    summary: entry.summary,
    sources: entry.sources.map((s) => (s.title && s.title !== hostOf(s.url) ? `${s.title} :: ${s.url}` : s.url)).join('\n'),
    lat: entry.coordinates ? String(entry.coordinates.lat) : '',
    lon: entry.coordinates ? String(entry.coordinates.lon) : '',
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

const lines = (text: string): string[] => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

/**
 * The draft as an entry for validation. Alias objects of an edited entry (with their
 * ambiguity rules) are kept when their text is still listed.
 */
export function inputOf(draft: EntryDraft, before: GlossaryEntry | null): Record<string, unknown> {
  const kept = new Map((before?.aliases ?? []).map((a) => [typeof a === 'string' ? a : a.text, a]));
  const input: Record<string, unknown> = {
    name: draft.name,
    type: draft.type,
    aliases: lines(draft.aliases).map((text) => kept.get(text) ?? text),
    summary: draft.summary,
    sources: lines(draft.sources).map((line) => {
      const [first, second] = line.split('::').map((s) => s.trim());
      return second ? { title: first, url: second } : { title: hostOf(first ?? ''), url: first };
    }),
    facts: before?.facts ?? [],
    timeline: before?.timeline ?? [],
    related: before?.related ?? [],
  };
  if (draft.id) input.id = draft.id;
  if (draft.subtype.trim()) input.subtype = draft.subtype;
  if (draft.lat.trim() || draft.lon.trim()) input.coordinates = { lat: Number(draft.lat), lon: Number(draft.lon) };
  return input;
}

function Problems({ field, problems }: { field: string; problems: FieldProblem[] }) {
  const mine = problems.filter((p) => p.field === field || (field === 'coordinates' && p.field === 'coordinates'));
  if (!mine.length) return null;
  return (
    <ul id={`problem-${field}`} class="problems" role="alert">
      {mine.map((p, i) => (
        <li key={i}>{p.message}</li>
      ))}
    </ul>
  );
}

export function EntryForm({
  draft: initial,
  problems,
  onSubmit,
  onCancel,
}: {
  draft: EntryDraft;
  problems: FieldProblem[];
  onSubmit: (draft: EntryDraft) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  const set = (field: keyof EntryDraft) => (e: Event) => setDraft({ ...draft, [field]: (e.target as HTMLInputElement).value });
  const invalid = (field: string) => (problems.some((p) => p.field === field) ? { 'aria-invalid': true, 'aria-describedby': `problem-${field}` } : {});
  const general = problems.filter((p) => p.field === '' || !['name', 'type', 'subtype', 'aliases', 'summary', 'sources', 'coordinates'].includes(p.field));
  return (
    <form
      class="entry-form"
      aria-labelledby="entry-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(draft);
      }}
    >
      <h3 id="entry-form-title">{draft.id ? t('formEditTitle', initial.name) : t('formAddTitle')}</h3>
      {general.length > 0 && (
        <ul class="problems" role="alert">
          {general.map((p, i) => (
            <li key={i}>{p.field ? `${p.field}: ${p.message}` : p.message}</li>
          ))}
        </ul>
      )}
      <div class="field">
        <label for="entry-name">{t('formName')}</label>
        <input id="entry-name" type="text" required maxLength={LIMITS.name} value={draft.name} onInput={set('name')} {...invalid('name')} />
        <Problems field="name" problems={problems} />
      </div>
      <div class="field">
        <label for="entry-type">{t('formType')}</label>
        <select id="entry-type" value={draft.type} onChange={set('type')} {...invalid('type')}>
          {ENTITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {TYPE_STYLES[type].label}
            </option>
          ))}
        </select>
        <Problems field="type" problems={problems} />
      </div>
      <div class="field">
        <label for="entry-subtype">{t('formSubtype')}</label>
        <input id="entry-subtype" type="text" value={draft.subtype} onInput={set('subtype')} {...invalid('subtype')} />
        <Problems field="subtype" problems={problems} />
      </div>
      <div class="field">
        <label for="entry-aliases">{t('formAliases')}</label>
        <textarea id="entry-aliases" rows={3} value={draft.aliases} onInput={set('aliases')} aria-describedby="entry-aliases-hint" {...invalid('aliases')} />
        <span id="entry-aliases-hint" class="hint block">
          {t('formAliasesHint')}
        </span>
        <Problems field="aliases" problems={problems} />
      </div>
      <div class="field">
        <label for="entry-summary">{t('formSummary')}</label>
        <textarea id="entry-summary" rows={3} required value={draft.summary} onInput={set('summary')} {...invalid('summary')} />
        <span class="hint block" aria-live="polite">
          {t('formSummaryCount', draft.summary.length, LIMITS.summary)}
        </span>
        <Problems field="summary" problems={problems} />
      </div>
      <div class="field">
        <label for="entry-sources">{t('formSources')}</label>
        <textarea id="entry-sources" rows={2} value={draft.sources} onInput={set('sources')} aria-describedby="entry-sources-hint" {...invalid('sources')} />
        <span id="entry-sources-hint" class="hint block">
          {t('formSourcesHint')}
        </span>
        <Problems field="sources" problems={problems} />
      </div>
      <fieldset>
        <legend>{t('formCoordinates')}</legend>
        <label for="entry-lat">{t('formLat')}</label> <input id="entry-lat" type="text" inputMode="decimal" size={8} value={draft.lat} onInput={set('lat')} {...invalid('coordinates')} />{' '}
        <label for="entry-lon">{t('formLon')}</label> <input id="entry-lon" type="text" inputMode="decimal" size={8} value={draft.lon} onInput={set('lon')} {...invalid('coordinates')} />
        <Problems field="coordinates" problems={problems} />
      </fieldset>
      <div class="row">
        <button type="submit" class="primary">
          {t('formSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
