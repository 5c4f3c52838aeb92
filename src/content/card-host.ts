/**
 * The element the card lives in: a host with a closed shadow root, shown in the top layer
 * with the Popover API, placed beside the name with @floating-ui/dom.
 *
 * - Closed shadow root: page CSS cannot restyle the card and page scripts cannot read it.
 * - Top layer: no z-index contest with the page.
 * - The host exists only while a card is open, so the page's DOM is as it was otherwise.
 * - Events inside the card stop at the shadow root, so the page never reacts to clicks
 *   or keys meant for the card.
 */

import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
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

  show(content: ComponentChild, anchor: Anchor): void {
    if (!this.host) this.create();
    render(content, this.mount!);
    this.stopAutoUpdate?.();
    const reference: VirtualElement = { getBoundingClientRect: anchor.rect, contextElement: anchor.context };
    const host = this.host!;
    const mount = this.mount!;
    this.stopAutoUpdate = autoUpdate(reference, host, () => {
      void computePosition(reference, host, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(GAP),
          // flip before shift: the card goes above the line rather than over it.
          flip({ padding: EDGE, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
          shift({ padding: EDGE }),
          size({
            padding: EDGE,
            apply({ availableHeight }) {
              mount.style.setProperty('--max-height', `${Math.max(160, Math.floor(availableHeight))}px`);
            },
          }),
        ],
      }).then(({ x, y }) => {
        host.style.setProperty('left', `${Math.round(x)}px`, 'important');
        host.style.setProperty('top', `${Math.round(y)}px`, 'important');
      });
    });
  }

  /** Brings the card above top-layer content the page opened after it (dialogs, popovers). */
  raise(): void {
    if (!this.host) return;
    this.host.hidePopover();
    this.host.showPopover();
  }

  close(): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    if (!this.host) return;
    render(null, this.mount!);
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
