/**
 * A small expander of TextMate/VS Code snippet syntax, for tests: every placeholder
 * takes its default, every choice its first option, mirrors copy their placeholder,
 * and variables come from a fixed table (an unknown variable is an error, so a typo
 * in a snippet fails the test instead of inserting the variable's name).
 *
 * Syntax: $1, ${1}, ${1:default with $2 or ${3:nested}}, ${1|one,two|}, $VAR, ${VAR}, ${VAR:default};
 * `\$`, `\}` and `\\` escape in text, `\,` and `\|` also in choices. Transforms are rejected.
 */

export type SnippetNode =
  | {kind: 'text'; value: string}
  | {kind: 'tabstop'; index: number; children?: SnippetNode[]; choices?: string[]}
  | {kind: 'variable'; name: string; children?: SnippetNode[]};

export class SnippetSyntaxError extends Error {}

export function parseSnippet(body: string): SnippetNode[] {
  let pos = 0;
  const fail = (msg: string): never => {
    throw new SnippetSyntaxError(`${msg} at offset ${pos} of snippet: ${JSON.stringify(body)}`);
  };

  function parseNodes(nested: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({kind: 'text', value: text});
      text = '';
    };
    while (pos < body.length) {
      const c = body[pos];
      if (c === '\\' && pos + 1 < body.length && '$}\\'.includes(body[pos + 1])) {
        text += body[pos + 1];
        pos += 2;
      } else if (c === '}' && nested) {
        flush();
        return nodes;
      } else if (c === '$') {
        const node = parseDollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          text += '$';
          pos++;
        }
      } else {
        text += c;
        pos++;
      }
    }
    if (nested) fail('Unclosed ${');
    flush();
    return nodes;
  }

  /** At a `$`: a tab stop, placeholder, choice or variable, or undefined when the `$` is plain text. */
  function parseDollar(): SnippetNode | undefined {
    const rest = body.slice(pos);
    let m = /^\$(\d+)/.exec(rest);
    if (m) {
      pos += m[0].length;
      return {kind: 'tabstop', index: Number(m[1])};
    }
    m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (m) {
      pos += m[0].length;
      return {kind: 'variable', name: m[1]};
    }
    m = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (!m) return undefined;
    pos += m[0].length;
    const isTabstop = /^\d/.test(m[1]);
    const next = body[pos];
    if (next === '}') {
      pos++;
      return isTabstop ? {kind: 'tabstop', index: Number(m[1])} : {kind: 'variable', name: m[1]};
    }
    if (next === ':') {
      pos++;
      const children = parseNodes(true);
      pos++; // the closing }
      return isTabstop ? {kind: 'tabstop', index: Number(m[1]), children} : {kind: 'variable', name: m[1], children};
    }
    if (next === '|' && isTabstop) {
      pos++;
      const choices: string[] = [];
      let option = '';
      for (;;) {
        if (pos >= body.length) fail('Unclosed choice');
        const c = body[pos];
        if (c === '\\' && pos + 1 < body.length && '$}\\,|'.includes(body[pos + 1])) {
          option += body[pos + 1];
          pos += 2;
        } else if (c === ',') {
          choices.push(option);
          option = '';
          pos++;
        } else if (c === '|') {
          choices.push(option);
          pos++;
          if (body[pos] !== '}') fail('Expected } after the choices');
          pos++;
          return {kind: 'tabstop', index: Number(m[1]), choices};
        } else {
          option += c;
          pos++;
        }
      }
    }
    if (next === '/') fail('Transforms are not supported by the test expander');
    return fail('Unexpected character after ${' + m[1]);
  }

  return parseNodes(false);
}

/** All tab stops of a parsed snippet, depth first, in order of appearance. */
export function tabstops(nodes: SnippetNode[]): Array<Extract<SnippetNode, {kind: 'tabstop'}>> {
  const out: Array<Extract<SnippetNode, {kind: 'tabstop'}>> = [];
  const walk = (list: SnippetNode[]) => {
    for (const n of list) {
      if (n.kind === 'tabstop') out.push(n);
      if (n.kind !== 'text' && n.children) walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

/** All variables of a parsed snippet, depth first. */
export function variables(nodes: SnippetNode[]): string[] {
  const out: string[] = [];
  const walk = (list: SnippetNode[]) => {
    for (const n of list) {
      if (n.kind === 'variable') out.push(n.name);
      if (n.kind !== 'text' && n.children) walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

/** Fixed values for the variables snippets may use. */
export const TEST_VARIABLES: Readonly<Record<string, string>> = {
  CURRENT_YEAR: '2026',
  CURRENT_YEAR_SHORT: '26',
  CURRENT_MONTH: '11',
  CURRENT_DATE: '02',
  TM_FILENAME: 'test.brief.md',
  TM_FILENAME_BASE: 'test.brief',
  TM_SELECTED_TEXT: '',
};

export interface ExpandOptions {
  /** Values of variables (default: TEST_VARIABLES). */
  vars?: Readonly<Record<string, string>>;
  /** The option to take at a choice tab stop, by index (default: the first option). */
  pick?: Readonly<Record<number, string>>;
}

/** Expands a snippet body (a string, or lines as in a .code-snippets file) with defaults. */
export function expandSnippet(body: string | string[], options: ExpandOptions = {}): string {
  const vars = options.vars ?? TEST_VARIABLES;
  const pick = options.pick ?? {};
  const nodes = parseSnippet(Array.isArray(body) ? body.join('\n') : body);
  // A mirror ($1) copies the first occurrence of the tab stop that has a default or choices.
  const defaults = new Map<number, SnippetNode[] | string>();
  for (const t of tabstops(nodes)) {
    if (defaults.has(t.index)) continue;
    if (t.choices) {
      const chosen = pick[t.index] ?? t.choices[0] ?? '';
      if (!t.choices.includes(chosen)) throw new SnippetSyntaxError(`${JSON.stringify(chosen)} is not an option of $${t.index}`);
      defaults.set(t.index, chosen);
    }
    else if (t.children) defaults.set(t.index, t.children);
  }
  const render = (list: SnippetNode[], seen: Set<number>): string =>
    list
      .map((n) => {
        if (n.kind === 'text') return n.value;
        if (n.kind === 'variable') {
          const value = vars[n.name];
          if (value === undefined) throw new SnippetSyntaxError(`Unknown snippet variable $${n.name}`);
          return value;
        }
        if (n.choices) return defaults.get(n.index) as string;
        if (n.children) return render(n.children, seen);
        const d = defaults.get(n.index);
        if (d === undefined) return '';
        if (typeof d === 'string') return d;
        if (seen.has(n.index)) throw new SnippetSyntaxError(`Tab stop $${n.index} mirrors itself`);
        return render(d, new Set([...seen, n.index]));
      })
      .join('');
  return render(nodes, new Set());
}
