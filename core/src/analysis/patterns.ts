/**
 * Regular expressions that find the phrases rules reason about. All run on a block's
 * masked text (same length as the source; code, markup and URLs blanked), so match
 * offsets are source offsets. Every pattern is linear: no nested quantifiers over
 * overlapping classes.
 */

import {nativeOnFirstUse} from '../text/native-regexp.js';

const W = '[\\p{L}\\p{N}]';
/** Word start/end guards that work with Unicode letters. */
export const B0 = `(?<!${W})`;
export const B1 = `(?!${W})`;

const NUM_WORD = '(?:\\d+(?:\\.\\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty|few|several|couple of|many)';
const UNIT = '(?:hours?|days?|weeks?|months?|years?|decades?|quarters?|summers?|winters?|seasons?|terms?)';
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)';
const PERIOD = `(?:year|month|week|decade|quarter|summer|winter|spring|autumn|fall|season|parliament|administration|term)`;
const WHEN = `(?:(?:the\\s+)?(?:end|start|beginning|middle|close|first\\s+half|second\\s+half|turn)\\s+of\\s+(?:the\\s+)?)?(?:(?:early|mid|late)[-\\s]+)?(?:(?:${MONTH}\\s+)?(?:19|20)\\d\\d(?:s)?|${MONTH}|Q[1-4]\\s+(?:19|20)\\d\\d|(?:this|next|the\\s+coming|the\\s+next)\\s+${PERIOD}|the\\s+(?:decade|year|month|century))`;

/**
 * Word guards once around an alternation instead of on every branch: `B0(?:a|b)B1` finds
 * exactly what `B0 a B1|B0 b B1` finds (same branches, same order), but V8 compiles each
 * Unicode class under the `i` flag separately, at about 0.25 ms apiece, twice per process
 * (interpreter, then native code). With the guards on every branch, compiling these
 * patterns alone took some 50 ms of every `brief` run.
 */
const guarded = (branches: readonly string[]) => `${B0}(?:${branches.join('|')})${B1}`;

/** Branches of TIMEFRAME, without their word guards (exported for the test that checks the factoring). */
export const TIMEFRAME_BRANCHES = [
  // over the next 12 months, within the coming weeks, in the next two years, during the following quarter
  `(?:over|within|in|during|for|across|throughout|into)\\s+the\\s+(?:next|coming|following|remaining|upcoming)\\s+(?:${NUM_WORD}\\s+)?${UNIT}`,
  // within six months, in two years, within a year
  `(?:within|in|inside|under)\\s+${NUM_WORD}\\s+${UNIT}`,
  // by 2028, before the end of 2027, until mid-2026, in early 2027, through Q3 2027, by March
  `(?:by|before|until|till|through|throughout|during|in|into|after|beyond|ahead\\s+of|prior\\s+to|from|to|between|no\\s+later\\s+than)\\s+(?:at\\s+(?:least|the\\s+(?:earliest|latest))\\s+)?${WHEN}`,
  // next year, this summer, the coming months, the year ahead
  `(?:this|next|the\\s+coming|the\\s+next)\\s+(?:${NUM_WORD}\\s+)?${PERIOD}s?`,
  `the\\s+(?:year|months|weeks|decade)\\s+ahead`,
  `(?:over|in|within|for)\\s+the\\s+(?:short|near|medium|long)[-\\s]+term`,
  `(?:short|near|medium|long)-term`,
  `in\\s+the\\s+(?:near|foreseeable|immediate)\\s+future`,
  `(?:imminently|imminent)`,
  // whilst X remains in power, as long as the ceasefire holds, for as long as sanctions last
  `(?:whilst|while|as\\s+long\\s+as|so\\s+long\\s+as|until|unless|before|after)\\s+[^.;:!?]{1,80}?${B0}(?:remains?|stays?|continues?|holds?|lasts?|persists?|survives?|ends?|collapses?|falls?|is\\s+in\\s+(?:power|office)|are\\s+in\\s+(?:power|office))`,
  // before/by the election, ahead of the summit
  `(?:by|before|until|ahead\\s+of|after|during|around|at|through|throughout|over|in|within|for)\\s+(?:at\\s+(?:least|the\\s+(?:earliest|latest))\\s+)?(?:the|next|this|its|their|that)\\s+(?:[\\p{L}\\p{N}-]+\\s+){0,3}(?:elections?|summit|vote|referendum|deadline|ceasefire|negotiations|talks|season|harvest|conference|congress|meeting|inauguration|transition|handover|games|olympics|world\\s+cup|round|budget|anniversary|visit|plenum|review|expiry|withdrawal|offensive|monsoon|launch|session|hearing|trial|recess|rotation|exercise|exercises|drills|deployment|succession|census|poll|polls|runoff|run-off|primaries|primary|convention|treaty|agreement|contract|mandate|period|cycle|window|phase|term|tenure|presidency|premiership|reign|war|conflict|crisis|dry\\s+season|fiscal\\s+year)`,
];
/** Phrases that bound a judgement in time. */
export const TIMEFRAME = new RegExp(guarded(TIMEFRAME_BRANCHES), 'giu');

