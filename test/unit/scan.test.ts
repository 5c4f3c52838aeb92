// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { locate, TextRunWalker, type TextRun } from '../../src/content/scan.js';

/** Every run under `root`, as the scanner reads them one by one. */
function textRuns(root: Node, isVisible: (block: Element) => boolean): TextRun[] {
  const walker = new TextRunWalker(root, isVisible);
  const runs: TextRun[] = [];
  for (let run = walker.next(); run; run = walker.next()) runs.push(run);
  return runs;
}

function runsOf(html: string): string[] {
  document.body.innerHTML = html;
  return [...textRuns(document.body, () => true)].map((r) => r.text.replace(/\s+/g, ' ').trim());
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

  it('asks whether each block is visible', () => {
    document.body.innerHTML = '<p class="a">shown</p><p class="b">not shown</p>';
    const runs = [...textRuns(document.body, (block) => !block.classList.contains('b'))];
    expect(runs.map((r) => r.text)).toEqual(['shown']);
  });
});

describe('locate', () => {
  it('maps run offsets to text nodes, choosing the right node at a seam', () => {
    document.body.innerHTML = '<p><b>Eastern</b> Ghouta</p>';
    const [run] = [...textRuns(document.body, () => true)];
    const start = locate(run!, 0, false);
    const seamAsStart = locate(run!, 7, false);
    const seamAsEnd = locate(run!, 7, true);
    expect([start.node.data, start.offset]).toEqual(['Eastern', 0]);
    expect([seamAsStart.node.data, seamAsStart.offset]).toEqual([' Ghouta', 0]);
    expect([seamAsEnd.node.data, seamAsEnd.offset]).toEqual(['Eastern', 7]);
  });
});
