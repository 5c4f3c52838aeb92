/**
 * The background card for one glossary entry. Everything is rendered as text by Preact:
 * glossary text never becomes markup.
 */

import { useState } from 'preact/hooks';
import { formatIsoDate } from '../core/dates.js';
import type { TimelineEvent } from '../core/glossary-types.js';
import { splitTimeline, type DateSource } from '../core/published.js';
import type { LocatorMap } from '../core/locator-map.js';
import type { EntryView, RelatedName } from '../shared/messages.js';
import { TYPE_STYLES } from './entity-types.js';
import { t } from './i18n.js';

/** The date the card tells the background as of: the article's, or one the reader chose. */
export interface AsOf {
  date: string;
  source: DateSource | 'reader';
}

const SOURCE_LABELS: Record<AsOf['source'], string> = {
  'json-ld': "the article's date, from the page's metadata",
  meta: "the article's date, from the page's metadata",
  itemprop: "the article's date, from the page's metadata",
  time: "the article's date, from the page",
  byline: "the article's date, from its byline",
  url: "the article's date, from its address",
  reader: 'a date you chose',
};

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
  return map.country && map.country !== name ? `Location of ${name} in ${map.country}` : `Location of ${name}`;
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
      {map.country && map.country !== name && <figcaption aria-hidden="true">{map.country}</figcaption>}
    </figure>
  );
}

function Events({ events }: { events: readonly TimelineEvent[] }) {
  return (
    <ol class="timeline">
      {events.map((event) => (
        <li key={`${event.date}${event.text}`}>
          <time dateTime={event.date}>{formatIsoDate(event.date)}</time>
          <span>{event.text}</span>
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
            Background as of <time dateTime={asOf.date}>{formatIsoDate(asOf.date)}</time>{' '}
            <span class="muted">({SOURCE_LABELS[asOf.source]})</span>
          </>
        ) : (
          <>Background as of today <span class="muted">(no article date found)</span></>
        )}{' '}
        <button type="button" class="small" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          Change date
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
            Article date{' '}
            <input type="date" value={value} max={today} min="1990-01-01" onInput={(e) => setValue((e.target as HTMLInputElement).value)} />
          </label>
          <button type="submit" class="small">
            Use this date
          </button>
          <button
            type="button"
            class="small"
            onClick={() => {
              onSetDate(null);
              setEditing(false);
            }}
          >
            Use today
          </button>
        </form>
      )}
    </div>
  );
}

/** Plural labels for "Hide all places". */
const PLURALS: Record<string, string> = {
  place: 'places',
  country: 'countries',
  'armed-group': 'armed groups',
  organization: 'organisations',
  person: 'people',
  event: 'events',
  agreement: 'agreements',
  community: 'communities',
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
      dir="ltr"
      lang="en"
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
            {entry.subtype ? ` · ${entry.subtype}` : ''}
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
              aria-label={pinned ? 'Unpin card' : 'Pin card: keep it open while reading on'}
              title={pinned ? 'Unpin' : 'Pin (keep open, move by its header)'}
            >
              <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                <path d="M6 1.5h4l-.6 4.2 2.6 2.3v1.5H8.7L8 15l-.7-5.5H4V8l2.6-2.3z" fill={pinned ? 'currentColor' : 'none'} stroke="currentColor" stroke-width="1.2" stroke-linejoin="round" />
              </svg>
            </button>
          )}
          {onBack && (
            <button type="button" class="icon" onClick={onBack} aria-label="Back to the previous card" title="Back">
              ←
            </button>
          )}
          <button type="button" class="icon" onClick={onClose} aria-label="Close card" title="Close (Esc)">
            ×
          </button>
        </div>
      </header>
      <div class="body">
        <h2 id={titleId} class="title" dir="auto">
          {entry.name}
        </h2>
        <p id="backstory-card-summary" class="summary" dir="auto">
          {entry.summary}
        </p>
        {view.map && <LocatorMapFigure name={entry.name} map={view.map} />}
        {entry.facts.length > 0 && (
          <dl class="facts">
            {entry.facts.map((fact) => (
              <div class="fact" key={fact.label}>
                <dt>{fact.label}</dt>
                <dd>{fact.value}</dd>
              </div>
            ))}
          </dl>
        )}
        {entry.timeline.length > 0 && (
          <section aria-label="Timeline">
            <DateControl asOf={asOf} onSetDate={onSetDate} today={today} />
            <h3>{asOf ? `Timeline to ${formatIsoDate(asOf.date)}` : 'Timeline'}</h3>
            {before.length > 0 ? <Events events={before} /> : <p class="muted">Nothing in this timeline before that date.</p>}
            {after.length > 0 && (
              <details class="since">
                <summary>
                  Since this article <span class="count">({after.length})</span>
                </summary>
                <Events events={after} />
              </details>
            )}
          </section>
        )}
        {related.length > 0 && (
          <section aria-label="Related">
            <h3>Related</h3>
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
                    {r.name}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <footer class="foot">
        <div class="sources">
          <span>Sources: </span>
          {entry.sources.map((source, i) => (
            <span key={source.url}>
              {i > 0 && ', '}
              <a href={source.url} target="_blank" rel="noopener noreferrer">
                {source.publisher ? `${source.title} (${source.publisher})` : source.title}
              </a>
            </span>
          ))}
        </div>
        {(props.onMuteEntity || props.onToggleDensity) && (
          <details class="display">
            <summary>Display options</summary>
            <div class="controls" role="group" aria-label="What Backstory shows">
              {props.onMuteEntity && (
                <button type="button" class="small" onClick={props.onMuteEntity}>
                  Hide “{entry.name}”
                </button>
              )}
              {props.onMuteType && (
                <button type="button" class="small" onClick={props.onMuteType}>
                  Hide all {PLURALS[entry.type]}
                </button>
              )}
              {props.onToggleDensity && (
                <button type="button" class="small" onClick={props.onToggleDensity}>
                  {props.density === 'first' ? 'Show every mention' : 'First mention only'}
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
          Last reviewed <time dateTime={entry.lastReviewed}>{formatIsoDate(entry.lastReviewed)}</time> · Backstory
        </div>
      </footer>
    </div>
  );
}
