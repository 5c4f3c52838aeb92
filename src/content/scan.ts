/**
 * Turns the page's visible text into runs: the text of one block (a paragraph, a heading, a
 * list item) with a map back to its text nodes. Inline elements do not break a run, so a
 * name split over them (`<b>Eastern</b> Ghouta`) is one string to the matcher.
 */

export interface TextRun {
  nodes: Text[];
  /** Offset in `text` where each node starts. */
  starts: number[];
  text: string;
}

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

export function isSkippedElement(element: Element): boolean {
  if (SKIPPED.has(element.tagName)) return true;
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return element.getAttribute('role') === 'textbox';
}

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
 * Whether a text has a letter: ASCII first (most news text), the Unicode property regex only
 * for the rest, since it is costly to compile on every page load and rarely needed.
 */
function hasLetter(data: string): boolean {
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return true;
    if (c >= 0x80) return /\p{L}/u.test(data.slice(i));
  }
  return false;
}

/** Hidden blocks (display: none, visibility: hidden, content-visibility: hidden) are not read. */
function elementIsVisible(element: Element): boolean {
  return typeof element.checkVisibility === 'function'
    ? element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: false })
    : true;
}

/**
 * Yields the runs under `root` in document order. A generator, so that the caller can scan in
 * time slices and stop between runs.
 *
 * A hand-written depth-first walk rather than a TreeWalker with a filter: it knows which block
 * it is in as it goes (no walk up the ancestors for every text node), calls no filter function
 * per node, and checks a block's visibility only once, when the block first holds text.
 */
export function* textRuns(root: Node, isVisible: (block: Element) => boolean = elementIsVisible): Generator<TextRun> {
  // A root that is itself a text node (a changed text node) is one run on its own.
  if (root.nodeType === Node.TEXT_NODE) {
    const text = root as Text;
    if (hasLetter(text.data)) yield { nodes: [text], starts: [0], text: text.data };
    return;
  }

  let nodes: Text[] = [];
  let starts: number[] = [];
  let parts: string[] = [];
  let length = 0;
  let hasLetters = false;
  const flush = (): TextRun | null => {
    const run = hasLetters ? { nodes, starts, text: parts.join('') } : null;
    nodes = [];
    starts = [];
    parts = [];
    length = 0;
    hasLetters = false;
    return run;
  };

  /** The block elements we are inside, innermost last, with their visibility once known. */
  const blocks: Element[] = [root instanceof Element ? root : (root as Node).parentElement!];
  const visible: (boolean | null)[] = [null];

  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length) {
        const depth = blocks.length - 1;
        let shown = visible[depth];
        if (shown === null || shown === undefined) {
          const block = blocks[depth];
          shown = block ? isVisible(block) : true;
          visible[depth] = shown;
        }
        if (shown) {
          nodes.push(node as Text);
          starts.push(length);
          parts.push(data);
          length += data.length;
          if (!hasLetters && hasLetter(data)) hasLetters = true;
        }
      }
    } else if (node.nodeType === Node.ELEMENT_NODE && !isSkippedElement(node as Element)) {
      if (!isInlineElement(node as Element)) {
        const run = flush();
        if (run) yield run;
        blocks.push(node as Element);
        visible.push(null);
      }
      descend = node.firstChild !== null;
      if (!descend && !isInlineElement(node as Element)) {
        blocks.pop();
        visible.pop();
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Next node: the next sibling, or up until there is one, closing blocks on the way.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (!node || node === root) {
        node = null;
        break;
      }
      if (node.nodeType === Node.ELEMENT_NODE && !isInlineElement(node as Element)) {
        const run = flush();
        if (run) yield run;
        blocks.pop();
        visible.pop();
      }
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  const run = flush();
  if (run) yield run;
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
