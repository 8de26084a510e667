/**
 * Character-level diff (Myers' O(ND) algorithm): the smallest set of hunks turning `a` into `b`. `warraq lint --fix` writes back only
 * these hunks, so characters the normalizer left alone (line endings, escapes, indentation) are never rewritten.
 */
export interface Hunk {
  /** Range [start, end) of `a` replaced by `text`. */
  start: number;
  end: number;
  text: string;
}

export function diffHunks(a: string, b: string): Hunk[] {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const A = a.slice(p, a.length - s);
  const B = b.slice(p, b.length - s);
  if (A.length === 0 && B.length === 0) return [];
  if (A.length === 0 || B.length === 0) return [{ start: p, end: p + A.length, text: B }];
  const N = A.length;
  const M = B.length;
  const max = N + M;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[k - 1 + off]! < v[k + 1 + off]!) ? v[k + 1 + off]! : v[k - 1 + off]! + 1;
      let y = x - k;
      while (x < N && y < M && A[x] === B[y]) {
        x++;
        y++;
      }
      v[k + off] = x;
      if (x >= N && y >= M) break outer;
    }
  }
  // Walk back from (N, M): each step d is one deletion or insertion after a snake of equal characters.
  type Op = { kind: '-' | '+'; ai: number; ch: string };
  const ops: Op[] = [];
  let x = N;
  let y = M;
  for (let d = trace.length - 1; d > 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[k - 1 + off]! < vd[k + 1 + off]!) ? k + 1 : k - 1;
    const prevX = vd[prevK + off]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
    }
    if (x === prevX) ops.push({ kind: '+', ai: x, ch: B[prevY]! });
    else ops.push({ kind: '-', ai: prevX, ch: A[prevX]! });
    x = prevX;
    y = prevY;
  }
  ops.reverse();
  // Group into hunks: deletions of consecutive characters and the insertions at their edges.
  const hunks: Hunk[] = [];
  for (const op of ops) {
    const last = hunks[hunks.length - 1];
    if (op.kind === '-') {
      if (last && last.end === op.ai + p) last.end++;
      else hunks.push({ start: op.ai + p, end: op.ai + p + 1, text: '' });
    } else if (last && last.end === op.ai + p) last.text += op.ch;
    else hunks.push({ start: op.ai + p, end: op.ai + p, text: op.ch });
  }
  return hunks;
}

export function applyHunks(a: string, hunks: readonly Hunk[]): string {
  let out = '';
  let at = 0;
  for (const h of [...hunks].sort((x, y) => x.start - y.start)) {
    out += a.slice(at, h.start) + h.text;
    at = h.end;
  }
  return out + a.slice(at);
}
