/**
 * The background card for one glossary entry. Everything is rendered as text by Preact:
 * glossary text never becomes markup.
 */

import { Fragment, type ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { formatIsoDate } from '../core/dates.js';
import type { EntityType, TimelineEvent } from '../core/glossary-types.js';
import { splitTimeline, type DateSource } from '../core/published.js';
import type { LocatorMap } from '../core/locator-map.js';
import type { EntryView, RelatedName } from '../shared/messages.js';
import { TYPE_STYLES } from './entity-types.js';
import { t, uiDirection, uiLanguage, type MessageKey } from './i18n.js';

/** The date the card tells the background as of: the article's, or one the reader chose. */
export interface AsOf {
  date: string;
  source: DateSource | 'reader';
}

const SOURCE_LABELS: Record<AsOf['source'], MessageKey> = {
  'json-ld': 'cardDateFromMetadata',
  meta: 'cardDateFromMetadata',
  itemprop: 'cardDateFromMetadata',
  time: 'cardDateFromPage',
  byline: 'cardDateFromByline',
  url: 'cardDateFromAddress',
  reader: 'cardDateChosen',
};

/** Private-use characters that stand for elements inside a translated sentence. */
const SLOTS = ['\uE000', '\uE001', '\uE002'];

/**
 * A translated sentence with elements in it ("Background as of <time>"): each element is
 * passed to t() as a marker, then put where the translation placed the marker.
 */
function rich(key: MessageKey, ...parts: ComponentChild[]): ComponentChild {
  const text = t(key, ...parts.map((_, i) => SLOTS[i]!));
  return (
    <>
      {text.split(/([\uE000-\uE002])/).map((piece, i) => {
        const slot = SLOTS.indexOf(piece);
        return <Fragment key={i}>{slot >= 0 ? parts[slot] : piece}</Fragment>;
      })}
    </>
  );
}

/** A date of the card's own sentences, in the interface's language (glossary dates stay English). */
export function formatUiDate(date: string): string {
  const language = uiLanguage();
  const [year, month, day] = date.split('-').map(Number);
  if (language.startsWith('en') || !year) return formatIsoDate(date);
  if (!month) return String(year);
  try {
    const format = new Intl.DateTimeFormat(`${language}-u-nu-latn`, {
      year: 'numeric',
      month: 'long',
      ...(day ? { day: 'numeric' } : {}),
      timeZone: 'UTC',
    });
    return format.format(new Date(Date.UTC(year, month - 1, day || 1)));
  } catch {
    return formatIsoDate(date);
  }
}

export interface CardProps {
  view: EntryView;
  /** Null: no date known, the timeline is told as of today. */
  asOf: AsOf | null;
  /** The reader sets the date (null: as of today). */
  onSetDate: (date: string | null) => void;
  /** YYYY-MM-DD, the latest date the reader may choose. */
  today: string;
  /** Shown when the reader followed a related name: returns to the previous card. */
  onBack?: (() => void) | undefined;
  onOpenRelated: (related: RelatedName) => void;
  onClose: () => void;
  /** Pinned: the card stays while the reader reads on, and can be moved by its header. */
  pinned?: boolean;
  onTogglePin?: () => void;
  /** The reader starts dragging the card by its header. */
  onDragStart?: (event: PointerEvent) => void;
  /** Density and muting, kept in the reader's settings; absent where the card is only shown. */
  density?: 'every' | 'first';
  onToggleDensity?: () => void;
  onMuteEntity?: () => void;
  onMuteType?: () => void;
  /** Opens the options page. */
  onOpenSettings?: () => void;
}

/** "Location of Douma in Syria"; a country's own map says only "Location of Syria". */
export function mapLabel(name: string, map: LocatorMap): string {
  return map.country && map.country !== name ? t('cardMapLabel', name, map.country) : t('cardMapLabelCountry', name);
}

function LocatorMapFigure({ name, map }: { name: string; map: LocatorMap }) {
  return (
    <figure class="map">
      <svg role="img" aria-label={mapLabel(name, map)} viewBox={`0 0 ${map.width} ${map.height}`} width={map.width} height={map.height}>
        <rect class="sea" width={map.width} height={map.height} />
        {map.shapes.map((shape) => (
          <path key={shape.name} class={shape.home ? 'home' : 'land'} d={shape.d} />
        ))}
        <circle class="marker-halo" cx={map.marker.x} cy={map.marker.y} r="7" />
        <circle class="marker" cx={map.marker.x} cy={map.marker.y} r="4" />
      </svg>
      {map.country && map.country !== name && (
        <figcaption aria-hidden="true" lang="en" dir="auto">
          {map.country}
        </figcaption>
      )}
    </figure>
  );
}

function Events({ events }: { events: readonly TimelineEvent[] }) {
  return (
    <ol class="timeline" lang="en">
      {events.map((event) => (
        <li key={`${event.date}${event.text}`}>
          <time dateTime={event.date}>{formatIsoDate(event.date)}</time>
          <span dir="auto">{event.text}</span>
        </li>
      ))}
    </ol>
  );
}

function DateControl({ asOf, onSetDate, today }: Pick<CardProps, 'asOf' | 'onSetDate' | 'today'>) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(asOf?.date ?? '');
  return (
    <div class="asof">
      <p>
        {asOf ? (
          <>
            {rich('cardAsOf', <time dateTime={asOf.date}>{formatUiDate(asOf.date)}</time>)}{' '}
            <span class="muted">({t(SOURCE_LABELS[asOf.source])})</span>
          </>
        ) : (
          <>
            {t('cardAsOfToday')} <span class="muted">({t('cardNoArticleDate')})</span>
          </>
        )}{' '}
        <button type="button" class="small" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {t('cardChangeDate')}
        </button>
      </p>
      {editing && (
        <form
          class="date-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (value) onSetDate(value);
            setEditing(false);
          }}
        >
          <label>
            {t('cardArticleDate')}{' '}
            <input type="date" value={value} max={today} min="1990-01-01" onInput={(e) => setValue((e.target as HTMLInputElement).value)} />
          </label>
          <button type="submit" class="small">
            {t('cardUseThisDate')}
          </button>
          <button
            type="button"
            class="small"
            onClick={() => {
              onSetDate(null);
              setEditing(false);
            }}
          >
            {t('cardUseToday')}
          </button>
        </form>
      )}
    </div>
  );
}

