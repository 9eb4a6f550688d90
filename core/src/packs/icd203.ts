/**
 * `extends: brief:icd203` — US house style after ODNI ICD 203 (Analytic Standards,
 * 2015) and ICD 206 (sourcing requirements).
 */
export const icd203Pack = `# Built-in pack brief:icd203: US ICD 203 / ICD 206 house style.
scale: icd203
sections:
  # ICD 206: reporting that judgements depend on needs source reference citations.
  required: [title, summary, judgements, sources]
rules:
  term-off-scale: error
  # ICD 203: do not mix terms from different rows of the likelihood table.
  mixed-scales: error
  # ICD 203 D.6.e(2)(b): a confidence level and a degree of likelihood never in the same sentence.
  confidence-with-likelihood: error
  percentage-band: error
  judgement-unsourced: error
  uncited-claim: warning
  uncited-attribution: warning
  # ICD 206 source descriptors include the age and currency of the information.
  source-metadata: [warning, {requireDate: true, requireGrade: false}]
  # Confidence goes in a sentence of its own (see icd203/assessment-confidence), so a judgement may run to two.
  judgement-one-sentence: off
customRules:
  icd203/assessment-confidence:
    kind: conditional
    category: estimative
    scope: judgement
    severity: warning
    if: {terms: [assess, assesses, assessed, judge, judges, judged, estimate, estimates, estimated]}
    then: {facts: [confidence]}
    message: 'ICD 203 asks products to express and explain uncertainty: "{match}" states an assessment, so say how confident you are in it (e.g. "We have moderate confidence…"), in a sentence of its own, apart from the likelihood term.'
    description: 'An assessment in a key judgement states a confidence level (in its own sentence).'
  icd203/source-descriptor:
    kind: occurrence
    category: sourcing
    scope: source
    severity: info
    count:
      terms: [access, bias, biased, context, complete, completeness, precise, precision, current, currency, dated, past record, track record, reliable, reliability]
    min: 1
    message: 'ICD 206 source descriptors tell readers about a source: its access, the currency of its information, its past record, completeness, precision, context and possible bias. This entry describes none of these.'
    description: 'Each source entry carries an ICD 206 source descriptor.'
`;
