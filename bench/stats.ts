/** Small statistics and formatting helpers for the benchmarks. */

export function quantile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round((s.length - 1) * p)))];
}
export const median = (xs: number[]) => quantile(xs, 0.5);
export const p95 = (xs: number[]) => quantile(xs, 0.95);

/** Milliseconds, with sensible precision. */
export function ms(x: number): string {
  if (!Number.isFinite(x)) return '—';
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}
export function seconds(msValue: number): string {
  return Number.isFinite(msValue) ? (msValue / 1000).toFixed(2) : '—';
}
/** KiB (as the kernel reports RSS) → megabytes (10^6 bytes), as the targets are stated. */
export function mb(kib: number): string {
  return Number.isFinite(kib) ? ((kib * 1024) / 1e6).toFixed(0) : '—';
}
export function bytes(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(n >= 10_000_000 ? 0 : 1)} MB`;
  if (n >= 1000) return `${(n / 1000).toFixed(0)} kB`;
  return `${n} B`;
}
export function pct(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(0)}%` : '—';
}

/** Growth exponent k in time ∝ size^k between two points (1 = linear; 2 = quadratic). */
export function exponent(size1: number, t1: number, size2: number, t2: number): number {
  return Math.log(t2 / t1) / Math.log(size2 / size1);
}

export function table(header: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.map(String).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
