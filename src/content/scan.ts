/**
 * Turns the page's visible text into runs: the text of one block (a paragraph, a heading, a
 * list item) with a map back to its text nodes. Inline elements do not break a run, so a
 * name split over them (`<b>Eastern</b> Ghouta`) is one string to the matcher.
 */

import { isLetterCode } from '../core/normalize.js';

export interface TextRun {
  nodes: Text[];
  /** Offset in `text` where each node starts. */
  starts: number[];
  text: string;
  /**
   * The block the run's text is in (every node of a run is in the same innermost block). Its
   * visibility is asked only when the run has a match: most runs have none.
   */
  block: Element | null;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose content is never matched: code, scripts, form fields, media, our own host. */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'TT', 'svg', 'SVG', 'math', 'MATH', 'CANVAS', 'IFRAME',
  'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'RT', 'RP', 'DIALOG', 'BACKSTORY-CARD',
]);

/** Elements that flow within a line; every other element starts a new run. */
const INLINE = new Set([
  'A', 'ABBR', 'ACRONYM', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT',
  'I', 'INS', 'LABEL', 'MARK', 'NOBR', 'Q', 'RUBY', 'S', 'SMALL', 'SPAN', 'STRIKE', 'STRONG',
  'SUB', 'SUP', 'TIME', 'U', 'WBR',
]);

/**
 * A run is cut after this many text nodes, at the end of a sentence if one comes before
 * RUN_HARD_LIMIT: one `next()` call reads a whole run, so a block of endless inline content (a
 * hostile or generated page: 100,000 spans in one paragraph) would otherwise be read in one
 * task, whatever the slice's budget. Real paragraphs have tens of nodes; a name is never
 * split by a cut at a sentence's end, and a hard cut loses at most the one name across it.
 */
const RUN_SOFT_LIMIT = 1_000;
const RUN_HARD_LIMIT = 4_000;

/** Whether a text ends a sentence (a full stop, question or exclamation mark, maybe closed and spaced). */
function endsSentence(data: string): boolean {
  let i = data.length - 1;
  while (i >= 0 && (data.charCodeAt(i) <= 0x20 || data[i] === '"' || data[i] === ')' || data[i] === '\u201d' || data[i] === '\u2019')) i--;
  const c = data[i];
  return c === '.' || c === '!' || c === '?' || c === '\u3002' || c === '\u061f' || c === '\u06d4';
}

/** Hidden, editable, or a text box by role: whatever the tag, its content is not read. */
const SKIPPING_ATTRIBUTES = '[hidden], [contenteditable]:not([contenteditable="false"]), [role="textbox"]';

export function isSkippedElement(element: Element): boolean {
  return SKIPPED.has(element.tagName) || element.matches(SKIPPING_ATTRIBUTES);
}

/**
 * The elements under a root that skip their content by an attribute (or by the reading's own
 * selector: the furniture inside an article). One selector query, run by the browser's own
 * engine, instead of three attribute reads per element in the walk: on a large page
 * (Wikipedia's) the reads were a tenth of the walk and the query a third of that. It is
 * usually small, and an element given such an attribute later is not read again anyway
 * (attribute changes are not observed).
 */
function elementsSkippedByAttribute(root: Node, skipWithin: string | null): ReadonlySet<Element> {
  if (root.nodeType !== ELEMENT_NODE) return EMPTY;
  const found = (root as Element).querySelectorAll(skipWithin ? `${SKIPPING_ATTRIBUTES}, ${skipWithin}` : SKIPPING_ATTRIBUTES);
  return found.length ? new Set(found) : EMPTY;
}
const EMPTY: ReadonlySet<Element> = new Set();

export function isInlineElement(element: Element): boolean {
  return INLINE.has(element.tagName);
}

/** True when the node is inside content we must not touch (editable, code, form field...). */
export function isInSkippedContent(node: Node, stopAt: Node | null = null): boolean {
  for (let el = node instanceof Element ? node : node.parentElement; el && el !== stopAt; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}

/**
 * Whether a text has a letter. Through a table, not a Unicode property regex: compiling one
 * cost up to several milliseconds on every page load. A surrogate (a character beyond the
 * BMP, which the table does not cover) counts, so that such text is still matched.
 */
function hasLetter(data: string): boolean {
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c < 0x80) {
      // ASCII inline: most text nodes are decided by their first few characters.
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return true;
    } else if (isLetterCode(c) || (c >= 0xd800 && c <= 0xdfff)) {
      return true;
    }
  }
  return false;
}

/**
 * Hidden blocks (display: none, visibility: hidden, content-visibility: hidden) get no
 * highlight. Asked of a run's block only when the run has a match.
 */
export function blockIsVisible(element: Element): boolean {
  return typeof element.checkVisibility === 'function'
    ? element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: false })
    : true;
}