/** "Hide all places": a whole sentence per type, since languages inflect the plural differently. */
const HIDE_ALL: Record<EntityType, MessageKey> = {
  place: 'cardHideAllPlaces',
  country: 'cardHideAllCountries',
  'armed-group': 'cardHideAllArmedGroups',
  organization: 'cardHideAllOrganizations',
  person: 'cardHideAllPeople',
  event: 'cardHideAllEvents',
  agreement: 'cardHideAllAgreements',
  community: 'cardHideAllCommunities',
};

export function Card(props: CardProps) {
  const { view, asOf, onSetDate, today, onBack, onOpenRelated, onClose, pinned = false, onTogglePin, onDragStart } = props;
  const { entry, related } = view;
  const { before, after } = asOf ? splitTimeline(entry.timeline, asOf.date) : { before: entry.timeline, after: [] };
  const style = TYPE_STYLES[entry.type];
  const titleId = 'backstory-card-title';
  return (
    <div
      class="card"
      dir={uiDirection()}
      lang={uiLanguage()}
      tabIndex={-1}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-describedby="backstory-card-summary"
      style={{ '--type-colour': style.colour }}
    >
      <header
        class={pinned ? 'head movable' : 'head'}
        onPointerDown={(event) => {
          // Drag by the header, not by its buttons.
          if (pinned && onDragStart && !(event.target as Element).closest('button')) onDragStart(event);
        }}
      >
        <div class="kind">
          <span class="symbol" aria-hidden="true">
            {style.symbol}
          </span>
          <span>
            {style.label}
            {entry.subtype && (
              <>
                {' · '}
                <span lang="en" dir="auto">
                  {entry.subtype}
                </span>
              </>
            )}
          </span>
          {view.own && <span class="own">{t('cardOwnEntry')}</span>}
        </div>
        <div class="actions">
          {onTogglePin && (
            <button
              type="button"
              class="icon"
              onClick={onTogglePin}
              aria-pressed={pinned}
              aria-label={pinned ? t('cardUnpinLabel') : t('cardPinLabel')}
              title={pinned ? t('cardUnpinTitle') : t('cardPinTitle')}
            >
              <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                <path d="M6 1.5h4l-.6 4.2 2.6 2.3v1.5H8.7L8 15l-.7-5.5H4V8l2.6-2.3z" fill={pinned ? 'currentColor' : 'none'} stroke="currentColor" stroke-width="1.2" stroke-linejoin="round" />
              </svg>
            </button>
          )}
          {onBack && (
            <button type="button" class="icon back" onClick={onBack} aria-label={t('cardBackLabel')} title={t('cardBackTitle')}>
              <span aria-hidden="true">←</span>
            </button>
          )}
          <button type="button" class="icon" onClick={onClose} aria-label={t('cardCloseLabel')} title={t('cardCloseTitle')}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </header>
      <div class="body">
        <h2 id={titleId} class="title" lang="en" dir="auto">
          {entry.name}
        </h2>
        <p id="backstory-card-summary" class="summary" lang="en" dir="auto">
          {entry.summary}
        </p>
        {view.map && <LocatorMapFigure name={entry.name} map={view.map} />}
        {entry.facts.length > 0 && (
          <dl class="facts" lang="en">
            {entry.facts.map((fact) => (
              <div class="fact" key={fact.label}>
                <dt dir="auto">{fact.label}</dt>
                <dd dir="auto">{fact.value}</dd>
              </div>
            ))}
          </dl>
        )}
        {entry.timeline.length > 0 && (
          <section aria-label={t('cardTimeline')}>
            <DateControl asOf={asOf} onSetDate={onSetDate} today={today} />
            <h3>{asOf ? t('cardTimelineTo', formatUiDate(asOf.date)) : t('cardTimeline')}</h3>
            {before.length > 0 ? <Events events={before} /> : <p class="muted">{t('cardTimelineEmpty')}</p>}
            {after.length > 0 && (
              <details class="since">
                <summary>
                  {t('cardSinceArticle')} <span class="count">({after.length})</span>
                </summary>
                <Events events={after} />
              </details>
            )}
          </section>
        )}
        {related.length > 0 && (
          <section aria-label={t('cardRelated')}>
            <h3>{t('cardRelated')}</h3>
            <ul class="related">
              {related.map((r) => (
                <li key={r.id}>
                  <button
                    type="button"
                    class="link"
                    style={{ '--type-colour': TYPE_STYLES[r.type].colour }}
                    onClick={() => onOpenRelated(r)}
                  >
                    <span class="symbol" aria-hidden="true">
                      {TYPE_STYLES[r.type].symbol}
                    </span>
                    <span lang="en" dir="auto">
                      {r.name}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <footer class="foot">
        <div class="sources">
          <span>{t('cardSources')} </span>
          {entry.sources.map((source, i) => (
            <span key={source.url}>
              {i > 0 && `${t('cardListSeparator')} `}
              <a href={source.url} target="_blank" rel="noopener noreferrer" lang="en" dir="auto">
                {source.publisher ? `${source.title} (${source.publisher})` : source.title}
              </a>
            </span>
          ))}
        </div>
        {(props.onMuteEntity || props.onToggleDensity) && (
          <details class="display">
            <summary>{t('cardDisplayOptions')}</summary>
            <div class="controls" role="group" aria-label={t('cardControlsLabel')}>
              {props.onMuteEntity && (
                <button type="button" class="small" onClick={props.onMuteEntity}>
                  {rich(
                    'cardHideEntity',
                    <span lang="en" dir="auto">
                      {entry.name}
                    </span>,
                  )}
                </button>
              )}
              {props.onMuteType && (
                <button type="button" class="small" onClick={props.onMuteType}>
                  {t(HIDE_ALL[entry.type])}
                </button>
              )}
              {props.onToggleDensity && (
                <button type="button" class="small" onClick={props.onToggleDensity}>
                  {props.density === 'first' ? t('cardShowEveryMention') : t('cardFirstMentionOnly')}
                </button>
              )}
              {props.onOpenSettings && (
                <button type="button" class="small" onClick={props.onOpenSettings}>
                  {t('cardAllSettings')}
                </button>
              )}
            </div>
          </details>
        )}
        <div class="reviewed">
          {rich('cardLastReviewed', <time dateTime={entry.lastReviewed}>{formatUiDate(entry.lastReviewed)}</time>)} ·{' '}
          <span lang="en">Backstory</span>
        </div>
      </footer>
    </div>
  );
}
