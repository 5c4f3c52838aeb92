/**
 * An Aho–Corasick automaton over UTF-16 code units, stored in flat typed arrays.
 *
 * Flat arrays rather than objects because the content script holds one automaton per tab:
 * typed arrays cost a few bytes per state and no garbage-collector work, and they travel as
 * bytes (base64 in the bundle) without being parsed into a large object graph.
 *
 * Edges are in compressed sparse rows: the edges of state s are
 * `edgeChars[edgeOffset[s] .. edgeOffset[s+1])`, sorted, so a step is a binary search.
 * Matching costs O(text length + number of matches), independent of the number of patterns.
 */

export interface Automaton {
  /** edgeOffset[s]..edgeOffset[s+1] are the edges of state s; length states+1. */
  edgeOffset: Uint32Array;
  /** The code unit on each edge, sorted within a state. */
  edgeChars: Uint16Array;
  /** The target state of each edge. */
  edgeTargets: Uint32Array;
  /** Failure link of each state (root's is 0). */
  fail: Uint32Array;
  /** First pattern that ends at the state, or -1. */
  output: Int32Array;
  /** Nearest state on the failure chain that has an output, or -1. */
  outputLink: Int32Array;
  /** Next pattern with the same folded text (a chain starting at output[s]), or -1. */
  patternNext: Int32Array;
  /** Length in code units of each pattern. */
  patternLength: Uint32Array;
}

/** Builds the automaton for folded pattern strings; pattern i is `patterns[i]`. */
export function buildAutomaton(patterns: readonly string[]): Automaton {
  // Build a trie with Map edges first (build time only), then flatten.
  const children: Map<number, number>[] = [new Map()];
  const firstOutput: number[] = [-1];
  const patternNext = new Int32Array(patterns.length).fill(-1);
  const lastOutput: number[] = [-1];

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

  const stateCount = children.length;
  const edgeOffset = new Uint32Array(stateCount + 1);
  let edgeCount = 0;
  for (let s = 0; s < stateCount; s++) {
    edgeOffset[s] = edgeCount;
    edgeCount += children[s]!.size;
  }
  edgeOffset[stateCount] = edgeCount;
  const edgeChars = new Uint16Array(edgeCount);
  const edgeTargets = new Uint32Array(edgeCount);
  for (let s = 0; s < stateCount; s++) {
    const sorted = [...children[s]!.entries()].sort((a, b) => a[0] - b[0]);
    let e = edgeOffset[s]!;
    for (const [code, target] of sorted) {
      edgeChars[e] = code;
      edgeTargets[e] = target;
      e++;
    }
  }

  const automaton: Automaton = {
    edgeOffset,
    edgeChars,
    edgeTargets,
    fail: new Uint32Array(stateCount),
    output: Int32Array.from(firstOutput),
    outputLink: new Int32Array(stateCount).fill(-1),
    patternNext,
    patternLength: Uint32Array.from(patterns, (p) => p.length),
  };

  // Breadth-first: a state's failure link is known before its children's.
  const queue: number[] = [];
  for (let e = edgeOffset[0]!; e < edgeOffset[1]!; e++) queue.push(edgeTargets[e]!);
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    for (let e = edgeOffset[state]!; e < edgeOffset[state + 1]!; e++) {
      const code = edgeChars[e]!;
      const child = edgeTargets[e]!;
      let f = automaton.fail[state]!;
      let target = transition(automaton, f, code);
      while (target < 0 && f !== 0) {
        f = automaton.fail[f]!;
        target = transition(automaton, f, code);
      }
      const failTarget = target < 0 ? 0 : target;
      automaton.fail[child] = failTarget;
      automaton.outputLink[child] =
        automaton.output[failTarget]! >= 0 ? failTarget : automaton.outputLink[failTarget]!;
      queue.push(child);
    }
  }
  return automaton;
}

/** The state reached from `state` on `code` along a trie edge, or -1 if there is none. */
export function transition(automaton: Automaton, state: number, code: number): number {
  const { edgeOffset, edgeChars, edgeTargets } = automaton;
  let low = edgeOffset[state]!;
  let high = edgeOffset[state + 1]! - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const c = edgeChars[mid]!;
    if (c === code) return edgeTargets[mid]!;
    if (c < code) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** One automaton step, following failure links: the classic `goto` with fallback. */
export function step(automaton: Automaton, state: number, code: number): number {
  let s = state;
  for (;;) {
    const next = transition(automaton, s, code);
    if (next >= 0) return next;
    if (s === 0) return 0;
    s = automaton.fail[s]!;
  }
}

/**
 * Calls `onMatch(start, end, pattern)` for every occurrence of every pattern in `text`,
 * in order of end position. Offsets are in `text`'s code units, end exclusive.
 */
export function scanAutomaton(
  automaton: Automaton,
  text: string,
  onMatch: (start: number, end: number, pattern: number) => void,
): void {
  const { output, outputLink, patternNext, patternLength } = automaton;
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    state = step(automaton, state, text.charCodeAt(i));
    let node = output[state]! >= 0 ? state : outputLink[state]!;
    while (node >= 0) {
      for (let p = output[node]!; p >= 0; p = patternNext[p]!) {
        onMatch(i + 1 - patternLength[p]!, i + 1, p);
      }
      node = outputLink[node]!;
    }
  }
}

const AUTOMATON_ARRAYS = [
  'edgeOffset',
  'edgeChars',
  'edgeTargets',
  'fail',
  'output',
  'outputLink',
  'patternNext',
  'patternLength',
] as const;

export type SerializedAutomaton = Record<(typeof AUTOMATON_ARRAYS)[number], string>;

/** Typed arrays as base64 of their little-endian bytes, for bundling into the content script. */
export function serializeAutomaton(automaton: Automaton): SerializedAutomaton {
  const out = {} as SerializedAutomaton;
  for (const key of AUTOMATON_ARRAYS) {
    const array = automaton[key];
    out[key] = bytesToBase64(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }
  return out;
}

export function deserializeAutomaton(serialized: SerializedAutomaton): Automaton {
  const bytes = (key: (typeof AUTOMATON_ARRAYS)[number]): ArrayBuffer => base64ToBytes(serialized[key]).buffer as ArrayBuffer;
  return {
    edgeOffset: new Uint32Array(bytes('edgeOffset')),
    edgeChars: new Uint16Array(bytes('edgeChars')),
    edgeTargets: new Uint32Array(bytes('edgeTargets')),
    fail: new Uint32Array(bytes('fail')),
    output: new Int32Array(bytes('output')),
    outputLink: new Int32Array(bytes('outputLink')),
    patternNext: new Int32Array(bytes('patternNext')),
    patternLength: new Uint32Array(bytes('patternLength')),
  };
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
