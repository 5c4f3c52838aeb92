/**
 * Where the article is. By default Backstory reads only the article's body (and its
 * headline), so that menus, teasers, "most read" lists and comments stay clean: a reader
 * wants background on what the article names, not on every link around it.
 *
 * Order of evidence, most explicit first:
 * 1. schema.org `articleBody` (itemprop), which publishers set for search engines;
 * 2. `<article>` elements: the one holding the most paragraph text (pages often have many
 *    small <article> teasers around the real one);
 * 3. `<main>` / `[role=main]`;
 * 4. the densest block of paragraph text (the readability heuristic: each paragraph's text
 *    counts for its parent, half for its grandparent);
 * 5. the whole body.
 * The page's `<h1>` is added when the chosen root does not contain it.
 */

/** Paragraph text shorter than this is furniture (captions, bylines, buttons). */
const MIN_PARAGRAPH = 40;
/** A candidate root must hold at least this much paragraph text to be trusted. */
const MIN_ARTICLE_TEXT = 200;
/**
 * Counting stops here: more text than any teaser or comment box holds, so the choice is made,
 * and the count never reads a whole huge page in the task that starts the reading (a 20,000
 * paragraph page took ~100 ms in Firefox when every paragraph was counted). Candidates past
 * it tie, and the first in the document wins.
 */
const ENOUGH_TEXT = 20_000;
/** The densest-block fallback looks at the first this many paragraphs, for the same reason. */
const MAX_PARAGRAPHS = 2_000;

/** The candidate's paragraph text, counted up to `enough`. */
function paragraphText(root: Element, enough: number): number {
  let total = 0;
  for (const p of root.querySelectorAll('p')) {
    const length = (p.textContent ?? '').trim().length;
    if (length >= MIN_PARAGRAPH) total += length;
    if (total >= enough) return enough;
  }
  return total;
}

function richest(candidates: readonly Element[]): Element | null {
  // A lone candidate has nothing to be compared with: it only has to prove it is an article,
  // so its count stops at the threshold (most pages have one <main> or one <article>).
  const enough = candidates.length === 1 ? MIN_ARTICLE_TEXT : ENOUGH_TEXT;
  let best: Element | null = null;
  let bestText = MIN_ARTICLE_TEXT - 1;
  for (const candidate of candidates) {
    const text = paragraphText(candidate, enough);
    if (text > bestText) {
      best = candidate;
      bestText = text;
    }
  }
  return best;
}

function densestBlock(body: Element): Element | null {
  const scores = new Map<Element, number>();
  const paragraphs = body.querySelectorAll('p');
  for (let i = 0; i < Math.min(paragraphs.length, MAX_PARAGRAPHS); i++) {
    const p = paragraphs[i]!;
    const length = (p.textContent ?? '').trim().length;
    if (length < MIN_PARAGRAPH) continue;
    const parent = p.parentElement;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + length);
    const grandparent = parent?.parentElement;
    if (grandparent) scores.set(grandparent, (scores.get(grandparent) ?? 0) + length / 2);
  }
  let best: Element | null = null;
  let bestScore = MIN_ARTICLE_TEXT - 1;
  for (const [element, score] of scores) {
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  }
  return best;
}

/** The kinds of explicit article element, most explicit first, each with its selector. */
const EXPLICIT_KINDS = ['[itemprop~="articleBody"]', 'article', 'main, [role="main"]'] as const;

/**
 * Every explicit candidate, grouped by kind: one query over the document instead of one per
 * kind, each of which walked the whole page. (Measured A/B on the corpus, this and the lone
 * candidate's shorter count were within the noise; both only take work away.)
 */
function explicitCandidates(doc: Document): Element[][] {
  const groups: Element[][] = EXPLICIT_KINDS.map(() => []);
  for (const element of doc.querySelectorAll(EXPLICIT_KINDS.join(', '))) {
    const kind = EXPLICIT_KINDS.findIndex((selector) => element.matches(selector));
    groups[kind]!.push(element);
  }
  return groups;
}

/** The elements to read: the article body (and the headline if outside it), or the body. */
export function findArticleRoots(doc: Document): Element[] {
  const body = doc.body;
  let root: Element | null = null;
  for (const group of explicitCandidates(doc)) {
    root = richest(group);
    if (root) break;
  }
  root ??= densestBlock(body) ?? body;
  if (root === body) return [body];
  const headline = doc.querySelector('h1');
  return headline && !root.contains(headline) && !headline.contains(root) ? [headline, root] : [root];
}

/**
 * Furniture inside an article: menus, "related" and "most read" boxes, pull quotes that
 * repeat the text, Wikipedia's navigation boxes. Not read when the reading is of the article
 * (on Wikipedia's New Zealand article, navigation boxes are close to half the text).
 */
export const ARTICLE_FURNITURE = 'nav, aside, [role="navigation"], [role="complementary"]';

/** Where a reading looks: its roots, and a selector for what inside them is not read. */
export interface Scope {
  roots: () => Element[];
  skipWithin: string | null;
}

export const ARTICLE_SCOPE: Scope = { roots: () => findArticleRoots(document), skipWithin: ARTICLE_FURNITURE };
export const PAGE_SCOPE: Scope = { roots: () => [document.body], skipWithin: null };
