/**
 * The reading interaction: pointer rests on a name → after the hover-intent delay its card
 * opens beside the line; moving into the card keeps it; leaving name and card closes it after
 * a grace period; Esc closes it; a tap on a name opens it at once.
 */

import { h } from 'preact';
import browser from 'webextension-polyfill';
import type { EntryResponse, EntryView, Request, RunMatch } from '../shared/messages.js';
import { detectPublicationDate, type PublicationDate } from '../core/published.js';
import type { Settings } from '../core/settings.js';
import { updateSettings } from '../shared/settings-store.js';
import { Card, type AsOf } from '../ui/Card.js';
import { findArticleRoots } from './article-root.js';
import { CardHost } from './card-host.js';
import { collectDateEvidence } from './date-evidence.js';
import type { HighlightLayer } from './highlight.js';
import type { Mention, MentionIndex } from './mentions.js';
import { lineIndexOf, lineRect, mentionAt, type Hit } from './pointer.js';
import { isTyping, stepFor, type StepDirection } from './keys.js';
import { CLOSE_GRACE_MS, STEP_REPEAT_MS } from './timing.js';
import { NotFoundCard } from '../ui/NotFoundCard.js';

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
  /** Where a card opened from the context menu stands: beside the selection, not a mention. */
  private lookupAnchor: { rect: () => DOMRect; context: Element } | null = null;
  private lastStepAt = -Infinity;
  /**
   * How the open (or opening) card was asked for. Only a card opened by hovering closes when
   * the pointer is elsewhere: after a keyboard step scrolls the page, browsers send pointer
   * moves under a pointer that never moved, and those must not undo what the keyboard did.
   */
  private openedBy: 'pointer' | 'keyboard' | 'touch' = 'pointer';
  /** A pinned card stays open while the reader reads on; hovering other names opens nothing. */
  private pinned = false;
  /** Where keyboard focus was before a card took it; it goes back there when the card closes. */
  private returnFocus: Element | null = null;

  constructor(
    private readonly index: MentionIndex,
    private readonly layer: HighlightLayer,
    private settings: Settings,
    /** Matches one piece of text with the tab's matchers (for looking up a selection). */
    private readonly matchText: (text: string) => Promise<RunMatch[]>,
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
      (event) => this.onKeyDown(event),
    );
  }

  listen(): void {
    const options = { capture: true, passive: true };
    document.addEventListener('pointermove', (e) => this.onPointerMove(e), options);
    document.addEventListener('pointerup', (e) => this.onPointerUp(e), options);
    document.addEventListener('keydown', (e) => this.onKeyDown(e), { capture: true });
    document.addEventListener('mouseleave', () => this.onPointerGone(), options);
  }

  /** The scanner reads the page again under new settings; the card's mention may be gone. */
  settingsChanged(settings: Settings): void {
    this.settings = settings;
    this.card.themeChoice = settings.theme;
    this.close();
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
    if (this.pinned) return;
    const hit = mentionAt(this.index, x, y);
    this.layer.setHovered(hit ? hit.mention.range : null);
    if (!hit) {
      if (this.openedBy !== 'pointer') return;
      this.cancelOpen();
      if (this.card.isOpen && !this.pointerInCard) this.scheduleClose();
      return;
    }
    this.cancelClose();
    if (hit.mention === this.openMention || hit.mention === this.pendingMention) return;
    this.cancelOpen();
    this.pendingMention = hit.mention;
    this.openedBy = 'pointer';
    this.openTimer = setTimeout(() => void this.open(hit), this.settings.hoverDelayMs);
  }

  private onPointerUp(event: PointerEvent): void {
    if (event.pointerType !== 'touch' || this.card.holds(event.target) || this.pinned) return;
    const hit = mentionAt(this.index, event.clientX, event.clientY);
    if (hit) {
      this.openedBy = 'touch';
      void this.open(hit);
    } else this.close();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && (this.card.isOpen || this.pendingMention)) {
      this.close();
      return;
    }
    const direction = isTyping(event.target) ? null : stepFor(event, this.settings.stepKeys);
    if (direction) {
      event.preventDefault();
      void this.step(direction);
    }
  }

  /** Mentions in reading order. */
  private mentionsInOrder(): Mention[] {
    return [...this.index.all()].sort((a, b) => {
      if (a.range.startContainer === b.range.startContainer) return a.range.startOffset - b.range.startOffset;
      return a.range.startContainer.compareDocumentPosition(b.range.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
  }

  /** Keyboard: goes to the next or previous name, scrolls it into view, opens its card with focus. */
  async step(direction: StepDirection): Promise<void> {
    // One key press can arrive twice: as the browser's command and as the page's keydown.
    const now = performance.now();
    if (now - this.lastStepAt < STEP_REPEAT_MS) return;
    this.lastStepAt = now;
    const mentions = this.mentionsInOrder();
    if (mentions.length === 0) return;
    const at = this.openMention ? mentions.indexOf(this.openMention) : -1;
    const next =
      at < 0
        ? direction === 'next' ? mentions[0]! : mentions[mentions.length - 1]!
        : mentions[(at + (direction === 'next' ? 1 : mentions.length - 1)) % mentions.length]!;
    const block = next.nodes[0]!.parentElement;
    const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
    block?.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
    if (!this.card.hasFocus) this.returnFocus = document.activeElement;
    this.openedBy = 'keyboard';
    await this.openMentionCard(next, 0, true);
  }

  /** From the popup: scrolls to the first mention of an entry and opens its card. */
  async reveal(id: string): Promise<void> {
    const first = this.mentionsInOrder().find((m) => m.id === id);
    if (!first) return;
    first.nodes[0]!.parentElement?.scrollIntoView({ block: 'center' });
    if (!this.card.hasFocus) this.returnFocus = document.activeElement;
    this.openedBy = 'keyboard';
    await this.openMentionCard(first, 0, true);
  }

  /**
   * From the context menu: the card for the selected name, beside the selection; for a name
   * the glossary does not know, a card that offers to add it to the reader's own glossary.
   */
  async lookUp(text: string): Promise<void> {
    const selection = document.getSelection();
    const range = selection && selection.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
    const found = (await this.matchText(text)).sort((a, b) => b.end - b.start - (a.end - a.start))[0];
    const context = (range?.commonAncestorContainer instanceof Element ? range.commonAncestorContainer : range?.commonAncestorContainer.parentElement) ?? document.body;
    const rect = (): DOMRect => range?.getBoundingClientRect() ?? new DOMRect(innerWidth / 2, innerHeight / 3, 0, 0);
    this.close();
    if (!this.card.hasFocus) this.returnFocus = document.activeElement;
    this.openedBy = 'keyboard';
    if (found) {
      const view = await fetchView(found.id);
      if (view) {
        this.currentView = view;
        this.lookupAnchor = { rect, context };
        this.render(view);
        this.card.focus();
        return;
      }
    }
    this.card.show(
      h(NotFoundCard, {
        text: text.trim(),
        onAdd: () => {
          const request: Request = { type: 'open-options', add: text.trim() };
          void browser.runtime.sendMessage(request).catch(() => undefined);
          this.close();
        },
        onClose: () => this.close(),
      }),
      { rect, context },
    );
    this.card.focus();
  }

  private onPointerGone(): void {
    if (this.pinned || this.openedBy !== 'pointer') return;
    this.cancelOpen();
    if (this.card.isOpen && !this.pointerInCard) this.scheduleClose();
  }

  private open(hit: Hit): Promise<void> {
    return this.openMentionCard(hit.mention, lineIndexOf(hit.mention, hit.line), false);
  }

  private async openMentionCard(mention: Mention, line: number, takeFocus: boolean): Promise<void> {
    this.cancelOpen();
    this.cancelClose();
    this.pendingMention = mention;
    const view = await fetchView(mention.id);
    // The pointer may have moved on while the entry was on its way.
    if (!view || this.pendingMention !== mention) return;
    this.pendingMention = null;
    this.lookupAnchor = null;
    this.openMention = mention;
    this.openLine = line;
    this.history = [];
    this.layer.setActive(mention.range);
    this.render(view);
    if (takeFocus) this.card.focus();
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
    const anchor = mention
      ? { rect: () => lineRect(mention, this.openLine), context: mention.nodes[0]!.parentElement ?? document.body }
      : this.lookupAnchor;
    if (!anchor) return;
    this.currentView = view;
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
        pinned: this.pinned,
        onTogglePin: () => {
          this.pinned = !this.pinned;
          if (this.pinned) this.cancelClose();
          if (this.currentView) this.render(this.currentView);
        },
        onDragStart: (event: PointerEvent) => this.card.drag(event),
        density: this.settings.density,
        onToggleDensity: () =>
          void updateSettings((s) => ({ ...s, density: s.density === 'every' ? 'first' : 'every' })),
        onMuteEntity: () =>
          void updateSettings((s) => ({ ...s, mutedEntities: [...new Set([...s.mutedEntities, view.entry.id])] })),
        onMuteType: () =>
          void updateSettings((s) => ({ ...s, mutedTypes: [...new Set([...s.mutedTypes, view.entry.type])] })),
        onOpenSettings: () => {
          const request: Request = { type: 'open-options' };
          void browser.runtime.sendMessage(request).catch(() => undefined);
        },
      }),
      anchor,
    );
  }

  private async follow(id: string, from: EntryView): Promise<void> {
    const view = await fetchView(id);
    if (!view || (!this.openMention && !this.lookupAnchor)) return;
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
    const hadFocus = this.card.hasFocus;
    this.card.close();
    if (hadFocus && this.returnFocus instanceof HTMLElement && this.returnFocus.isConnected) {
      this.returnFocus.focus({ preventScroll: true });
    }
    this.returnFocus = null;
    this.layer.setActive(null);
    this.openMention = null;
    this.lookupAnchor = null;
    this.pointerInCard = false;
    this.pinned = false;
    this.openedBy = 'pointer';
    this.history = [];
  }

  private scheduleClose(): void {
    if (this.closeTimer !== undefined || this.pinned) return;
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
