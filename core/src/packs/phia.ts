/**
 * `extends: brief:phia` — UK house style after the PHIA Probability Yardstick
 * (Professional Head of Intelligence Analysis, "Explaining Uncertainty in UK
 * Intelligence Assessment", 2025; earlier 2018/2019 editions).
 */
export const phiaPack = `# Built-in pack brief:phia: UK PHIA house style.
scale: phia
rules:
  # Likelihood in yardstick terms only, used as the yardstick defines them.
  term-off-scale: error
  mixed-scales: error
  percentage-band: error
  modified-possible: warning
  missing-likelihood: warning
  # PHIA rates confidence in a separate framework from likelihood.
  confidence-with-likelihood: warning
customRules:
  phia/realistic-possibility:
    kind: substitution
    category: estimative
    scope: document
    severity: warning
    swap:
      real possibility: realistic possibility
    message: 'The PHIA yardstick term is "{preferred}" (about 40 to under 50%); "{match}" is not on the yardstick.'
    description: 'Writes the yardstick term "realistic possibility", not "real possibility".'
  phia/terms-not-numbers:
    kind: conditional
    category: estimative
    scope: judgement
    severity: warning
    if: {facts: [percentage]}
    then: {facts: [likelihood]}
    message: 'PHIA states likelihood in yardstick terms rather than numbers, so that judgements are not read as more precise than they are; put the yardstick term with "{match}".'
    description: 'A percentage in a key judgement comes with its yardstick term.'
  phia/confidence-ratings:
    kind: substitution
    category: estimative
    scope: document
    severity: warning
    swap:
      medium confidence: moderate confidence
    message: 'PHIA Analytical Confidence Ratings are high, moderate and low: write "{preferred}", not "{match}".'
    description: 'Confidence in the PHIA ratings (high / moderate / low).'
`;
