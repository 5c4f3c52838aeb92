/**
 * Scans the page: text runs → matcher → mentions → highlights, in idle-time slices, and again
 * for the parts of the page that change later (live blogs, infinite scroll, single-page apps).
 */

import type { EntityType } from '../core/glossary-types.js';
import { findMatches, pageIsOnTopic, type CompiledMatcher } from '../core/matcher.js';
import type { HighlightLayer } from './highlight.js';
import { MentionIndex, type Mention } from './mentions.js';
import { isInSkippedContent, isInlineElement, locate, textRuns, type TextRun } from './scan.js';
import { MUTATION_DEBOUNCE_MS, SLICE_BUDGET_MS } from './timing.js';

type Idle = (callback: () => void) => void;

/** What the reader chose to see (from their settings). */
export interface Presentation {
  density: 'every' | 'first';
  mutedEntities: ReadonlySet<number>;
  mutedTypes: ReadonlySet<EntityType>;
}

export const SHOW_EVERYTHING: Presentation = { density: 'every', mutedEntities: new Set(), mutedTypes: new Set() };

/** requestIdleCallback where there is one, with a deadline so that scanning is never starved. */
const whenIdle: Idle =
  typeof requestIdleCallback === 'function'
    ? (callback) => requestIdleCallback(callback, { timeout: 100 })
    : (callback) => setTimeout(callback, 0);

export class PageScanner {
  readonly index = new MentionIndex();
  /** Entities found through unambiguous, region-specific aliases: they decide whether the page is on topic. */
  private readonly evidenceEntities = new Set<number>();
  /** Gated mentions waiting for the page to prove it is on topic. */
  private pending: Mention[] = [];
  private readonly queue: Generator<TextRun>[] = [];
  private pumping = false;
  private observer: MutationObserver | null = null;
  private dirty = new Set<Node>();
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private idleWaiters: (() => void)[] = [];

  /** The parts of the page being read (the article body by default). */
  private roots: Element[] = [];
  /** The address the roots were found for: a new address in a single-page app is a new article. */
  private href = '';

  /** Entities already shown once (for first-mention density). */
  private readonly shownEntities = new Set<number>();

  constructor(
    private readonly matcher: CompiledMatcher,
    private readonly layer: HighlightLayer,
    private readonly ignore: (node: Node) => boolean,
    private findRoots: () => Element[],
    private presentation: Presentation = SHOW_EVERYTHING,
  ) {}

  /** New settings: the page is read again under them. */
  reconfigure(findRoots: () => Element[], presentation: Presentation): void {
    this.findRoots = findRoots;
    this.presentation = presentation;
    if (this.observer) this.restart();
  }

  /** Scans the roots and keeps watching the whole body for changes. */
  start(): void {
    this.readRoots();
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  private readRoots(): void {
    this.href = location.href;
    this.roots = this.findRoots();
    for (const root of this.roots) this.enqueue(root);
  }

  /** The page became another article (route change, root replaced): start over. */
  private restart(): void {
    for (const mention of [...this.index.all()]) {
      for (const node of mention.nodes) this.forget(this.index.removeAt(node));
    }
    this.pending = [];
    this.evidenceEntities.clear();
    this.shownEntities.clear();
    this.queue.length = 0;
    this.dirty.clear();
    this.readRoots();
  }

  private inRoots(node: Node): boolean {
    return this.roots.some((root) => root.contains(node));
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.debounce);
    this.queue.length = 0;
  }

