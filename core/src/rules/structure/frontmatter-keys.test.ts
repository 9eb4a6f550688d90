import {test} from 'node:test';
import assert from 'node:assert/strict';
import {testRule, brief} from '../../testing/rule-tester.js';
import {FRONT_MATTER_KEYS, isBriefDate, toIsoDate} from './frontmatter-keys.js';
import {editDistance, nearMisses} from './near.js';
import type {Scale} from '../../scales/index.js';

const fm = (yaml: string) => brief({rawFrontMatter: `---\n${yaml}---\n\n`});

const house: Scale = {
  id: 'house',
  name: 'Ports desk house scale',
  source: 'Ports desk style guide',
  verified: true,
  terms: [
    {term: 'unlikely', band: [10, 40], label: '10–40%', forms: ['unlikely']},
    {term: 'likely', band: [60, 90], label: '60–90%', forms: ['likely']},
  ],
};

testRule('frontmatter-keys', {
  valid: [
    brief(),
    {
      name: 'every known key, in the forms they take',
      text: brief({
        frontMatter:
          'classification: OFFICIAL\nauthors: [A. Analyst, B. Analyst]\ntimeframe: next 12 months\nversion: 1.2\nstatus: draft\ntags: [ports, labour]\nsummary: The strike goes on.\nreviewers: [C. Reviewer]\ndistribution: Ports team\nhandling: Not for release\nid: BR-2026-041\nlanguage: en-GB',
      }),
    },
    {name: 'a scale id in capitals', text: brief({scale: 'PHIA'})},
    {name: 'a custom scale from config', text: brief({scale: 'house'}), config: {scales: {house}}},
    {name: 'a key the team allows', text: brief({frontMatter: 'project: Harbour'}), options: {allow: ['project']}},
    {name: 'a date with a time', text: fm('title: Ports\ndate: 2026-11-01T09:30:00Z\n')},
    {name: 'a quoted date', text: fm('title: Ports\ndate: "2026-11-01"\n')},
    {name: 'a leap day', text: fm('title: Ports\ndate: 2028-02-29\n')},
    {name: 'one author as text', text: fm('title: Ports\nauthor: A. Analyst\n')},
    {name: 'authors as a block list', text: fm('title: Ports\nauthors:\n  - A. Analyst\n  - B. Analyst\n')},
    {name: 'a numeric title in quotes', text: fm('title: "1984"\n')},
    {name: 'invalid YAML is left to frontmatter-invalid', text: fm('titel: Ports: outlook\n')},
  ],
  invalid: [
    {
      name: 'a misspelt key, renamed',
      text: fm('⟦titel⟧: Ports\nscale: phia\n'),
      messages: ['‘titel’ is not a front-matter key; did you mean ‘title’?'],
      output: fm('title: Ports\nscale: phia\n'),
    },
    {
      name: 'a misspelt scale key (the scale would be ignored)',
      text: fm('title: Ports\n⟦scael⟧: icd203\n'),
      output: fm('title: Ports\nscale: icd203\n'),
    },
    {
      name: 'a key in capitals',
      text: fm('⟦Title⟧: Ports\n'),
      output: fm('title: Ports\n'),
    },
    {
      name: 'a near miss of two keys: the closer one is the fix, the other a suggestion',
      text: fm('title: Ports\n⟦authers⟧: [A. Analyst]\n'),
      messages: ['did you mean ‘authors’ or ‘author’?'],
      suggestions: ['Rename to ‘authors’', 'Rename to ‘author’'],
      output: fm('title: Ports\nauthors: [A. Analyst]\n'),
    },
    {
      name: 'a misspelling of a key already present is not offered',
      text: fm('title: Ports\n⟦titel⟧: Ports again\n'),
      messages: ['is not a front-matter key, so nothing reads it'],
    },
    {
      name: 'an unknown key with no near miss',
      text: brief({frontMatter: '⟦project⟧: Harbour'}),
      messages: [/not a front-matter key, so nothing reads it\. Known keys: title, date, scale.*`allow` option/],
    },
    {
      name: 'an unknown scale with a near miss',
      text: brief({scale: '⟦phya⟧'}),
      messages: [/‘phya’ is not a known estimative scale; did you mean ‘phia’\? Valid scales are phia: .*icd203: .*nato: .*kent: /],
      output: brief({scale: 'phia'}),
    },
    {
      name: 'a scale written with a space',
      text: brief({scale: '⟦ICD 203⟧'}),
      output: brief({scale: 'icd203'}),
    },
    {
      name: 'a quoted scale keeps its quotes',
      text: brief({scale: '⟦"phya"⟧'}),
      output: brief({scale: '"phia"'}),
    },
    {
      name: 'an unknown scale with no near miss lists the valid ones',
      text: brief({scale: '⟦yardstick⟧'}),
      messages: [/‘yardstick’ is not a known estimative scale\. Valid scales are phia: .*kent: .*checked against UK PHIA/],
    },
    {
      name: 'custom scales from config count as near misses',
      text: brief({scale: '⟦hose⟧'}),
      config: {scales: {house}},
      messages: [/did you mean ‘house’\?.*house: Ports desk house scale/],
      output: brief({scale: 'house'}),
    },
    {
      name: 'an empty scale',
      text: fm('title: Ports\n⟦scale⟧:\n'),
      messages: ['‘scale’ has no value'],
    },
    {
      name: 'a written-out date, rewritten',
      text: fm('title: Ports\ndate: ⟦1 November 2026⟧\n'),
      messages: ['Write the date as YYYY-MM-DD: ‘2026-11-01’'],
      output: fm('title: Ports\ndate: 2026-11-01\n'),
    },
    {
      name: 'an ambiguous day/month date has no fix',
      text: fm('title: Ports\ndate: ⟦01/11/2026⟧\n'),
      messages: ['‘01/11/2026’ is not a date in the form YYYY-MM-DD'],
    },
    {
      name: 'a day that does not exist',
      text: fm('title: Ports\ndate: ⟦2026-02-30⟧\n'),
    },
    {
      name: 'a year alone',
      text: fm('title: Ports\ndate: ⟦2026⟧\n'),
    },
    {
      name: 'a title read as a number, quoted',
      text: fm('title: ⟦1984⟧\n'),
      messages: ['read as a number'],
      output: fm('title: "1984"\n'),
    },
    {
      name: 'an empty title',
      text: fm('⟦title⟧:\nscale: phia\n'),
      messages: ['‘title’ has no value'],
    },
    {
      name: 'authors with sub-keys',
      text: fm('title: Ports\nauthors:\n  ⟦- name: A. Analyst\n    desk: Ports⟧\n'),
      messages: ['‘authors’ should be a name or a list of plain names'],
    },
    {
      name: 'authors with a number in the list',
      text: fm('title: Ports\nauthors: ⟦[A. Analyst, 7]⟧\n'),
    },
  ],
});

