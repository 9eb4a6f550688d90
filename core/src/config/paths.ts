/**
 * Tiny helpers for '/'-separated absolute paths (POSIX, or Windows paths the
 * host has turned into `C:/dir/file`). Core stays free of `node:path`.
 */

/** Length of the root prefix: 1 for `/x`, 3 for `C:/x`, 0 for a relative path. */
function rootLength(p: string): number {
  if (p.startsWith('/')) return 1;
  if (/^[A-Za-z]:\//.test(p)) return 3;
  return 0;
}

export function isAbsolute(p: string): boolean {
  return rootLength(p) > 0;
}

/** Resolves `.` and `..` segments and repeated slashes; keeps the root. */
export function normalize(p: string): string {
  const root = p.slice(0, rootLength(p));
  const out: string[] = [];
  for (const seg of p.slice(root.length).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!root) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const body = out.join('/');
  return root ? root + body : body || '.';
}

export function dirname(p: string): string {
  const n = normalize(p);
  const root = n.slice(0, rootLength(n));
  const i = n.lastIndexOf('/');
  if (i < root.length) return root || '.';
  return n.slice(0, i) || root;
}

export function basename(p: string): string {
  const n = normalize(p);
  return n.slice(n.lastIndexOf('/') + 1);
}

export function join(...parts: string[]): string {
  return normalize(parts.filter((s) => s !== '').join('/'));
}

/** Resolves `p` against `base` (an absolute directory) unless `p` is absolute. */
export function resolve(base: string, p: string): string {
  return isAbsolute(p) ? normalize(p) : normalize(base + '/' + p);
}

/** Path of `to` relative to the directory `from` (both absolute). */
export function relative(from: string, to: string): string {
  const a = normalize(from);
  const b = normalize(to);
  const ra = a.slice(0, rootLength(a));
  const rb = b.slice(0, rootLength(b));
  if (ra.toLowerCase() !== rb.toLowerCase()) return b;
  const as = a.slice(ra.length).split('/').filter(Boolean);
  const bs = b.slice(rb.length).split('/').filter(Boolean);
  let i = 0;
  while (i < as.length && i < bs.length && as[i] === bs[i]) i++;
  return [...as.slice(i).map(() => '..'), ...bs.slice(i)].join('/');
}

/** Every directory from `dir` up to the root, nearest first. */
export function ancestors(dir: string): string[] {
  const out: string[] = [];
  let d = normalize(dir);
  for (;;) {
    out.push(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  return out;
}
