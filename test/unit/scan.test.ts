// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { locate, TextRunWalker, type TextRun } from '../../src/content/scan.js';

/** Every run under `root`, as the scanner reads them one by one. */
function textRuns(root: Node): TextRun[] {
  const walker = new TextRunWalker(root);
  const runs: TextRun[] = [];
  for (let run = walker.next(); run; run = walker.next()) runs.push(run);
  return runs;
}

function runsOf(html: string): string[] {
  document.body.innerHTML = html;
  return [...textRuns(document.body)].map((r) => r.text.replace(/\s+/g, ' ').trim());
}

describe('the text run walker', () => {
  it('joins text across inline elements and splits at blocks', () => {
    expect(runsOf('<p>In <b>Eastern</b> Ghouta, <a href="#">Douma</a>.</p><p>Second</p>')).toEqual([
      'In Eastern Ghouta, Douma.',
      'Second',
    ]);
  });

  it('splits at line breaks and nested blocks', () => {
    expect(runsOf('<div>Eastern<br>Ghouta</div>')).toEqual(['Eastern', 'Ghouta']);
    expect(runsOf('<div>before<div>inner</div>after</div>')).toEqual(['before', 'inner', 'after']);
  });

  it('skips code, form fields, editable content, scripts and hidden elements', () => {
    expect(
      runsOf(`<p>kept</p><pre>pre</pre><code>code</code><textarea>ta</textarea><div contenteditable="true">ce</div>
        <div contenteditable="false">not editable</div><script>s</script><style>x{}</style><p hidden>hidden</p>
        <div role="textbox">tb</div><button>button</button>`),
    ).toEqual(['kept', 'not editable']);
  });

  it('leaves out runs without letters', () => {
    expect(runsOf('<p> 12 </p><p>—</p><p>Idlib</p>')).toEqual(['Idlib']);
  });

  it('tells the block each run is in (its visibility is asked only when it has a match)', () => {
    document.body.innerHTML = '<div id="d">before<p id="p">In <b>Idlib</b></p>after<ul><li id="li">x</li></ul></div>';
    expect(textRuns(document.body).map((r) => [r.text, r.block?.id])).toEqual([
      ['before', 'd'],
      ['In Idlib', 'p'],
      ['after', 'd'],
      ['x', 'li'],
    ]);
  });

  it('skips by attribute under the root it starts from, and reads a text node root on its own', () => {
    document.body.innerHTML = '<section><p>kept <span hidden>gone</span> too</p><p role="textbox">typed</p></section>';
    expect(textRuns(document.querySelector('section')!).map((r) => r.text)).toEqual(['kept  too']);
    const text = document.querySelector('p')!.firstChild!;
    expect(textRuns(text).map((r) => [r.text, r.block?.tagName])).toEqual([['kept ', 'P']]);
  });

  it('cuts a block of endless inline content into runs, at sentence ends where it can, losing no text', () => {
    // 2,500 spans of one word; every 700th ends a sentence. A run is cut at its first sentence
    // end after 1,000 nodes: after span 1,399 (not 699); the next run's first, after 2,099,
    // comes at its 700th node, too early, and the rest is under the hard limit.
    const spans = Array.from({ length: 2500 }, (_, i) => `<span>w${i}${i % 700 === 699 ? '.' : ''} </span>`).join('');
    document.body.innerHTML = `<p>${spans}</p>`;
    const runs = textRuns(document.body);
    expect(runs.map((r) => r.nodes.length)).toEqual([1400, 1100]);
    expect(runs[0]!.text.trimEnd().endsWith('w1399.')).toBe(true);
    expect(runs.map((r) => r.text).join('')).toBe(document.body.textContent);
    expect(runs.every((r) => r.block === document.querySelector('p'))).toBe(true);
  });

  it('cuts without a sentence end at 4,000 nodes, so that one call never reads a whole hostile block', () => {
    document.body.innerHTML = `<p>${'<b>word </b>'.repeat(9000)}</p>`;
    const runs = textRuns(document.body);
    expect(runs.map((r) => r.nodes.length)).toEqual([4000, 4000, 1000]);
    expect(runs.map((r) => r.text).join('')).toBe(document.body.textContent);
  });
});

describe('locate', () => {
  it('maps run offsets to text nodes, choosing the right node at a seam', () => {
    document.body.innerHTML = '<p><b>Eastern</b> Ghouta</p>';
    const [run] = [...textRuns(document.body)];
    const start = locate(run!, 0, false);
    const seamAsStart = locate(run!, 7, false);
    const seamAsEnd = locate(run!, 7, true);
    expect([start.node.data, start.offset]).toEqual(['Eastern', 0]);
    expect([seamAsStart.node.data, seamAsStart.offset]).toEqual([' Ghouta', 0]);
    expect([seamAsEnd.node.data, seamAsEnd.offset]).toEqual(['Eastern', 7]);
  });
});
