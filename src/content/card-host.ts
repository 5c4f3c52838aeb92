/**
 * The element the card lives in: a host with a closed shadow root, shown in the top layer
 * with the Popover API, placed beside the name with @floating-ui/dom.
 *
 * - Placement is src/core/layout.ts's pure decision; floating-ui's autoUpdate re-runs it when
 *   the page scrolls or resizes, so the card follows the name.
 * - Closed shadow root: page CSS cannot restyle the card and page scripts cannot read it.
 * - Top layer: no z-index contest with the page.
 * - The host exists only while a card is open, so the page's DOM is as it was otherwise.
 * - Events inside the card stop at the shadow root, so the page never reacts to clicks
 *   or keys meant for the card.
 */

import { autoUpdate, type VirtualElement } from '@floating-ui/dom';
import { placeCard } from '../core/layout.js';
import { pageTheme } from './page-theme.js';
import { uiDirection, uiLanguage } from '../ui/i18n.js';
import { render, type ComponentChild } from 'preact';
import cardCss from '../ui/card.css';

export const HOST_TAG = 'backstory-card';

/** Gap between the hovered line and the card, in CSS pixels. */
const GAP = 6;
/** Space kept free between the card and the viewport's edges. */
const EDGE = 8;

const HOST_STYLE = [
  'position: fixed',
  'inset: auto',
  'top: 0',
  'left: 0',
  'margin: 0',
  'padding: 0',
  'border: 0',
  'background: transparent',
  'overflow: visible',
  'width: max-content',
  'height: auto',
  'max-width: none',
  'max-height: none',
  'color-scheme: light dark',
  'display: block',
].map((rule) => `${rule} !important`).join('; ');

/** Events that must not reach the page when they happen inside the card. */
const CONTAINED_EVENTS = [
  'click', 'dblclick', 'auxclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup',
  'pointermove', 'mousemove', 'touchstart', 'touchend', 'keydown', 'keyup', 'keypress', 'wheel', 'focusin', 'focusout',
];

export interface Anchor {
  /** The rectangle of the name's line, in viewport coordinates, recomputed on scroll. */
  rect: () => DOMRect;
  /** An element the name is in, so that scrolling its containers moves the card. */
  context: Element;
}

export class CardHost {
  private host: HTMLElement | null = null;
  private mount: HTMLElement | null = null;
  private stopAutoUpdate: (() => void) | null = null;
  /** The reader moved the card: it stays where they put it until it closes. */
  private moved = false;

  constructor(
    private readonly onPointerEnter: () => void,
    private readonly onPointerLeave: () => void,
    /** A key pressed inside the card (keys inside it never reach the page's listeners). */
    private readonly onKey: (event: KeyboardEvent) => void,
  ) {}

  /** Moves keyboard focus into the card, onto the dialog itself, so it is announced. */
  focus(): void {
    const dialog = this.mount?.querySelector<HTMLElement>('[role="dialog"]');
    dialog?.focus({ preventScroll: true });
  }

  /** True when keyboard focus is inside the card. */
  get hasFocus(): boolean {
    return this.host !== null && document.activeElement === this.host;
  }

  get isOpen(): boolean {
    return this.host !== null;
  }

  /** True if the event happened in the card (the page sees it retargeted to the host). */
  holds(target: EventTarget | null): boolean {
    return target !== null && target === this.host;
  }

  /** The reader's theme setting: follow the page, or always light / dark. */
  themeChoice: 'auto' | 'light' | 'dark' = 'auto';

  show(content: ComponentChild, anchor: Anchor): void {
    if (!this.host) this.create();
    const theme = this.themeChoice === 'auto' ? pageTheme(anchor.context) : this.themeChoice;
    const dark = theme === 'dark' || (theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
    this.mount!.className = dark ? 'theme-dark' : 'theme-light';
    render(content, this.mount!);
    if (this.moved) return;
    this.stopAutoUpdate?.();
    const reference: VirtualElement = { getBoundingClientRect: anchor.rect, contextElement: anchor.context };
    const host = this.host!;
    const mount = this.mount!;
    const rtl = getComputedStyle(anchor.context).direction === 'rtl';
    this.stopAutoUpdate = autoUpdate(reference, host, () => {
      const card = mount.firstElementChild;
      if (!card) return;
      // Its natural size: as drawn, plus what its scrolling body hides under the current cap.
      const drawn = card.getBoundingClientRect();
      const body = card.querySelector('.body');
      const hidden = body ? body.scrollHeight - body.clientHeight : 0;
      const size = { width: drawn.width, height: drawn.height + hidden };
      const place = placeCard(anchor.rect(), size, { width: innerWidth, height: innerHeight }, { gap: GAP, margin: EDGE, rtl });
      mount.style.setProperty('--max-height', `${place.maxHeight}px`);
      host.style.setProperty('left', `${place.x}px`, 'important');
      host.style.setProperty('top', `${place.y}px`, 'important');
    });
  }

  /** Stops following the name: the card stays where the reader put it. */
  detach(): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
  }

  /** Moves the card with the pointer from `event` (on its header) until the button is released. */
  drag(event: PointerEvent): void {
    const host = this.host;
    if (!host) return;
    this.detach();
    this.moved = true;
    const start = host.getBoundingClientRect();
    const dx = event.clientX - start.left;
    const dy = event.clientY - start.top;
    const handle = event.target as Element;
    handle.setPointerCapture(event.pointerId);
    const move = (e: Event): void => {
      const p = e as PointerEvent;
      const x = Math.min(Math.max(p.clientX - dx, 0), innerWidth - 40);
      const y = Math.min(Math.max(p.clientY - dy, 0), innerHeight - 40);
      host.style.setProperty('left', `${Math.round(x)}px`, 'important');
      host.style.setProperty('top', `${Math.round(y)}px`, 'important');
    };
    const end = (): void => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  }

  close(): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    if (!this.host) return;
    render(null, this.mount!);
    this.moved = false;
    this.host.remove();
    this.host = null;
    this.mount = null;
  }

  private create(): void {
    const host = document.createElement(HOST_TAG);
    host.setAttribute('popover', 'manual');
    host.setAttribute('style', HOST_STYLE);
    const shadow = host.attachShadow({ mode: 'closed' });
    applyStyles(shadow, cardCss);
    const mount = document.createElement('div');
    mount.style.setProperty('--max-height', '70vh');
    // The card speaks the interface's language, whatever the page's direction.
    mount.dir = uiDirection();
    mount.lang = uiLanguage();
    shadow.appendChild(mount);
    shadow.addEventListener('keydown', (event) => this.onKey(event as KeyboardEvent));
    for (const type of CONTAINED_EVENTS) shadow.addEventListener(type, (event) => event.stopPropagation());
    host.addEventListener('pointerenter', this.onPointerEnter);
    host.addEventListener('pointerleave', this.onPointerLeave);
    document.documentElement.appendChild(host);
    host.showPopover();
    this.host = host;
    this.mount = mount;
  }
}

/** Styles the shadow root; a constructed sheet where allowed, else a style element. */
function applyStyles(shadow: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    shadow.appendChild(style);
  }
}
