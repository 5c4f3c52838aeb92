/**
 * An Aho–Corasick automaton over UTF-16 code units, stored in flat typed arrays.
 *
 * Flat arrays rather than objects because the content script holds one automaton per tab:
 * typed arrays cost a few bytes per state and no garbage-collector work, and they travel as
 * bytes (base64 in the bundle) without being parsed into a large object graph.
 *
 * States are numbered breadth-first and each state's edges are sorted by character, so the
 * children of all states, taken in state order, are states 1, 2, 3, ...: the target of edge
 * e is state e + 1 and needs no storage. The edges of state s are
 * `edgeChars[edgeOffset[s] .. edgeOffset[s+1])`, and a step is a binary search among them.
 * Failure and output links are derived from the trie when it is loaded, so the serialised
 * form is only: how many children each state has, the edge characters, and which states end
 * which patterns. Matching costs O(text length + matches), independent of the pattern count.
 */

export interface Automaton {
  /** edgeOffset[s]..edgeOffset[s+1] are the edges of state s; length states+1. */
  edgeOffset: Uint32Array;
  /** The code unit on each edge, sorted within a state; edge e leads to state e + 1. */
  edgeChars: Uint16Array;
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
  /**
   * The root's transitions as a table for the code units below ROOT_TABLE_SIZE (0: stay at
   * the root). Text is matched mostly at or near the root, and there a binary search among
   * the root's many edges was the costliest step of all; 7 KB buys one read instead.
   */
  rootNext: Uint32Array;
  /**
   * Full transitions (failure links already followed) of the first DENSE_STATES states, for
   * the DENSE_WIDTH - 1 characters most used on their edges: `dense[state * DENSE_WIDTH +
   * symbolOf[code]]`. States are numbered breadth-first, so these are the shallowest states,
   * where about three steps in four start (measured on the corpus) and where failure chains
   * end: one read replaces a binary search and a walk up the failure links.
   */
  dense: Uint32Array;
  /** The column of each code unit below ROOT_TABLE_SIZE in `dense`; 0 for none. */
  symbolOf: Uint8Array;
  /** How many states have a row in `dense`. */
  denseStates: number;
}

/** Code units below this (Latin, Greek, Cyrillic, Hebrew, Arabic) have a root table entry. */
export const ROOT_TABLE_SIZE = 0x700;
/** Rows of the dense table: 1,024 states × 64 columns × 4 bytes is 256 KB. */
export const DENSE_STATES = 1024;
export const DENSE_WIDTH = 64;

/** Builds the automaton for folded pattern strings; pattern i is `patterns[i]`. */
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
  return linkAutomaton(childCount, edgeChars, output, patternNext, Uint32Array.from(patterns, (p) => p.length));
}

/** Derives edge offsets, failure links and output links from the breadth-first trie. */
function linkAutomaton(
  childCount: Uint16Array,
  edgeChars: Uint16Array,
  output: Int32Array,
  patternNext: Int32Array,
  patternLength: Uint32Array,
): Automaton {
  const linking = startLinking(childCount, edgeChars, output, patternNext, patternLength);
  while (!linking.step(Infinity));
  return linking.automaton;
}

/**
 * Linking in steps: failure and output links for the states in order, as many as fit in a
 * time budget per call, so that a tab can link a large automaton in idle time instead of in
 * one long task. `step` returns true once every state is linked.
 */
