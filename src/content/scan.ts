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

/** Hidden blocks (display: none, visibility: hidden, content-visibility: hidden) are not read. */
function elementIsVisible(element: Element): boolean {
  return typeof element.checkVisibility === 'function'
    ? element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: false })
    : true;
}

function blockOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el && isInlineElement(el)) el = el.parentElement;
  return el;
}

/**
 * Yields the runs under `root` in document order. A generator, so that the caller can scan in
 * time slices and stop between runs.
 */
export function* textRuns(root: Node, isVisible: (block: Element) => boolean = elementIsVisible): Generator<TextRun> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        return isSkippedElement(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });

  let nodes: Text[] = [];
  let starts: number[] = [];
  let parts: string[] = [];
  let length = 0;
  let block: Element | null = null;
  let blockVisible = true;
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

  // A root that is itself a text node (a changed text node) is one run on its own.
  if (root.nodeType === Node.TEXT_NODE) {
    const text = root as Text;
    if (text.data.trim()) yield { nodes: [text], starts: [0], text: text.data };
    return;
  }

  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      if (!isInlineElement(node as Element)) {
        const run = flush();
        if (run) yield run;
        block = null;
      }
      continue;
    }
    const text = node as Text;
    const data = text.data;
    if (data.length === 0) continue;
    const nodeBlock = blockOf(text);
    if (nodeBlock !== block) {
      const run = flush();
      if (run) yield run;
      block = nodeBlock;
      blockVisible = !block || isVisible(block);
    }
    if (!blockVisible) continue;
    nodes.push(text);
    starts.push(length);
    parts.push(data);
    length += data.length;
    if (!hasLetters && /\p{L}/u.test(data)) hasLetters = true;
  }
  const run = flush();
  if (run) yield run;
}

/** The text node and offset for an offset into a run (end=true prefers the earlier node at a seam). */
export function locate(run: TextRun, offset: number, end: boolean): { node: Text; offset: number } {
  let low = 0;
  let high = run.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    const start = run.starts[mid]!;
    if (start < offset || (!end && start === offset)) low = mid;
    else high = mid - 1;
  }
  return { node: run.nodes[low]!, offset: offset - run.starts[low]! };
}
