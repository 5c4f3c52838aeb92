/**
 * The background card for one glossary entry. Everything is rendered as text by Preact:
 * glossary text never becomes markup.
 */

import { formatIsoDate } from '../core/dates.js';
import type { EntryView, RelatedName } from '../shared/messages.js';
import { TYPE_STYLES } from './entity-types.js';

export interface CardProps {
  view: EntryView;
  /** Shown when the reader followed a related name: returns to the previous card. */
  onBack?: (() => void) | undefined;
  onOpenRelated: (related: RelatedName) => void;
  onClose: () => void;
}

export function Card({ view, onBack, onOpenRelated, onClose }: CardProps) {
  const { entry, related } = view;
  const style = TYPE_STYLES[entry.type];
  const titleId = 'backstory-card-title';
  return (
    <div
      class="card"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-describedby="backstory-card-summary"
      style={{ '--type-colour': style.colour }}
    >
      <header class="head">
        <div class="kind">
          <span class="symbol" aria-hidden="true">
            {style.symbol}
          </span>
          <span>
            {style.label}
            {entry.subtype ? ` · ${entry.subtype}` : ''}
          </span>
        </div>
        <div class="actions">
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
        <h2 id={titleId} class="title">
          {entry.name}
        </h2>
        <p id="backstory-card-summary" class="summary">
          {entry.summary}
        </p>
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
            <h3>Timeline</h3>
            <ol class="timeline">
              {entry.timeline.map((event) => (
                <li key={`${event.date}${event.text}`}>
                  <time dateTime={event.date}>{formatIsoDate(event.date)}</time>
                  <span>{event.text}</span>
                </li>
              ))}
            </ol>
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
        <div class="reviewed">
          Last reviewed <time dateTime={entry.lastReviewed}>{formatIsoDate(entry.lastReviewed)}</time> · Backstory
        </div>
      </footer>
    </div>
  );
}