/** Confidence levels (ICD 203 / PHIA analytical confidence). */
export const CONFIDENCE = new RegExp(
  guarded([
    `(?:high|moderate|medium|low)(?:[-\\s]+level)?\\s+(?:of\\s+)?confidence`,
    `(?:highly|moderately|fairly|reasonably)\\s+confident`,
    `confidence\\s+(?:is|remains|level\\s+is)\\s+(?:high|moderate|medium|low)`,
    `we\\s+are\\s+confident`,
  ]),
  'giu',
);

/** Vague hedges: say little about likelihood. `may` is handled by its own test (the month). */
export const HEDGE = new RegExp(
  `${B0}(?:may|might|could|possibly|perhaps|possible|possibility|conceivably|conceivable|potentially|maybe|cannot\\s+be\\s+ruled\\s+out|can(?:not|'t|’t)\\s+rule\\s+out)${B1}`,
  'giu',
);

/** Idioms in which a hedge word expresses no uncertainty. */
export const HEDGE_IDIOM = new RegExp(
  `${B0}(?:as\\s+soon\\s+as\\s+possible|where(?:ver)?\\s+possible|if\\s+possible|as\\s+(?:far|much|many|quickly|early)\\s+as\\s+possible|could\\s+not|could\\s+no\\s+longer|couldn[’']t|made\\s+possible|make\\s+(?:it\\s+)?possible|makes\\s+(?:it\\s+)?possible|possible\\s+only)${B1}`,
  'giu',
);

/** "possible" and cognates modified by an adverb or adjective (Kent's rule). */
export const MODIFIED_POSSIBLE = new RegExp(
  `${B0}(?:very\\s+real|very|highly|quite|entirely|perfectly|serious|real|distinct|strong|good|fair|significant|slight|clear|definite|genuine|high|low|small|major|considerable|remote\\s+but\\s+real)\\s+(?:possibility|possible|possibly)${B1}`,
  'giu',
);

/** Words that state an outcome as certain. */
export const CERTAINTY = new RegExp(
  `${B0}(?:will|won[’']t|shall|certainly|definitely|undoubtedly|inevitably|surely|unquestionably|without\\s+(?:a\\s+)?doubt|no\\s+doubt|is\\s+going\\s+to|are\\s+going\\s+to|guaranteed\\s+to|bound\\s+to)${B1}`,
  'giu',
);

/** A stated percentage or percentage range: (20%), 55–75%, 30 per cent. */
export const PERCENT = new RegExp(
  `(?<![\\p{L}\\p{N}.])(\\d{1,3}(?:\\.\\d+)?)\\s*(?:%|\\s*per\\s*cent|\\s*percent)?(?:\\s*(?:–|—|-|to)\\s*(\\d{1,3}(?:\\.\\d+)?))?\\s*(?:%|\\s*per\\s*cent${B1}|\\s*percent${B1})`,
  'giu',
);

// according to X (not "according to plan", "according to our assessment")
export const ACCORDING_TO = `according\\s+to${B1}(?!\\s+(?:(?:the|its|their|a|our|this)\\s+)?(?:plans?|schedule|timetable|timeline|script|design|doctrine|procedure|rules|law|scale|yardstick|definition|assessment|analysis|estimates?|model|judge?ment)${B1})`;

