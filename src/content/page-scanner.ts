/**
 * Scans the page: text runs → matcher → mentions → highlights, in idle-time slices, and again
 * for the parts of the page that change later (live blogs, infinite scroll, single-page apps).
 */

import type { EntityType } from '../core/glossary-types.js';
import { gateIsOpen, type Gate } from '../core/matcher.js';
import type { Scope } from './article-root.js';
import type { HighlightLayer } from './highlight.js';
import type { MatchSource, RunMatch } from './match-source.js';
import { MentionIndex, type Mention } from './mentions.js';
import { blockIsVisible, isInSkippedContent, isInlineElement, locate, TextRunWalker, type TextRun } from './scan.js';
import { MUTATION_DEBOUNCE_MS, SLICE_BUDGET_MS } from './timing.js';

type Idle = (callback: () => void) => void;

/**
 * New highlights per slice at most: each one is painted in the next frame, so a slice that
 * added thousands would move its cost into the page's rendering task.
 */
const MAX_RANGES_PER_SLICE = 250;

/** What the reader chose to see (from their settings). */
export interface Presentation {
  density: 'every' | 'first';
  mutedEntities: ReadonlySet<string>;
  mutedTypes: ReadonlySet<EntityType>;
}

export const SHOW_EVERYTHING: Presentation = { density: 'every', mutedEntities: new Set(), mutedTypes: new Set() };

/** requestIdleCallback where there is one, with a deadline so that scanning is never starved. */
export const whenIdle: Idle =
  typeof requestIdleCallback === 'function'
    ? (callback) => requestIdleCallback(callback, { timeout: 100 })
    : (callback) => setTimeout(callback, 0);

export class PageScanner {
  readonly index = new MentionIndex();
  /** Entities found through unambiguous, region-specific aliases: they decide whether the page is on topic. */
  private readonly evidenceEntities = new Set<string>();
  /** Gated mentions waiting for the page to prove it is on topic (and to name what they need beside them). */
  private pending: { mention: Mention; gate: Gate<string> }[] = [];
  private readonly queue: TextRunWalker[] = [];
  /** The roots are to be found again before the queue is read (a new reading). */
  private rootsToFind = false;
  private pumping = false;
  /** Bumped on every restart, so that a batch in flight for an older reading is dropped. */
  private generation = 0;
  private observer: MutationObserver | null = null;
  private dirty = new Set<Node>();
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private idleWaiters: (() => void)[] = [];
  /** The parts of the page being read (the article body by default). */
  private roots: Element[] = [];
  /** The address the roots were found for: a new address in a single-page app is a new article. */
  private href = '';
  /** Entities already shown once (for first-mention density). */
  private readonly shownEntities = new Set<string>();
  /** Bench build only: main-thread time spent scanning, matching and highlighting. */
  benchBusyMs = 0;
  /** Bench build only: of that, the walk (reading runs) and the applying of matches. */
  benchWalkMs = 0;
  benchApplyMs = 0;
  /** Bench build only: of that, finding the article's roots. */
  benchRootsMs = 0;
  /**
   * Bench build only: the longest stretch of the reading's work in one task (from a slice's
   * start, or an answer's arrival, to the next wait): what a long-task observer would blame on
   * the extension. Measured from inside, so that it can be read in any browser.
   */
  benchLongestTaskMs = 0;
  /** Highlights added so far by this scanner (counted here: the layer's own count walks every highlight). */
  private rangesShown = 0;

  constructor(
    private readonly source: MatchSource,
    private readonly layer: HighlightLayer,
    private readonly ignore: (node: Node) => boolean,
    private scope: Scope,
    private presentation: Presentation = SHOW_EVERYTHING,
    private readonly isVisible: (block: Element) => boolean = blockIsVisible,
  ) {}

  /** New settings: the page is read again under them. */
  reconfigure(scope: Scope, presentation: Presentation): void {
    this.scope = scope;
    this.presentation = presentation;
    if (this.observer) this.restart();
  }

  /** Called when a reading has finished (the badge counts the names then). */
  onSettled: () => void = () => undefined;

