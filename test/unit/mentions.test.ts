// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MentionIndex, type Mention } from '../../src/content/mentions.js';

function mention(start: Text, startOffset: number, end: Text, endOffset: number, nodes: Text[], entity = 0): Mention {
  return {
    id: `entity-${entity}`,
    type: 'place',
    nodes,
    range: { startContainer: start, startOffset, endContainer: end, endOffset } as unknown as StaticRange,
  };
}

describe('MentionIndex', () => {
  it('finds the mention at a caret offset, edges included', () => {
    const a = new Text('near Douma and Harasta');
    const index = new MentionIndex();
    const harasta = mention(a, 15, a, 22, [a], 2);
    const douma = mention(a, 5, a, 10, [a], 1);
    index.add(harasta);
    index.add(douma);
    expect(index.at(a, 7)).toEqual([douma]);
    expect(index.at(a, 5)).toEqual([douma]);
    expect(index.at(a, 22)).toEqual([harasta]);
    expect(index.at(a, 12)).toEqual([]);
  });

  it('indexes a mention split over nodes in each of them, and removes it from all', () => {
    const first = new Text('Eastern');
    const second = new Text(' Ghouta');
    const index = new MentionIndex();
    const ghouta = mention(first, 0, second, 7, [first, second]);
    index.add(ghouta);
    expect(index.at(second, 3)).toEqual([ghouta]);
    expect(index.removeAt(first)).toEqual([ghouta]);
    expect(index.at(second, 3)).toEqual([]);
    expect([...index.all()]).toEqual([]);
  });

  it('sweeps mentions whose nodes left the document', () => {
    document.body.innerHTML = '<p>Idlib</p>';
    const attached = document.body.querySelector('p')!.firstChild as Text;
    const detached = new Text('Aleppo');
    const index = new MentionIndex();
    index.add(mention(attached, 0, attached, 5, [attached]));
    const gone = mention(detached, 0, detached, 6, [detached]);
    index.add(gone);
    expect(index.sweepDisconnected()).toEqual([gone]);
    expect([...index.all()]).toHaveLength(1);
  });
});