/** Branches of ATTRIBUTION after "according to", without their word guards (exported for the test that checks the factoring). */
export const ATTRIBUTION_BRANCHES = [
  `(?:reportedly|allegedly|purportedly|supposedly|rumou?red)`,
  `(?:is|are|was|were)\\s+(?:said|reported|alleged|believed|thought|rumou?red|understood|claimed)\\s+to`,
  `it\\s+(?:is|was|has\\s+been)\\s+(?:reported|alleged|claimed|said|understood|rumou?red)`,
  // officials said, sources close to the ministry say, diplomats in Vienna told…
  `(?<!(?:our|my)\\s)(?:sources?|officials?|diplomats?|insiders?|observers?|witnesses|residents|spokes(?:man|woman|person|people)|ministers?|analysts|experts|journalists|reporters|media|press\\s+reports?|news\\s+reports?|reports|the\\s+press)\\s+(?:have\\s+|had\\s+)?(?:(?:close\\s+to|familiar\\s+with|in|from|at|inside|within)\\s+[^.,;:!?]{1,40}?\\s+)?(?:have\\s+|had\\s+)?(?:say|says|said|told|claim|claims|claimed|report|reports|reported|indicate|indicated|suggest|suggests|suggested|confirm|confirmed|state|stated|allege|alleged|assert|asserted|note|noted|believe|believed|described)`,
  `(?:media|press|news|unconfirmed|local)\\s+reports?`,
  // Intelligence usage: "reporting indicates", "media reporting suggests"
  `(?:(?:media|press|open[-\\s]source|local|unconfirmed|social\\s+media|single[-\\s]source)\\s+reporting|reporting\\s+(?:indicates|indicated|suggests|suggested|says|said|shows|showed|claims|claimed))`,
  `told\\s+(?:reporters|journalists|the\\s+press|local\\s+media|state\\s+media)`,
  // The ministry said that… (not "having said that")
  `(?<!(?:having|that|this)\\s)(?:said|stated|claimed|claims|alleged|alleges|asserted|asserts|announced)\\s+that`,
];
/** Attribution and hearsay: a claim resting on someone else's word. */
export const ATTRIBUTION = new RegExp(`${B0}(?:${ACCORDING_TO}|(?:${ATTRIBUTION_BRANCHES.join('|')})${B1})`, 'giu');


/** Numbers in prose; filtered by `isFigure`. */
export const NUMBER = /(?<![\p{L}\p{N}.,])(?:[$£€¥]\s?)?\d+(?:[.,]\d+)*(?:\s?(?:%|per\s?cent|percent))?(?:\s?(?:bn|m|k|tn|million|billion|trillion|thousand|hundred)(?!\p{L}))?/giu;

const MONTHS_RE = new RegExp(`^(?:${MONTH})$`, 'i');
const TIME_WORD = /^(?:hours?|hrs?|days?|nights?|weeks?|wks?|months?|years?|yrs?|decades?|centuries|century|quarters?|minutes?|mins?|seconds?|secs?|am|pm|a\.m|p\.m|BCE?|AD)$/i;
/** Labels before a number: Judgement 3, KJ 2, phase 2, Article 5, Resolution 2231, Route 7, Reactor #3. */
const LABEL_BEFORE = /(?<!\p{L})(?:judge?ments?|kj|phase|article|resolution|unscr|section|chapter|paragraph|para|annexe?|appendix|figure|fig\.|table|page|pp?\.|no\.|nos\.|number|item|point|stage|level|tier|grade|version|v|step|round|lot|q|h|cat(?:egory)?|route|highway|flight|reactor|zone|sector|gate|pier|berth|terminal|platform|runway|building|room|district|option|scenario|exhibit|footnote|clause|type|class|project|batch|tranche|series|model|mark|mk\.?|§)[ \t]?#?[ \t]?$/iu;
/** An acronym before a number names a document or a system: ICD 203, STANAG 2511. Currency codes excepted. */
const ACRONYM_BEFORE = /(?<!\p{L})(\p{Lu}{2,7})[ \t]?$/u;
const CURRENCY_CODE = /^(?:USD|EUR|GBP|JPY|CNY|RMB|RUB|INR|CHF|AUD|CAD|UAH|IRR|TRY|KRW|BRL|ZAR|SAR|AED|ILS|EGP|NGN|PKR|KES|ETB|NOK|SEK|DKK|PLN)$/;
/** A probability written as a number: "likely (55–75%)", "a 60% chance", "probability of 0.7". */
const PROBABILITY_BEFORE = /(?<!\p{L})(?:likely|unlikely|probable|probably|improbable|possibility|certain|certainly|chance|chances|odds|remote|probability|likelihood|confidence)(?:[ \t]+(?:of|at|is|was|about|around|roughly|approximately|some))*[ \t]*[(\[]?[ \t]*(?:≈|~|c\.)?[ \t]*$/iu;
const PROBABILITY_AFTER = /^[ \t]?[)\]]?[ \t]*(?:chance|chances|probability|likelihood|odds|likely|likelihood|confidence|certain)(?!\p{L})/iu;
/** A number opening a range ("3–6 months", "1,000 to 2,000"): the range's end decides. */
const RANGE_START = /^[ \t]?(?:-|–|—|to|or)[ \t]?[$£€¥]?\d/;
const RANGE_END = /[$£€¥]?\d[\d.,]*(?:[ \t]?(?:%|per[ \t]?cent|percent))?[ \t]?(?:-|–|—|[ \t]to|[ \t]or|[ \t]and)[ \t]?$/;

