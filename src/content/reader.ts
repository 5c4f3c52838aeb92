/**
 * The reading interaction: pointer rests on a name → after the hover-intent delay its card
 * opens beside the line; moving into the card keeps it; leaving name and card closes it after
 * a grace period; Esc closes it; a tap on a name opens it at once.
 */

import { h } from 'preact';
import browser from 'webextension-polyfill';
import type { EntryResponse, EntryView, Request } from '../shared/messages.js';
import { detectPublicationDate, type PublicationDate } from '../core/published.js';
import { Card, type AsOf } from '../ui/Card.js';
import { findArticleRoots } from './article-root.js';
import { CardHost } from './card-host.js';
import { collectDateEvidence } from './date-evidence.js';
import type { HighlightLayer } from './highlight.js';
import type { Mention, MentionIndex } from './mentions.js';
import { lineIndexOf, lineRect, mentionAt, type Hit } from './pointer.js';
import { CLOSE_GRACE_MS, OPEN_DELAY_MS } from './timing.js';

async function fetchView(id: string): Promise<EntryView | null> {
  const request: Request = { type: 'get-entry', id };
  try {
    const response = (await browser.runtime.sendMessage(request)) as EntryResponse | undefined;
    return response && response.ok ? response.view : null;
  } catch {
    // The extension was reloaded or updated under this page: nothing to show.
    return null;
  }
}

export class Reader {
  private readonly card: CardHost;
  private openMention: Mention | null = null;
  private openLine = 0;
  private pendingMention: Mention | null = null;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private pointerInCard = false;
  private history: EntryView[] = [];
  private frame = 0;
  private lastPoint = { x: 0, y: 0 };
  /** The article's detected date, per address (single-page apps change article in place). */
  private articleDate: { href: string; date: PublicationDate | null } | null = null;
  /** The date the reader chose for this page; null means "as of today". */
  private chosenDate: { href: string; date: string | null } | null = null;
  private currentView: EntryView | null = null;

  constructor(
    private readonly index: MentionIndex,
    private readonly layer: HighlightLayer,
    private readonly entityIds: readonly string[],
  ) {
    this.card = new CardHost(
      () => {
        this.pointerInCard = true;
        this.cancelClose();
      },
      () => {
        this.pointerInCard = false;
        this.scheduleClose();
      },
    );
  }

  listen(): void {
    const options = { capture: true, passive: true };
    document.addEventListener('pointermove', (e) => this.onPointerMove(e), options);
    document.addEventListener('pointerup', (e) => this.onPointerUp(e), options);
    document.addEventListener('keydown', (e) => this.onKeyDown(e), { capture: true });
    document.addEventListener('mouseleave', () => this.onPointerGone(), options);
  }

  private onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    if (this.card.holds(event.target)) return;
    this.lastPoint = { x: event.clientX, y: event.clientY };
    // One hit test per frame at most, however fast the pointer reports.
    if (!this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.onPointerAt(this.lastPoint.x, this.lastPoint.y);
      });
    }
  }

  private onPointerAt(x: number, y: number): void {
    const hit = mentionAt(this.index, x, y);
    if (!hit) {
      this.cancelOpen();
      if (this.card.isOpen && !this.pointerInCard) this.scheduleClose();
      return;
    }
    this.cancelClose();
    if (hit.mention === this.openMention || hit.mention === this.pendingMention) return;
    this.cancelOpen();
    this.pendingMention = hit.mention;
    this.openTimer = setTimeout(() => void this.open(hit), OPEN_DELAY_MS);
  }

  private onPointerUp(event: PointerEvent): void {
    if (event.pointerType !== 'touch' || this.card.holds(event.target)) return;
    const hit = mentionAt(this.index, event.clientX, event.clientY);
    if (hit) void this.open(hit);
    else this.close();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && (this.card.isOpen || this.pendingMention)) this.close();
  }

  private onPointerGone(): void {
    this.cancelOpen();
    if (this.card.isOpen && !this.pointerInCard) this.scheduleClose();
  }

  private async open(hit: Hit): Promise<void> {
    this.pendingMention = hit.mention;
    const view = await fetchView(this.entityIds[hit.mention.entity]!);
    // The pointer may have moved on while the entry was on its way.
    if (!view || this.pendingMention !== hit.mention) return;
    this.pendingMention = null;
    this.openMention = hit.mention;
    this.openLine = lineIndexOf(hit.mention, hit.line);
    this.history = [];
    this.layer.setActive(hit.mention.range);
    this.render(view);
  }

  private today(): string {
    return new Date().toISOString().slice(0, 10);
  }

  /** The date the card tells the background as of: the reader's choice, else the article's. */
  private asOf(): AsOf | null {
    const href = location.href;
    if (this.chosenDate?.href === href) return this.chosenDate.date ? { date: this.chosenDate.date, source: 'reader' } : null;
    if (this.articleDate?.href !== href) {
      const evidence = collectDateEvidence(document, findArticleRoots(document));
      this.articleDate = { href, date: detectPublicationDate(evidence, this.today()) };
    }
    const found = this.articleDate.date;
    return found ? { date: found.date, source: found.source } : null;
  }

  private render(view: EntryView): void {
    const mention = this.openMention;
    if (!mention) return;
    this.currentView = view;
    const context = mention.nodes[0]!.parentElement ?? document.body;
    this.card.show(
      h(Card, {
        view,
        asOf: this.asOf(),
        today: this.today(),
        onSetDate: (date) => {
          this.chosenDate = { href: location.href, date };
          if (this.currentView) this.render(this.currentView);
        },
        onBack: this.history.length ? () => this.back() : undefined,
        onOpenRelated: (related) => void this.follow(related.id, view),
        onClose: () => this.close(),
      }),
      { rect: () => lineRect(mention, this.openLine), context },
    );
  }

  private async follow(id: string, from: EntryView): Promise<void> {
    const view = await fetchView(id);
    if (!view || !this.openMention) return;
    this.history.push(from);
    this.render(view);
  }

  private back(): void {
    const previous = this.history.pop();
    if (previous) this.render(previous);
  }

  close(): void {
    this.cancelOpen();
    this.cancelClose();
    this.card.close();
    this.layer.setActive(null);
    this.openMention = null;
    this.pointerInCard = false;
    this.history = [];
  }

  private scheduleClose(): void {
    if (this.closeTimer !== undefined) return;
    this.closeTimer = setTimeout(() => {
      this.closeTimer = undefined;
      if (!this.pointerInCard) this.close();
    }, CLOSE_GRACE_MS);
  }

  private cancelClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }

  private cancelOpen(): void {
    clearTimeout(this.openTimer);
    this.openTimer = undefined;
    this.pendingMention = null;
  }
}
