/** HTML escaping for the renderer's own markup (the brief's Markdown goes through the sanitizer). */

const ENTITIES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};

/** Escapes text for element content and double-quoted attribute values. NUL becomes U+FFFD. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'\0]/g, (c) => (c === '\0' ? '\uFFFD' : ENTITIES[c]));
}

/**
 * A footnote or source id as an id fragment: lower case, white space folded, and every
 * character outside [a-z0-9_-] written as `_<hex>` (unique and safe in ids and URLs).
 */
export function slug(label: string): string {
  const norm = label.trim().replace(/\s+/g, ' ').toLowerCase();
  let out = '';
  for (const ch of norm) {
    out += /[a-z0-9-]/.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}`;
  }
  return out || '_';
}

/** A number for a percentage: no trailing zeros. */
export function pct(n: number): string {
  return String(Math.round(n * 100) / 100);
}