/** The two largest of isFigure's patterns, compiled to native code on first use (text/native-regexp.ts). */
const labelBefore = nativeOnFirstUse(LABEL_BEFORE);
const probabilityBefore = nativeOnFirstUse(PROBABILITY_BEFORE);

/**
 * Is this number a factual figure that needs a source? Years, dates, durations,
 * probabilities, designations (F-16) and labels are not; amounts, counts,
 * percentages and measurements are.
 */
export function isFigure(masked: string, start: number, end: number): boolean {
  const token = masked.slice(start, end);
  const digits = token.replace(/[^\d.,]/g, '');
  const before = masked.slice(Math.max(0, start - 32), start);
  const after = masked.slice(end, end + 32);
  // Ranges of bare numbers: the first is judged with the last ("3–6 months", "likely (55–75%)").
  const bare = /^\d[\d.,]*$/.test(token);
  if (bare && RANGE_START.test(after)) return false;
  if (bare && /^[ \t]+and[ \t]+[$£€¥]?\d/.test(after) && /between[ \t]+$/i.test(before)) return false;
  const rangeEnd = RANGE_END.exec(before);
  const lead = rangeEnd ? before.slice(0, rangeEnd.index) : before;
  // Probabilities are estimative language, not reported facts.
  if (probabilityBefore().test(lead) || PROBABILITY_AFTER.test(after)) return false;
  // Year ranges (2024–25) and ISO dates (2024-05-01).
  if (/(?:19|20)\d\d[ \t]?[-–—][ \t]?$/.test(before) && /^\d\d$/.test(digits)) return false;
  if (/(?:19|20)\d\d-\d\d-$/.test(before) || (/^(?:19|20)\d\d$/.test(digits) && /^-\d\d(?!\d)/.test(after))) return false;
  if (/%|per\s?cent|percent|[$£€¥]|bn|million|billion|trillion|thousand|tn\b/i.test(token)) return true;
  // Dates and times: 05/2024, 14:00, 1 March, March 1.
  if (/^[/:]\d/.test(after) || /\d[/:]$/.test(before)) return false;
  // Designations and codes: F-16, Su-35, S-400, COVID-19, 5G, 9M729.
  if (/\p{L}-$/u.test(before)) return false;
  if (/^\p{N}/u.test(after) || (/\p{L}$/u.test(token) && /^\p{L}/u.test(after)) || /^\p{Lu}(?!\p{Ll})/u.test(after)) return false;
  const next = /^[ \t]*(?:st|nd|rd|th)?(?:[ \t]+|-)(?:of[ \t]+)?(\p{L}+)/u.exec(after);
  if (next) {
    const word = next[1];
    if (word !== 'may' && MONTHS_RE.test(word)) return false;
    // Durations and time words: 12 months, 3 years, 24-hour
    if (TIME_WORD.test(word)) return false;
  }
  if (/(?:^|\P{L})(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*$/u.test(lead)) return false;
  // Years
  if (/^(?:1[89]|20|21)\d\d$/.test(digits)) return false;
  if (/^\d{4}s$/.test(masked.slice(start, end + 1))) return false;
  if (labelBefore().test(lead)) return false;
  const acronym = ACRONYM_BEFORE.exec(lead);
  if (acronym && !CURRENCY_CODE.test(acronym[1])) return false;
  // Ordinals written as 1st, 2nd
  if (/^(?:st|nd|rd|th)\b/i.test(after)) return false;
  return true;
}
