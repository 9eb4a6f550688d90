import type {Fix, Rule} from '../types.js';
import {quote} from '../util.js';
import {parseSuppressions} from '../../suppressions.js';
// A cycle (the rule index imports this module): use `rulesByIdFor` only inside `check`, never at load time.
import {rulesByIdFor} from '../../custom/index.js';
import {nearMisses, orList, uniqueNearest} from './near.js';

export const suppressionReason: Rule = {
  id: 'suppression-reason',
  category: 'structure',
  defaultLevel: 'off',
  description: 'A `brief-disable` comment that gives no reason, or names a rule that does not exist.',
  fixable: true,
  enabledBy: (config) => config.requireSuppressionReason,
  unsuppressible: true,
  docs: {
    rationale:
      'Turning a check off for a passage is sometimes right (a quotation that must stay verbatim, a term the customer insists on), but a reviewer needs to know why, and a misspelt rule id silently disables nothing. This rule asks every `<!-- brief-disable… -->` comment to give its reason after ` -- ` and to name rules that exist. It is off by default; set `requireSuppressionReason: true` in `.briefrc.yaml`, or turn the rule on under `rules:`, to enable it.',
    bad: `# Harbour strike\n\n## Summary\n\n<!-- brief-disable-next-line term-off-scale -->\nThe union called a return to work "very likely" this week.\n`,
    good: `# Harbour strike\n\n## Summary\n\n<!-- brief-disable-next-line term-off-scale -- the union's words, quoted -->\nThe union called a return to work "very likely" this week.\n`,
  },
  check({doc, report}) {
    const known = rulesByIdFor(doc.config);
    for (const s of parseSuppressions(doc.comments)) {
      if (s.kind === 'enable') continue;
      const raw = doc.text.slice(s.start, s.end);
      const unknown = s.rules.filter((r) => !known.has(r));
      if (!s.reason) {
        const stray = unknown.length > 0 && s.rules.some((r) => known.has(r));
        report({
          message: stray
            ? `This \`brief-${s.kind}\` comment gives no reason; if ${orList(unknown.map(quote))} is meant as the reason, put \` -- \` before it.`
            : `This \`brief-${s.kind}\` comment gives no reason. Say why the check does not apply after \` -- \`, e.g. \`<!-- brief-${s.kind}${s.rules.length ? ' ' + s.rules.join(' ') : ''} -- quoted verbatim -->\`.`,
          start: s.start,
          end: s.end,
        });
      }
      // Where each rule id is written: after the directive, before any " -- reason".
      const directive = /brief-(?:disable-next-line|disable-line|disable)/.exec(raw);
      if (!directive) continue;
      const body = raw.endsWith('-->') ? raw.slice(0, -3) : raw;
      const reasonAt = body.search(/\s--(?:\s|$)/);
      const ids = reasonAt >= 0 ? body.slice(0, reasonAt) : body;
      const idRe = /[^\s,]+/g;
      idRe.lastIndex = directive.index + directive[0].length;
      let m: RegExpExecArray | null;
      while ((m = idRe.exec(ids))) {
        const id = m[0];
        if (id.startsWith('--') || known.has(id) || !unknown.includes(id)) continue;
        const misses = nearMisses(id, known.keys());
        const best = uniqueNearest(misses);
        const start = s.start + m.index;
        const rename = (to: string): Fix => ({title: `Change to ${quote(to)}`, edits: [{start, end: start + id.length, text: to}]});
        report({
          message: misses.length
            ? `${quote(id)} is not a rule id; did you mean ${orList(misses.map((x) => quote(x.name)))}? As written, this comment does not turn that rule off.`
            : `${quote(id)} is not a rule id, so this comment does not turn anything off for it. \`brief rules\` lists the rule ids; write a reason after \` -- \`.`,
          start,
          end: start + id.length,
          fix: best ? rename(best) : undefined,
          suggestions: misses.filter((x) => x.name !== best).map((x) => rename(x.name)),
        });
      }
    }
  },
};
