/**
 * The glossary's patterns as a trie over UTF-16 code units, stored in flat typed arrays.
 *
 * Flat arrays rather than objects because the content script holds one trie per tab: typed
 * arrays cost a few bytes per state and no garbage-collector work, and they travel as bytes
 * (base64 in the bundle) without being parsed into a large object graph.
 *
 * States are numbered breadth-first and each state's edges are sorted by character, so the
 * children of all states, taken in state order, are states 1, 2, 3, ...: the target of edge
 * e is state e + 1 and needs no storage. The edges of state s are
 * `edgeChars[edgeOffset[s] .. edgeOffset[s+1])`, and a step is a binary search among them.
 * The serialised form is only: how many children each state has, the edge characters, and
 * which states end which patterns.
 *
 * A trie, not an Aho–Corasick automaton: names start on word boundaries, so the matcher walks
 * it from word starts only (src/core/matcher.ts) and needs no failure links. That walk did
 * about half the work of running the automaton over every character, and a tab no longer
 * computes links on load (8 bytes per state, and tens of milliseconds of idle work, saved).
 */

export interface Automaton {
  /** edgeOffset[s]..edgeOffset[s+1] are the edges of state s; length states+1. */
  edgeOffset: Uint32Array;
  /** The code unit on each edge, sorted within a state; edge e leads to state e + 1. */
  edgeChars: Uint16Array;
  /** First pattern that ends at the state, or -1. */
  output: Int32Array;
  /** Next pattern with the same folded text (a chain starting at output[s]), or -1. */
  patternNext: Int32Array;
  /** Length in code units of each pattern. */
  patternLength: Uint32Array;
  /**
   * The root's edges as a table for the code units below ROOT_TABLE_SIZE (0: no edge). Every
   * word start looks here, and among the root's many edges a binary search was the costliest
   * step of all; 7 KB buys one read instead.
   */
  rootNext: Uint32Array;
}

/** Code units below this (Latin, Greek, Cyrillic, Hebrew, Arabic) have a root table entry. */
export const ROOT_TABLE_SIZE = 0x700;

/** Builds the trie for folded pattern strings; pattern i is `patterns[i]`. */
export function buildAutomaton(patterns: readonly string[]): Automaton {
  // A trie with Map edges first (build time only)...
  const children: Map<number, number>[] = [new Map()];
  const firstOutput: number[] = [-1];
  const lastOutput: number[] = [-1];
  const patternNext = new Int32Array(patterns.length).fill(-1);
  patterns.forEach((pattern, index) => {
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      let next = children[state]!.get(code);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        firstOutput.push(-1);
        lastOutput.push(-1);
        children[state]!.set(code, next);
      }
      state = next;
    }
    if (firstOutput[state] === -1) firstOutput[state] = index;
    else patternNext[lastOutput[state]!] = index;
    lastOutput[state] = index;
  });

  // ...then renumbered breadth-first into the flat form.
  const stateCount = children.length;
  const childCount = new Uint16Array(stateCount);
  const edgeChars = new Uint16Array(Math.max(0, stateCount - 1));
  const output = new Int32Array(stateCount).fill(-1);
  const order = [0];
  for (let s = 0; s < order.length; s++) {
    const old = order[s]!;
    output[s] = firstOutput[old]!;
    const sorted = [...children[old]!.entries()].sort((a, b) => a[0] - b[0]);
    childCount[s] = sorted.length;
    for (const [code, child] of sorted) {
      edgeChars[order.length - 1] = code;
      order.push(child);
    }
  }
  return trieFromParts(childCount, edgeChars, output, patternNext, Uint32Array.from(patterns, (p) => p.length));
}