  /** Scans the roots and keeps watching the whole body for changes. */
  start(): void {
    if (this.observer) return;
    this.readRoots();
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  /** Switched off (site switch, pause): every highlight goes, nothing is watched. */
  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.debounce);
    this.clearReading();
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
    this.onSettled();
  }

  get running(): boolean {
    return this.observer !== null;
  }

  /** Distinct entities shown, with their number of mentions. */
  entityCounts(): Map<string, { type: EntityType; mentions: number }> {
    const counts = new Map<string, { type: EntityType; mentions: number }>();
    for (const m of this.index.all()) {
      const entry = counts.get(m.id);
      if (entry) entry.mentions++;
      else counts.set(m.id, { type: m.type, mentions: 1 });
    }
    return counts;
  }

  /** Resolves when everything queued so far has been scanned (tests and the bench use it). */
  idle(): Promise<void> {
    if (!this.pumping && this.queue.length === 0 && this.dirty.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Asks for the roots to be found and read. Finding them reads the text of the page's
   * paragraphs, so it is done in the first idle slice of the reading, like the rest of it.
   */
  private readRoots(): void {
    this.href = location.href;
    this.rootsToFind = true;
    this.schedule();
  }

  private findAndQueueRoots(): void {
    this.rootsToFind = false;
    const started = __BACKSTORY_BENCH__ ? performance.now() : 0;
    this.roots = this.scope.roots();
    for (const root of this.roots) this.queue.push(new TextRunWalker(root, this.scope.skipWithin));
    if (__BACKSTORY_BENCH__) this.benchRootsMs += performance.now() - started;
  }

  /** The page became another article (route change, root replaced, new settings): start over. */
  private restart(): void {
    this.clearReading();
    this.readRoots();
  }

  private clearReading(): void {
    for (const mention of [...this.index.all()]) {
      for (const node of mention.nodes) this.forget(this.index.removeAt(node));
    }
    this.pending = [];
    this.evidenceEntities.clear();
    this.shownEntities.clear();
    this.queue.length = 0;
    this.rootsToFind = false;
    this.dirty.clear();
    this.generation++;
    this.pumping = false;
  }

  private inRoots(node: Node): boolean {
    return this.roots.some((root) => root.contains(node));
  }

  /** Inside what the scope leaves out within a root (a menu inside the article). */
  private inFurniture(node: Node): boolean {
    const selector = this.scope.skipWithin;
    const element = node instanceof Element ? node : node.parentElement;
    const furniture = selector ? element?.closest(selector) : null;
    return furniture != null && this.roots.some((root) => root !== furniture && root.contains(furniture));
  }

  private enqueue(root: Node): void {
    this.queue.push(new TextRunWalker(root, this.scope.skipWithin));
    this.schedule();
  }

  private schedule(): void {
    if (this.pumping) return;
    this.pumping = true;
    const generation = this.generation;
    whenIdle(() => void this.pump(generation));
  }

  /** The next runs to match, up to the source's batch size or the slice's deadline. */
  private takeBatch(deadline: number): TextRun[] {
    const batch: TextRun[] = [];
    let chars = 0;
    while (this.queue.length && chars < this.source.batchChars) {
      // At least one run per slice, so that a slow walk still moves on.
      if (batch.length && performance.now() >= deadline) break;
      const run = this.queue[0]!.next();
      if (!run) {
        this.queue.shift();
        continue;
      }
      batch.push(run);
      chars += run.text.length;
    }
    return batch;
  }

  /**
   * Reads and matches in slices: at most SLICE_BUDGET_MS of main-thread work (and at most
   * MAX_RANGES_PER_SLICE new highlights, which the next frame must paint), then the page gets
   * the thread back until the browser is idle again. The walk, the matching and the applying
   * of a batch's results are all cut by the same clock: a batch of 200,000 characters comes
   * back from the background in one message but is applied over as many slices as it needs.
   */
  private async pump(generation: number): Promise<void> {
    // Scheduled for a reading that was restarted before this slice came: the queue now holds
    // the new reading's runs, which only the new reading's pump may take.
    if (generation !== this.generation) return;
    /** Start of the current slice: the work done since then is in this task. */
    let slice = performance.now();
    let rangesAtSliceStart = this.rangesShown;
    /** Bench build: start of the current stretch of work (waits for matches are not counted). */
    let segment = slice;
    /** Bench build: when this task's share of the reading began (the last resumption). */
    let resumed = slice;
    const endOfTask = (): void => {
      if (__BACKSTORY_BENCH__) this.benchLongestTaskMs = Math.max(this.benchLongestTaskMs, performance.now() - resumed);
    };
    const sliceIsFull = (): boolean =>
      performance.now() - slice >= SLICE_BUDGET_MS || this.rangesShown - rangesAtSliceStart >= MAX_RANGES_PER_SLICE;
    /** Gives the thread back until the next idle period; false if the reading was restarted meanwhile. */
    const nextSlice = async (): Promise<boolean> => {
      if (__BACKSTORY_BENCH__) this.benchBusyMs += performance.now() - segment;
      endOfTask();
      await new Promise<void>((resolve) => whenIdle(resolve));
      slice = segment = resumed = performance.now();
      rangesAtSliceStart = this.rangesShown;
      return generation === this.generation;
    };
    if (this.rootsToFind) this.findAndQueueRoots();
    while (this.queue.length) {
      const walkStarted = __BACKSTORY_BENCH__ ? performance.now() : 0;
      const batch = this.takeBatch(slice + SLICE_BUDGET_MS);
      if (__BACKSTORY_BENCH__) this.benchWalkMs += performance.now() - walkStarted;
      if (batch.length === 0) break;
      const sent = performance.now();
      if (__BACKSTORY_BENCH__) this.benchBusyMs += sent - segment;
      // The batch is serialised inside this call, before its first wait: its cost is this task's.
      const pending = this.source.match(batch.map((run) => run.text));
      endOfTask();
      const results = await pending;
      if (__BACKSTORY_BENCH__) resumed = performance.now();
      // A restart while the batch was away: its nodes belong to an older reading.
      if (generation !== this.generation) return;
      if (results.some((matches) => matches.length > 0)) {
        // Applied in an idle period, not in the task the answer came in: that task runs at any
        // point of the page's frame, often while the page is still loading and its style is out
        // of date, and asking a block's visibility would force the style to be computed there
        // and then (most of the applying time on news pages). In an idle period it is current.
        segment = performance.now();
        if (!(await nextSlice())) return;
      } else {
        const back = performance.now();
        // The answer comes in a task of its own, but the reader's own matcher may have run in it
        // (src/content/own-matches.ts): only a wait of a whole slice or more starts a new slice.
        if (back - sent >= SLICE_BUDGET_MS) slice = back;
        segment = back;
      }
      for (let i = 0; i < batch.length; i++) {
        if (i > 0 && sliceIsFull() && !(await nextSlice())) return;
        const applyStarted = __BACKSTORY_BENCH__ ? performance.now() : 0;
        this.applyMatches(batch[i]!, results[i] ?? []);
        if (__BACKSTORY_BENCH__) this.benchApplyMs += performance.now() - applyStarted;
      }
      if (this.queue.length && sliceIsFull() && !(await nextSlice())) return;
    }
    if (__BACKSTORY_BENCH__) this.benchBusyMs += performance.now() - segment;
    endOfTask();
    this.pumping = false;
    this.onSettled();
    if (this.dirty.size === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private applyMatches(run: TextRun, matches: readonly RunMatch[]): void {
    // A run changed while its batch was matched is read again by the mutation rescan.
    if (matches.length === 0 || !run.nodes.every((n) => n.isConnected)) return;
    // Hidden text (a collapsed section, a template the page keeps in a hidden block) is
    // matched like any other, but not shown.
    if (run.block && !this.isVisible(run.block)) return;
    for (const match of matches) {
      const start = locate(run, match.start, false);
      const end = locate(run, match.end, true);
      const mention: Mention = {
        id: match.id,
        type: match.type,
        range: new StaticRange({
          startContainer: start.node,
          startOffset: start.offset,
          endContainer: end.node,
          endOffset: end.offset,
        }),
        nodes: run.nodes.slice(start.index, end.index + 1),
      };
      if (!gateIsOpen(match, this.evidenceEntities)) {
        this.pending.push({ mention, gate: match });
        continue;
      }
      this.show(mention);
      if (match.topicEvidence) this.noteEvidence(match.id);
    }
  }

  private show(mention: Mention): void {
    const { density, mutedEntities, mutedTypes } = this.presentation;
    if (mutedEntities.has(mention.id) || mutedTypes.has(mention.type)) return;
    if (density === 'first' && this.shownEntities.has(mention.id)) return;
    this.shownEntities.add(mention.id);
    this.index.add(mention);
    this.layer.add(mention.type, mention.range);
    this.rangesShown++;
  }

  /** A new entity named unambiguously: the gated mentions waiting for it are shown. */
  private noteEvidence(id: string): void {
    if (this.evidenceEntities.has(id)) return;
    this.evidenceEntities.add(id);
    if (this.pending.length === 0) return;
    const waiting = this.pending;
    this.pending = [];
    for (const entry of waiting) {
      if (!gateIsOpen(entry.gate, this.evidenceEntities)) this.pending.push(entry);
      else if (entry.mention.nodes.every((n) => n.isConnected)) this.show(entry.mention);
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
      if (!node.isConnected || !this.inRoots(node) || isInSkippedContent(node) || this.inFurniture(node)) continue;
      const block = containingBlock(node);
      // Never read beyond a root: a change at a root's edge rescans that root.
      blocks.add(this.roots.find((root) => block.contains(root) && root.contains(node)) ?? block);
    }
    this.dirty.clear();
    for (const block of outermost(blocks)) {
      this.forgetWithin(block);
      this.enqueue(block);
    }
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
    this.pending = this.pending.filter(({ mention }) => !mention.nodes.some((n) => root.contains(n)));
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