export function startLinking(
  childCount: Uint16Array,
  edgeChars: Uint16Array,
  output: Int32Array,
  patternNext: Int32Array,
  patternLength: Uint32Array,
): { automaton: Automaton; step: (budgetMs: number) => boolean } {
  const stateCount = childCount.length;
  const edgeOffset = new Uint32Array(stateCount + 1);
  for (let s = 0; s < stateCount; s++) edgeOffset[s + 1] = edgeOffset[s]! + childCount[s]!;
  const automaton: Automaton = {
    edgeOffset,
    edgeChars,
    fail: new Uint32Array(stateCount),
    output,
    outputLink: new Int32Array(stateCount).fill(-1),
    patternNext,
    patternLength,
    rootNext: new Uint32Array(ROOT_TABLE_SIZE),
    dense: new Uint32Array(0),
    symbolOf: new Uint8Array(ROOT_TABLE_SIZE),
    denseStates: 0,
  };
  if (stateCount > 0) {
    for (let e = edgeOffset[0]!; e < edgeOffset[1]!; e++) {
      if (edgeChars[e]! < ROOT_TABLE_SIZE) automaton.rootNext[edgeChars[e]!] = e + 1;
    }
  }
  // Children of the root fail to the root, which the zero-filled arrays already say.
  let state = 1;
  const step = (budgetMs: number): boolean => {
    const deadline = budgetMs === Infinity ? Infinity : performance.now() + budgetMs;
    // States are in breadth-first order: a state's failure link is known before its children's.
    // Every call links at least one state, so that even a spent budget makes progress.
    const first = state;
    for (; state < stateCount; state++) {
      if ((state & 1023) === 0 && state !== first && performance.now() > deadline) return false;
      for (let e = edgeOffset[state]!; e < edgeOffset[state + 1]!; e++) {
        const child = e + 1;
        const code = edgeChars[e]!;
        let f = automaton.fail[state]!;
        let target = transition(automaton, f, code);
        while (target < 0 && f !== 0) {
          f = automaton.fail[f]!;
          target = transition(automaton, f, code);
        }
        const failTarget = target < 0 ? 0 : target;
        automaton.fail[child] = failTarget;
        automaton.outputLink[child] = output[failTarget]! >= 0 ? failTarget : automaton.outputLink[failTarget]!;
      }
    }
    if (automaton.denseStates === 0 && stateCount > 0) fillDense(automaton);
    return true;
  };
  return { automaton, step };
}

/** Builds the dense table of the shallowest states, once every failure link is known. */
function fillDense(automaton: Automaton): void {
  const { edgeOffset, edgeChars, fail, rootNext, symbolOf } = automaton;
  const rows = Math.min(DENSE_STATES, edgeOffset.length - 1);
  // The columns: the characters most used on these states' edges.
  const uses = new Map<number, number>();
  for (let e = edgeOffset[0]!; e < edgeOffset[rows]!; e++) {
    const code = edgeChars[e]!;
    if (code < ROOT_TABLE_SIZE) uses.set(code, (uses.get(code) ?? 0) + 1);
  }
  const columns = [...uses].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, DENSE_WIDTH - 1).map(([code]) => code);
  columns.forEach((code, k) => (symbolOf[code] = k + 1));
  const dense = new Uint32Array(rows * DENSE_WIDTH);
  // Breadth-first order: a state's failure link is a shallower state, whose row is done.
  for (let state = 0; state < rows; state++) {
    for (let k = 0; k < columns.length; k++) {
      const code = columns[k]!;
      const next = transition(automaton, state, code);
      dense[state * DENSE_WIDTH + k + 1] = next >= 0 ? next : state === 0 ? rootNext[code]! : dense[fail[state]! * DENSE_WIDTH + k + 1]!;
    }
  }
  automaton.dense = dense;
  automaton.denseStates = rows;
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

/** One automaton step, following failure links: the classic `goto` with fallback. */
export function step(automaton: Automaton, state: number, code: number): number {
  const symbol = code < ROOT_TABLE_SIZE ? automaton.symbolOf[code]! : 0;
  let s = state;
  while (s !== 0) {
    if (symbol !== 0 && s < automaton.denseStates) return automaton.dense[s * DENSE_WIDTH + symbol]!;
    const next = transition(automaton, s, code);
    if (next >= 0) return next;
    s = automaton.fail[s]!;
  }
  if (code < ROOT_TABLE_SIZE) return automaton.rootNext[code]!;
  const next = transition(automaton, 0, code);
  return next >= 0 ? next : 0;
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
  const linking = deserializeAutomatonInSteps(serialized);
  while (!linking.step(Infinity));
  return linking.automaton;
}

/** As deserializeAutomaton, with the linking left to the caller's `step` calls. */
export function deserializeAutomatonInSteps(serialized: SerializedAutomaton): ReturnType<typeof startLinking> {
  const childCount = new Uint16Array(bufferOf(serialized.childCount));
  const output = new Int32Array(childCount.length).fill(-1);
  const terminals = new Uint32Array(bufferOf(serialized.terminals));
  for (let i = 0; i < terminals.length; i += 2) output[terminals[i]!] = terminals[i + 1]!;
  return startLinking(
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
