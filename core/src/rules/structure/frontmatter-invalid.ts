import type {Rule} from '../types.js';

/** A short, concrete hint for the commonest YAML mistakes in front matter. */
export function yamlHint(message: string): string {
  if (/nested mappings|implicit map keys|compact mapping|mapping values/i.test(message)) {
    return 'A value that contains a colon followed by a space must be quoted, e.g. title: "Ports: the winter outlook".';
  }
  if (/keys must be unique/i.test(message)) return 'Each key may appear only once: remove or merge the repeated key.';
  if (/tab/i.test(message)) return 'Indent with spaces, not tabs.';
  if (/quote/i.test(message)) return 'Close the quotation mark, or remove it.';
  if (/flow (?:sequence|map|collection)|\]|\}/i.test(message)) return 'Close the bracket, or write the list one `- item` per line.';
  if (/indent/i.test(message)) return 'Line the keys up at the start of the line; indent only the items of a list.';
  return 'Check the quoting and indentation here; quote values that contain ": ", " #" or start with a special character such as @, `, [ or {.';
}

function lowerFirst(s: string): string {
  return /^\p{Lu}\p{Ll}/u.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

export const frontmatterInvalid: Rule = {
  id: 'frontmatter-invalid',
  category: 'structure',
  defaultLevel: 'error',
  description: 'Front matter that is not valid YAML, not a set of `key: value` lines, or not closed.',
  fixable: false,
  docs: {
    rationale:
      "The front matter carries the brief's title, date and, above all, its estimative scale. When it cannot be read, none of it applies: the brief is checked against the default scale and its title and date are lost. The commonest causes are an unquoted value containing a colon, a repeated key, tab indentation and a missing closing `---` line.",
    standard: 'YAML 1.2',
    bad: `---\ntitle: Harbour strike: the winter outlook\ndate: 2026-11-01\nscale: phia\n---\n\n# Harbour strike\n`,
    good: `---\ntitle: "Harbour strike: the winter outlook"\ndate: 2026-11-01\nscale: phia\n---\n\n# Harbour strike\n`,
  },
  check({doc, report}) {
    const fm = doc.frontMatter;
    if (!fm) return;
    for (const error of fm.errors) {
      let message: string;
      if (/no closing `---`/.test(error.message)) {
        message = 'Front matter starts with `---` but has no closing `---` line, so none of it is read. Add a `---` line after the last key.';
      } else if (/must be a set of `key: value` lines/.test(error.message)) {
        message = 'Front matter must be a set of `key: value` lines (e.g. `scale: phia`), not a list or plain text.';
      } else {
        const reason = lowerFirst(error.message.replace(/[.\s]+$/, ''));
        message = `Front matter is not valid YAML: ${reason}. ${yamlHint(error.message)}`;
      }
      report({message, start: error.range.start, end: error.range.end});
    }
  },
};
