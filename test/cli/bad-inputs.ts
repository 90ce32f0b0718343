/**
 * The bad inputs of issue 3 ("Bad input"), shared by the CLI test (spawned `lrsim run`)
 * and the in-process loader test. Each `expect` pattern must match the one error line.
 */
export interface BadInput {
  name: string;
  files: Record<string, string | Uint8Array>;
  args?: string[]; // extra arguments after the scenario
  scenario?: string; // default: the first file
  expect: RegExp[]; // each must match the error line
}

const extendsBaseline = (body: string) => `extends: baseline\n${body}`;

export const BAD_INPUTS: BadInput[] = [
  { name: 'malformed YAML', files: { 's.yaml': 'name: x\nticks: [1, 2\n' }, expect: [/s\.yaml:\d+:\d+: YAML syntax error/, /fix the syntax/] },
  { name: 'malformed JSON', files: { 's.json': '{\n  "ticks": 10,\n}\n' }, expect: [/s\.json:3:1: JSON syntax error/, /fix the syntax/] },
  { name: 'several YAML documents', files: { 's.yaml': 'ticks: 5\n---\nticks: 6\n' }, expect: [/s\.yaml:2:1: the file holds several YAML documents/] },
  { name: 'tab indentation', files: { 's.yaml': 'region:\n\tplaces: []\n' }, expect: [/s\.yaml:2:1: YAML syntax error: Tabs are not allowed/] },
  { name: 'empty file', files: { 's.yaml': '' }, expect: [/s\.yaml: the file is empty/, /extends: baseline/] },
  { name: 'only comments', files: { 's.yaml': '# nothing here\n' }, expect: [/s\.yaml: the file is empty/] },
  { name: 'binary file (NUL)', files: { 's.yaml': new Uint8Array([0x6e, 0x00, 0x01, 0x02]) }, expect: [/s\.yaml: not a text file \(NUL byte/, /UTF-8/] },
  { name: 'invalid UTF-8', files: { 's.yaml': new Uint8Array([0x6e, 0x3a, 0x20, 0xff, 0xfe, 0x0a]) }, expect: [/s\.yaml: not a text file \(invalid UTF-8\)/] },
  { name: 'top level is a list', files: { 's.yaml': '- a\n- b\n' }, expect: [/s\.yaml:1:1: the top level is a list/] },
  { name: 'unknown top-level key', files: { 's.yaml': extendsBaseline('opennes: 0.3\n') }, expect: [/s\.yaml:2:1: unknown key "opennes"; did you mean "openness"\?/] },
  { name: 'unknown nested key', files: { 's.yaml': extendsBaseline('proximity:\n  geographic_decay: 30\n') }, expect: [/s\.yaml:3:3: proximity: unknown key "geographic_decay"; did you mean "geographic_decay_km"\?/] },
  { name: 'unknown key, no close match', files: { 's.yaml': 'zzzzzz: 1\n' }, expect: [/s\.yaml:1:1: unknown key "zzzzzz"; allowed keys: "name"/] },
  { name: 'wrong type', files: { 's.yaml': 'ticks: many\n' }, expect: [/s\.yaml:1:8: ticks: "many" is the wrong type; write an integer from 1 to 100000/] },
  { name: 'wrong type (section)', files: { 's.yaml': 'agents: lots\n' }, expect: [/s\.yaml:1:9: agents: "lots" is the wrong type; write a mapping/] },
  { name: 'not a whole number', files: { 's.yaml': 'ticks: 2.5\n' }, expect: [/s\.yaml:1:8: ticks: 2\.5 is not a whole number/] },
  { name: 'empty value', files: { 's.yaml': 'ticks:\n' }, expect: [/s\.yaml:1:7: ticks: has no value/] },
  { name: 'out of range', files: { 's.yaml': 'openness: 1.5\n' }, expect: [/s\.yaml:1:11: openness: 1\.5 is out of range; write a number from 0 to 1/] },
  { name: 'infinite number', files: { 's.yaml': 'openness: .inf\n' }, expect: [/s\.yaml:1:11: openness: \.inf is not a finite number; write a number from 0 to 1/] },
  { name: 'NaN', files: { 's.yaml': 'proximity:\n  trust_floor: .nan\n' }, expect: [/s\.yaml:2:16: proximity\.trust_floor: \.nan is not a finite number/] },
  { name: 'absurd ticks', files: { 's.yaml': 'ticks: 100000000\n' }, expect: [/s\.yaml:1:8: ticks: 100000000 is out of range; write an integer from 1 to 100000/] },
  { name: 'absurd firms', files: { 's.yaml': 'agents:\n  firms: 5000000\n' }, expect: [/s\.yaml:2:10: agents\.firms: 5000000 is out of range; write an integer from 1 to 200000/] },
  { name: 'absurd residents', files: { 's.yaml': 'agents:\n  residents: 1e9\n' }, expect: [/s\.yaml:2:14: agents\.residents: 1000000000 is out of range/] },
  { name: 'unknown policy kind', files: { 's.yaml': 'policies:\n  - kind: open_regoin\n    openness: 0.5\n' }, expect: [/s\.yaml:2:11: policies\.0\.kind: unknown policy kind "open_regoin"; did you mean "open_region"\? valid kinds: lifelong_learning, /] },
  { name: 'policy without kind', files: { 's.yaml': 'policies:\n  - openness: 0.5\n' }, expect: [/s\.yaml:2:5: policies\.0: the policy has no kind; add `kind:`/] },
  { name: 'unknown shock kind', files: { 's.yaml': 'shocks:\n  - kind: meteor\n    tick: 5\n' }, expect: [/s\.yaml:2:11: shocks\.0\.kind: unknown shock kind "meteor"; valid kinds: frontier_jump, plant, core_collapse/] },
  { name: 'missing policy field', files: { 's.yaml': 'policies:\n  - kind: open_region\n' }, expect: [/s\.yaml:2:5: policies\.0\.openness: required field is missing; add it \(a number from 0 to 1\)/] },
  { name: 'bad enum value', files: { 's.yaml': 'policies:\n  - kind: creative_space\n    mode: sideways\n' }, expect: [/s\.yaml:3:11: policies\.0\.mode: "sideways" is not allowed; write one of top_down, bottom_up/] },
  { name: 'unknown extends', files: { 's.yaml': 'extends: baselin\n' }, expect: [/s\.yaml:1:10: extends: .*"baselin".*did you mean "baseline"\? built-ins: baseline/] },
  { name: 'extends of a missing file', files: { 's.yaml': 'extends: ./nope.yaml\n' }, expect: [/s\.yaml:1:10: extends: .*"\.\/nope\.yaml"/, /relative to this file/] },
  { name: 'extends not a name', files: { 's.yaml': 'extends: [baseline]\n' }, expect: [/s\.yaml:1:10: extends: extends is a list, not a name/] },
  { name: 'extends cycle', files: { 'a.yaml': 'extends: b.yaml\n', 'b.yaml': 'extends: a.yaml\n' }, expect: [/b\.yaml:1:10: extends: extends forms a cycle \(a\.yaml -> b\.yaml -> a\.yaml\)/] },
  { name: 'self extends', files: { 's.yaml': 'extends: s.yaml\n' }, expect: [/s\.yaml:1:10: extends: extends forms a cycle/] },
  { name: 'unknown model', files: { 's.yaml': 'model: march-1990\n' }, expect: [/s\.yaml:1:8: model: "march-1990" is not allowed; did you mean "march-1991"\? write one of learning-region, march-1991, cowan-jonard-2004/] },
  { name: 'key of another model', files: { 's.yaml': 'model: march-1991\ncowan_jonard_2004:\n  agents: 100\n' }, expect: [/s\.yaml:2:1: cowan_jonard_2004: "cowan_jonard_2004" is a setting of the cowan-jonard-2004 model, but this scenario runs march-1991; remove "cowan_jonard_2004" or set model: cowan-jonard-2004/] },
  { name: 'learning-region key in a reference model', files: { 's.yaml': 'model: cowan-jonard-2004\nopenness: 0.3\n' }, expect: [/s\.yaml:2:1: openness: "openness" is a setting of the learning-region model, but this scenario runs cowan-jonard-2004/] },
  { name: 'reference section in the learning region', files: { 's.yaml': 'march_1991:\n  members: 20\n' }, expect: [/s\.yaml:1:1: march_1991: "march_1991" is a setting of the march-1991 model, but this scenario runs learning-region; remove "march_1991" or set model: march-1991/] },
  { name: 'rate above 1 (March)', files: { 's.yaml': 'model: march-1991\nmarch_1991:\n  socialization_rate: 1.2\n' }, expect: [/s\.yaml:3:23: march_1991\.socialization_rate: 1\.2 is out of range; write a number from 0 to 1/] },
  { name: 'rate below 0 (Cowan-Jonard)', files: { 's.yaml': 'model: cowan-jonard-2004\ncowan_jonard_2004:\n  absorptive_capacity: -0.1\n' }, expect: [/s\.yaml:3:24: cowan_jonard_2004\.absorptive_capacity: -0\.1 is out of range; write a number from 0 to 1/] },
  { name: 'm out of range', files: { 's.yaml': 'model: march-1991\nmarch_1991:\n  dimensions: 0\n' }, expect: [/s\.yaml:3:15: march_1991\.dimensions: 0 is out of range; write an integer from 1 to 10000/] },
  { name: 'n out of range', files: { 's.yaml': 'model: march-1991\nmarch_1991:\n  members: 20000\n' }, expect: [/s\.yaml:3:12: march_1991\.members: 20000 is out of range; write an integer from 1 to 10000/] },
  { name: 'more slow learners than members', files: { 's.yaml': 'model: march-1991\nmarch_1991:\n  members: 10\n  slow_learners: 11\n' }, expect: [/s\.yaml:4:18: march_1991\.slow_learners: 11 slow learners but only 10 members; write at most 10/] },
  { name: 'odd neighbours', files: { 's.yaml': 'model: cowan-jonard-2004\ncowan_jonard_2004:\n  neighbours: 5\n' }, expect: [/s\.yaml:3:15: cowan_jonard_2004\.neighbours: 5 neighbours cannot sit half on each side of the ring; write an even number, e\.g\. 6/] },
  { name: 'neighbours for too few agents', files: { 's.yaml': 'model: cowan-jonard-2004\ncowan_jonard_2004:\n  agents: 10\n  neighbours: 10\n' }, expect: [/s\.yaml:4:15: cowan_jonard_2004\.neighbours: 10 neighbours need more than 10 agents; write at most 8 neighbours or more agents/] },
  { name: 'sweep outcome of another model', files: { 's.yaml': 'model: march-1991\nsweep:\n  outcomes: [locked_in]\n' }, expect: [/s\.yaml:3:14: sweep\.outcomes\.0: "locked_in" is not an outcome of march-1991; use one of "code_knowledge_final"/] },
  { name: 'missing file', files: {}, scenario: 'nope.yaml', expect: [/nope\.yaml: file not found/] },
  { name: 'unknown built-in', files: {}, scenario: 'basline', expect: [/no scenario file or built-in scenario named "basline"; did you mean "baseline"\?/] },
  { name: 'directory', files: { 'd.yaml': '' }, scenario: '.', expect: [/is a directory/] },
  { name: 'unknown place in policy', files: { 's.yaml': 'policies:\n  - kind: infrastructure\n    from: Core City\n    to: Eastown\n    km: 5\n' }, expect: [/s\.yaml:4:9: policies\.0\.to: no place named "Eastown" in region\.places; did you mean "Easttown"\?/] },
  { name: 'unknown place in link', files: { 's.yaml': 'region:\n  links:\n    - {from: Nowhere, to: Harbour, km: 3}\n' }, expect: [/s\.yaml:3:14: region\.links\.0\.from: no place named "Nowhere"/] },
  { name: 'duplicate place', files: { 's.yaml': 'region:\n  places:\n    - {name: A, x_km: 0, y_km: 0, population: 1}\n    - {name: A, x_km: 1, y_km: 0, population: 1}\n' }, expect: [/s\.yaml:4:14: region\.places\.1\.name: place name "A" is used twice/] },
  { name: 'policy end before start', files: { 's.yaml': 'policies:\n  - kind: open_region\n    openness: 0.5\n    start: 50\n    end: 20\n' }, expect: [/s\.yaml:5:10: policies\.0\.end: end 20 is not after start 50/] },
  { name: 'rd_min above rd_max', files: { 's.yaml': 'firms:\n  rd_min: 0.5\n' }, expect: [/s\.yaml:2:11: firms\.rd_min: firms\.rd_min \(0\.5\) is greater than firms\.rd_max \(0\.3\)/] },
  { name: 'capability threshold 0', files: { 's.yaml': 'innovation:\n  theta: 0\n' }, expect: [/s\.yaml:2:10: innovation\.theta: a capability threshold of 0 makes every firm capable in every domain.*worth 0; write a threshold above 0/] },
  { name: 'too few domains for diversity', files: { 's.yaml': 'knowledge:\n  domains: 8\n' }, expect: [/s\.yaml:2:12: knowledge\.domains: 8 domains cannot hold profiles of width 2 \(knowledge\.initial_width\): .*\(cosine 0\.37\), so diversity and novelty collapse; write knowledge\.domains at least 12, or knowledge\.initial_width at most 1\.33/] },
  { name: 'profiles too wide for the ring', files: { 's.yaml': 'knowledge:\n  initial_width: 5\n' }, expect: [/s\.yaml:2:18: knowledge\.initial_width: 24 domains cannot hold profiles of width 5 .*write knowledge\.domains at least 30, or knowledge\.initial_width at most 4/] },
  { name: 'use speeds loss', files: { 's.yaml': 'knowledge:\n  delta_use: 0.05\n' }, expect: [/s\.yaml:2:14: knowledge\.delta_use: knowledge\.delta_use \(0\.05\) is greater than knowledge\.delta_idle \(0\.03\): using a domain would speed its loss.*; make delta_use at most delta_idle/] },
  { name: 'value from the parent file', files: { 'p.yaml': 'extends: baseline\nopenness: 2\n', 'c.yaml': 'extends: p.yaml\nticks: 10\n' }, scenario: 'c.yaml', expect: [/p\.yaml:2:11: openness: 2 is out of range/] },
  { name: 'bad --set path', files: { 's.yaml': 'extends: baseline\n' }, args: ['--set', 'opennes=0.3'], expect: [/--set opennes=0\.3: unknown setting "opennes"; did you mean "openness"\?/] },
  { name: 'bad --set nested path', files: { 's.yaml': 'extends: baseline\n' }, args: ['--set', 'proximity.decay=3'], expect: [/--set proximity\.decay=3: proximity: unknown setting "decay"/] },
  { name: 'bad --set value type', files: { 's.yaml': 'extends: baseline\n' }, args: ['--set', 'openness=abc'], expect: [/--set openness=abc: openness: "abc" is the wrong type; write a number from 0 to 1/] },
  { name: 'bad --set value range', files: { 's.yaml': 'extends: baseline\n' }, args: ['--set', 'ticks=0'], expect: [/--set ticks=0: ticks: 0 is out of range/] },
  { name: 'bad --set YAML', files: { 's.yaml': 'extends: baseline\n' }, args: ['--set', 'policies=[{kind: open_region'], expect: [/--set policies=.*cannot read the value/] },
  { name: '--set without =', files: { 's.yaml': 'extends: baseline\n' }, args: ['--set', 'openness'], expect: [/--set openness: not of the form PATH=VALUE/] },
];