  /** Resolves when everything queued so far has been scanned (tests and the bench use it). */
  idle(): Promise<void> {
    if (!this.pumping && this.queue.length === 0 && this.dirty.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Distinct entities currently highlighted. */
  entities(): Set<number> {
    const found = new Set<number>();
    for (const m of this.index.all()) found.add(m.entity);
    return found;
  }

  private enqueue(root: Node): void {
    this.queue.push(textRuns(root));
    if (!this.pumping) {
      this.pumping = true;
      whenIdle(() => this.pump());
    }
  }

  private pump(): void {
    const sliceEnd = performance.now() + SLICE_BUDGET_MS;
    while (this.queue.length) {
      const next = this.queue[0]!.next();
      if (next.done) {
        this.queue.shift();
        continue;
      }
      this.scanRun(next.value);
      if (performance.now() >= sliceEnd) {
        whenIdle(() => this.pump());
        return;
      }
    }
    this.pumping = false;
    if (this.dirty.size === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private scanRun(run: TextRun): void {
    for (const match of findMatches(this.matcher, run.text)) {
      const start = locate(run, match.start, false);
      const end = locate(run, match.end, true);
      const first = run.nodes.indexOf(start.node);
      const last = run.nodes.indexOf(end.node, first);
      const mention: Mention = {
        entity: match.entity,
        type: this.matcher.entityTypes[match.entity]!,
        range: new StaticRange({
          startContainer: start.node,
          startOffset: start.offset,
          endContainer: end.node,
          endOffset: end.offset,
        }),
        nodes: run.nodes.slice(first, last + 1),
      };
      if (match.gated && !pageIsOnTopic(this.evidenceEntities)) {
        this.pending.push(mention);
        continue;
      }
      this.show(mention);
      if (match.topicEvidence) this.noteEvidence(match.entity);
    }
  }

  private show(mention: Mention): void {
    const { density, mutedEntities, mutedTypes } = this.presentation;
    if (mutedEntities.has(mention.entity) || mutedTypes.has(mention.type)) return;
    if (density === 'first' && this.shownEntities.has(mention.entity)) return;
    this.shownEntities.add(mention.entity);
    this.index.add(mention);
    this.layer.add(mention.type, mention.range);
  }

  private noteEvidence(entity: number): void {
    const wasOnTopic = pageIsOnTopic(this.evidenceEntities);
    this.evidenceEntities.add(entity);
    if (!wasOnTopic && pageIsOnTopic(this.evidenceEntities)) {
      const waiting = this.pending;
      this.pending = [];
      for (const mention of waiting) if (mention.nodes.every((n) => n.isConnected)) this.show(mention);
    }
  }

  private onMutations(records: MutationRecord[]): void {
    if (location.href !== this.href || this.roots.some((root) => !root.isConnected)) {
      clearTimeout(this.debounce);
      this.debounce = setTimeout(() => this.restart(), MUTATION_DEBOUNCE_MS);
      this.dirty.add(document.body);
      return;
    }
    let removed = false;
    for (const record of records) {
      if (this.ignore(record.target)) continue;
      if (record.type === 'characterData') this.dirty.add(record.target);
      for (const node of record.addedNodes) if (!this.ignore(node)) this.dirty.add(node);
      if (record.removedNodes.length) removed = true;
    }
    if (removed) this.forget(this.index.sweepDisconnected());
    if (this.dirty.size === 0) return;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.rescanDirty(), MUTATION_DEBOUNCE_MS);
  }

  /** Rescans the blocks that changed: their old mentions go, then the block is read again. */
  private rescanDirty(): void {
    const blocks = new Set<Node>();
    for (const node of this.dirty) {
      if (!node.isConnected || !this.inRoots(node) || isInSkippedContent(node)) continue;
      const block = containingBlock(node);
      // Never read beyond a root: a change at a root's edge rescans that root.
      blocks.add(this.roots.find((root) => block.contains(root) && root.contains(node)) ?? block);
    }
    this.dirty.clear();
    for (const block of outermost(blocks)) {
      this.forgetWithin(block);
      this.enqueue(block);
    }
    if (!this.pumping) this.pump();
  }

  private forgetWithin(root: Node): void {
    if (root.nodeType === Node.TEXT_NODE) {
      this.forget(this.index.removeAt(root as Text));
      return;
    }
    const walker = (root.ownerDocument ?? document).createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (this.index.has(node as Text)) this.forget(this.index.removeAt(node as Text));
    }
    this.pending = this.pending.filter((m) => !m.nodes.some((n) => root.contains(n)));
  }

  private forget(mentions: Mention[]): void {
    for (const m of mentions) this.layer.delete(m.type, m.range);
  }
}

/** The nearest ancestor that is not inline: a change there may join or split a name. */
function containingBlock(node: Node): Node {
  let el: Element | null = node instanceof Element ? node : node.parentElement;
  while (el && isInlineElement(el) && el.parentElement) el = el.parentElement;
  return el ?? node;
}

function outermost(nodes: Set<Node>): Node[] {
  const list = [...nodes];
  return list.filter((node) => !list.some((other) => other !== node && other.contains(node)));
}