test('FRONT_MATTER_KEYS describes every key once', () => {
  const keys = FRONT_MATTER_KEYS.map((k) => k.key);
  assert.equal(new Set(keys).size, keys.length);
  for (const k of ['title', 'date', 'scale', 'classification', 'authors', 'author', 'timeframe', 'version', 'status', 'tags', 'summary', 'reviewers', 'distribution', 'handling', 'id', 'language']) {
    assert.ok(keys.includes(k), k);
  }
  for (const k of FRONT_MATTER_KEYS) assert.ok(k.description.length > 10 && k.example.length > 0, k.key);
});

test('dates', () => {
  assert.ok(isBriefDate('2026-11-01'));
  assert.ok(isBriefDate(new Date('2026-11-01')));
  assert.ok(!isBriefDate('2026-13-01'));
  assert.ok(!isBriefDate('2027-02-29'));
  assert.equal(toIsoDate('1st Nov 2026'), '2026-11-01');
  assert.equal(toIsoDate('November 1, 2026'), '2026-11-01');
  assert.equal(toIsoDate('2026/11/1'), '2026-11-01');
  assert.equal(toIsoDate('31 June 2026'), undefined);
  assert.equal(toIsoDate('1/11/2026'), undefined);
});

test('near misses', () => {
  assert.equal(editDistance('titel', 'title'), 1);
  assert.equal(editDistance('scale', 'scale'), 0);
  assert.equal(editDistance('', 'abc'), 3);
  assert.deepEqual(nearMisses('ad', ['id', 'tags']).map((m) => m.name), ['id']);
  assert.deepEqual(nearMisses('to', ['id']), [], 'short words allow one edit only');
});