/**
 * Reads the runs under a root in document order, one `next()` call per run, so that the caller
 * can scan in time slices and stop between runs.
 *
 * A hand-written depth-first walk rather than a TreeWalker with a filter: it knows which block
 * it is in as it goes (no walk up the ancestors for every text node) and calls no filter
 * function per node. A class with a plain loop rather than a generator, each element's tag
 * read once and no attribute read at all (see `elementsSkippedByAttribute`): this walk is
 * most of the extension's work on a page, and it runs cold, in V8's interpreter.
 *
 * Tried and measured slower: the browser's TreeWalker(SHOW_TEXT) finding the text nodes, with
 * each parent's block and skip state cached and the elements between two text nodes read
 * only to find a run's end. It read the same result 1.1–2× slower than this walk on corpus
 * pages in an isolated world: every text node's parent, and the elements between runs, must
 * still be read from JavaScript, and each node a content script touches costs it more than
 * it costs the page's own scripts.
 */
export class TextRunWalker {
  private node: Node | null;
  /** For each element entered, innermost last: whether it is a block (its end ends a run). */
  private readonly entered: boolean[] = [];
  /** The block elements we are inside, innermost last. */
  private readonly blocks: (Element | null)[];
  /** Found when the walk starts, not when it is queued: a queued walk may never run. */
  private skippedByAttribute: ReadonlySet<Element> | null = null;
  private nodes: Text[] = [];
  private starts: number[] = [];
  private parts: string[] = [];
  private length = 0;
  private hasLetters = false;

  /** `skipWithin`: a selector for elements under the root whose content is not read. */
  constructor(
    private readonly root: Node,
    private readonly skipWithin: string | null = null,
  ) {
    this.blocks = [root.nodeType === ELEMENT_NODE ? (root as Element) : root.parentElement];
    // A root that is itself a text node (a changed text node) is one run on its own.
    if (root.nodeType === TEXT_NODE) {
      this.node = null;
      const data = (root as Text).data;
      if (hasLetter(data)) {
        this.nodes.push(root as Text);
        this.starts.push(0);
        this.parts.push(data);
        this.hasLetters = true;
      }
    } else {
      this.node = root.firstChild;
    }
  }

  /** The next run, or null when the walk is done. */
  next(): TextRun | null {
    const { root, entered, blocks } = this;
    const skippedByAttribute = (this.skippedByAttribute ??= elementsSkippedByAttribute(root, this.skipWithin));
    let node = this.node;
    while (node) {
      let run: TextRun | null = null;
      let child: Node | null = null;
      // Node types as numbers: a global lookup per node is not free in code that is still cold.
      const type = node.nodeType;
      if (type === TEXT_NODE) {
        const data = (node as Text).data;
        if (data.length) {
          this.nodes.push(node as Text);
          this.starts.push(this.length);
          this.parts.push(data);
          this.length += data.length;
          if (!this.hasLetters && hasLetter(data)) this.hasLetters = true;
          const count = this.nodes.length;
          if (count >= RUN_SOFT_LIMIT && (count >= RUN_HARD_LIMIT || endsSentence(data))) run = this.takeRun();
        }
      } else if (type === ELEMENT_NODE) {
        const element = node as Element;
        const tag = element.tagName;
        if (!SKIPPED.has(tag) && (skippedByAttribute.size === 0 || !skippedByAttribute.has(element))) {
          const block = !INLINE.has(tag);
          if (block) run = this.takeRun();
          child = element.firstChild;
          if (child) {
            entered.push(block);
            if (block) blocks.push(element);
          }
        }
      }
      if (child) {
        node = child;
      } else {
        // Next node: the next sibling, or up until there is one, closing blocks on the way.
        while (node !== root && !node.nextSibling) {
          node = node.parentNode;
          if (!node || node === root) break;
          if (entered.pop()) {
            run ??= this.takeRun();
            blocks.pop();
          }
        }
        node = node && node !== root ? node.nextSibling : null;
      }
      if (run) {
        this.node = node;
        return run;
      }
    }
    this.node = null;
    return this.takeRun();
  }

  /** The run gathered so far, if it has a letter; starts a new one. */
  private takeRun(): TextRun | null {
    if (this.nodes.length === 0) return null;
    const run = this.hasLetters
      ? { nodes: this.nodes, starts: this.starts, text: this.parts.join(''), block: this.blocks[this.blocks.length - 1] ?? null }
      : null;
    this.nodes = [];
    this.starts = [];
    this.parts = [];
    this.length = 0;
    this.hasLetters = false;
    return run;
  }
}

/**
 * The text node (and its position in the run) and offset for an offset into a run (end=true
 * prefers the earlier node at a seam).
 */
export function locate(run: TextRun, offset: number, end: boolean): { node: Text; index: number; offset: number } {
  let low = 0;
  let high = run.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    const start = run.starts[mid]!;
    if (start < offset || (!end && start === offset)) low = mid;
    else high = mid - 1;
  }
  return { node: run.nodes[low]!, index: low, offset: offset - run.starts[low]! };
}
