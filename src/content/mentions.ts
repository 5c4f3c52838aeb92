/**
 * The mentions found on the page, indexed by text node so that the mention under the pointer
 * is a lookup in one short sorted list, not a search through every highlight.
 */

import type { EntityType } from '../core/glossary-types.js';

export interface Mention {
  /** The glossary entry's id. */
  id: string;
  type: EntityType;
  range: StaticRange;
  /** Text nodes the mention spans, first to last. */
  nodes: Text[];
}

/** The part of a mention inside one of its text nodes. */
export function spanIn(mention: Mention, node: Text): [number, number] {
  const { range } = mention;
  const start = node === range.startContainer ? range.startOffset : 0;
  const end = node === range.endContainer ? range.endOffset : node.length;
  return [start, end];
}

export class MentionIndex {
  private readonly byNode = new Map<Text, Mention[]>();

  add(mention: Mention): void {
    for (const node of mention.nodes) {
      const list = this.byNode.get(node);
      if (!list) {
        this.byNode.set(node, [mention]);
        continue;
      }
      list.push(mention);
      // Runs are scanned in order, so this is almost always already sorted.
      const n = list.length;
      if (n > 1 && spanIn(list[n - 2]!, node)[0] > spanIn(mention, node)[0]) {
        list.sort((a, b) => spanIn(a, node)[0] - spanIn(b, node)[0]);
      }
    }
  }

  /** Removes every mention that touches `node`, from all its nodes; returns them. */
  removeAt(node: Text): Mention[] {
    const list = this.byNode.get(node);
    if (!list) return [];
    for (const mention of list) {
      for (const other of mention.nodes) {
        if (other === node) continue;
        const rest = this.byNode.get(other)?.filter((m) => m !== mention);
        if (rest && rest.length) this.byNode.set(other, rest);
        else this.byNode.delete(other);
      }
    }
    this.byNode.delete(node);
    return list;
  }

  /** Mentions in `node` whose span contains `offset` (ends inclusive: the caret may sit at either edge). */
  at(node: Text, offset: number): Mention[] {
    const list = this.byNode.get(node);
    if (!list) return [];
    return list.filter((m) => {
      const [start, end] = spanIn(m, node);
      return start <= offset && offset <= end;
    });
  }

  has(node: Text): boolean {
    return this.byNode.has(node);
  }

  /** Removes and returns mentions whose nodes have left the document. */
  sweepDisconnected(): Mention[] {
    const gone: Mention[] = [];
    for (const node of [...this.byNode.keys()]) {
      if (!node.isConnected && this.byNode.has(node)) gone.push(...this.removeAt(node));
    }
    return gone;
  }

  /** Every mention once, in no particular order. */
  *all(): Generator<Mention> {
    const seen = new Set<Mention>();
    for (const list of this.byNode.values()) {
      for (const m of list) {
        if (!seen.has(m)) {
          seen.add(m);
          yield m;
        }
      }
    }
  }
}