/** The trie from its serialised parts: edge offsets and the root table are derived (O(states)). */
export function trieFromParts(
  childCount: Uint16Array,
  edgeChars: Uint16Array,
  output: Int32Array,
  patternNext: Int32Array,
  patternLength: Uint32Array,
): Automaton {
  const stateCount = childCount.length;
  const edgeOffset = new Uint32Array(stateCount + 1);
  for (let s = 0; s < stateCount; s++) edgeOffset[s + 1] = edgeOffset[s]! + childCount[s]!;
  const rootNext = new Uint32Array(ROOT_TABLE_SIZE);
  for (let e = 0; stateCount > 0 && e < edgeOffset[1]!; e++) {
    if (edgeChars[e]! < ROOT_TABLE_SIZE) rootNext[edgeChars[e]!] = e + 1;
  }
  return { edgeOffset, edgeChars, output, patternNext, patternLength, rootNext };
}

/** How many states the trie has. */
export function stateCount(automaton: Automaton): number {
  return automaton.output.length;
}

/** The state reached from `state` on `code` along a trie edge, or -1 if there is none. */
export function transition(automaton: Automaton, state: number, code: number): number {
  const { edgeOffset, edgeChars } = automaton;
  let low = edgeOffset[state]!;
  let high = edgeOffset[state + 1]! - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const c = edgeChars[mid]!;
    if (c === code) return mid + 1;
    if (c < code) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** The automaton as it travels: base64 of little-endian typed arrays, links left out. */
export interface SerializedAutomaton {
  childCount: string;
  edgeChars: string;
  /** Pairs (state, first pattern) for the states where patterns end. */
  terminals: string;
  patternNext: string;
  patternLength: string;
}

const base64Of = (array: ArrayBufferView): string =>
  bytesToBase64(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
const bufferOf = (text: string): ArrayBuffer => base64ToBytes(text).buffer as ArrayBuffer;

export function serializeAutomaton(automaton: Automaton): SerializedAutomaton {
  const stateCount = automaton.output.length;
  const childCount = new Uint16Array(stateCount);
  for (let s = 0; s < stateCount; s++) childCount[s] = automaton.edgeOffset[s + 1]! - automaton.edgeOffset[s]!;
  const terminals: number[] = [];
  automaton.output.forEach((pattern, state) => {
    if (pattern >= 0) terminals.push(state, pattern);
  });
  return {
    childCount: base64Of(childCount),
    edgeChars: base64Of(automaton.edgeChars),
    terminals: base64Of(Uint32Array.from(terminals)),
    patternNext: base64Of(automaton.patternNext),
    patternLength: base64Of(automaton.patternLength),
  };
}

export function deserializeAutomaton(serialized: SerializedAutomaton): Automaton {
  const childCount = new Uint16Array(bufferOf(serialized.childCount));
  const output = new Int32Array(childCount.length).fill(-1);
  const terminals = new Uint32Array(bufferOf(serialized.terminals));
  for (let i = 0; i < terminals.length; i += 2) output[terminals[i]!] = terminals[i + 1]!;
  return trieFromParts(
    childCount,
    new Uint16Array(bufferOf(serialized.edgeChars)),
    output,
    new Int32Array(bufferOf(serialized.patternNext)),
    new Uint32Array(bufferOf(serialized.patternLength)),
  );
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Plain base64 in pure code: `btoa` is not in every runtime this module runs in (Node build). */
function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += BASE64[n >> 18]! + BASE64[(n >> 12) & 63]! + BASE64[(n >> 6) & 63]! + BASE64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += BASE64[n >> 18]! + BASE64[(n >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += BASE64[n >> 18]! + BASE64[(n >> 12) & 63]! + BASE64[(n >> 6) & 63]! + '=';
  }
  return out;
}

const BASE64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) BASE64_INDEX[BASE64.charCodeAt(i)] = i;

function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let j = 0;
  for (let i = 0; i < clean.length; i++) {
    const value = BASE64_INDEX[clean.charCodeAt(i)]!;
    if (value < 0) throw new Error(`invalid base64 at ${i}`);
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[j++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}
