#!/usr/bin/env python3
"""Writes test/fuzz/corpus/: hostile scenario inputs for test/fuzz/corpus.test.ts.

Every file directly in corpus/ is one case, run as `lrsim validate FILE` (a `.set` file:
`lrsim validate baseline --set LINE` for each line of it, one case per file). Files in
corpus/lib/ are only reached through `extends`. Names starting with `multi-` may print up
to 21 lines (20 problems and a count); every other case prints exactly one line.
Re-run after editing: python3 test/fuzz/make-corpus.py
"""
import os, shutil

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'corpus')
shutil.rmtree(HERE, ignore_errors=True)
os.makedirs(os.path.join(HERE, 'lib'))

def put(name, data):
    path = os.path.join(HERE, name)
    with open(path, 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode('utf-8'))

B = 'extends: baseline\n'

# --- malformed YAML -------------------------------------------------------------------
put('yaml-unclosed-flow.yaml', B + 'sweep:\n  parameters:\n    openness: [0.1, 0.2\n')
put('yaml-bad-indent.yaml', B + 'firms:\n  rd_min: 0.1\n rd_max: 0.2\n')
put('yaml-tab-indent.yaml', B + 'firms:\n\trd_min: 0.1\n')
put('yaml-unclosed-quote.yaml', B + 'name: "never closed\n')
put('yaml-two-documents.yaml', B + '---\nticks: 5\n')
put('yaml-duplicate-key.yaml', B + 'ticks: 5\nticks: 6\n')
put('yaml-top-list.yaml', '- extends: baseline\n')
put('yaml-top-scalar.yaml', 'just some words\n')
put('yaml-empty.yaml', '')
put('yaml-only-comments.yaml', '# nothing here\n   \n# at all\n')
put('yaml-alias-bomb.yaml', 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + ''.join(
    f'{chr(98 + i)}: &{chr(98 + i)} [' + ','.join([f'*{chr(97 + i)}'] * 9) + ']\n' for i in range(9)))
put('yaml-deep-flow.yaml', B + 'ticks: ' + '[' * 5000 + ']' * 5000 + '\n')
put('yaml-deep-block.yaml', B + ''.join('  ' * i + f'k{i}:\n' for i in range(1500)) + '  ' * 1500 + 'x: 1\n')
put('yaml-nest-200.yaml', B + 'firms: ' + '[' * 200 + ']' * 200 + '\n')
put('json-nest-3000.json', '{"extends": "baseline", "firms": ' + '[' * 3000 + ']' * 3000 + '}')
put('yaml-custom-tag.yaml', B + 'ticks: !!js/function "function () { return 1 }"\n')
put('yaml-binary-tag.yaml', B + 'name: !!binary aGVsbG8=\n')
put('yaml-local-tag.yaml', B + 'ticks: !mytag 5\n')
put('yaml-complex-key.yaml', B + '? [a, b]\n: 1\n')
put('yaml-null-key.yaml', B + '~: 1\n')
put('multi-yaml-merge-key.yaml', B + 'base: &b {rd_min: 0.1}\nfirms:\n  <<: *b\n')
put('yaml-anchor-undefined.yaml', B + 'ticks: *nowhere\n')
put('yaml-directive.yaml', '%YAML 1.2\n%TAG ! tag:evil,2000:\n---\n' + B + 'ticks: !x 5\n---\n')

# --- malformed JSON -------------------------------------------------------------------
put('json-trailing-comma.json', '{"extends": "baseline", "ticks": 5,}\n')
put('json-truncated.json', '{"extends": "baseline", "firms": {"rd_min": 0.1')
put('json-top-array.json', '[{"extends": "baseline"}]\n')
put('json-comment.json', '{"extends": "baseline" // a comment\n}\n')
put('json-nan.json', '{"extends": "baseline", "openness": NaN}\n')
put('json-huge-number.json', '{"extends": "baseline", "ticks": 1e400}\n')
put('json-duplicate-key.json', '{"extends": "baseline", "ticks": 5, "ticks": 6}\n')
put('json-single-quotes.json', "{'extends': 'baseline'}\n")
put('json-empty.json', '')

# --- huge and odd numbers ---------------------------------------------------------------
put('num-1e308.yaml', B + 'ticks: 1e308\n')
put('num-inf.yaml', B + 'openness: .inf\n')
put('num-nan.yaml', B + 'openness: .nan\n')
put('num-bigint.yaml', B + 'seed: 123456789012345678901234567890\n')
put('num-seed-2-32.yaml', B + 'seed: 4294967296\n')
put('num-hex-huge.yaml', B + 'ticks: 0x7fffffffffffffff\n')
put('num-fraction.yaml', B + 'ticks: 10.5\n')
put('num-negative.yaml', B + 'agents:\n  firms: -1\n')
put('num-string.yaml', B + 'ticks: "12"\n')
put('num-bool.yaml', B + 'openness: yes\n')
put('num-tiny.yaml', B + 'exchange:\n  c_max: 5e-324\n')
put('num-agents-absurd.yaml', B + 'agents:\n  firms: 200001\n')

# --- encodings --------------------------------------------------------------------------
put('enc-bom.yaml', b'\xef\xbb\xbf' + (B + 'ticks: -1\n').encode())
put('enc-crlf.yaml', (B + 'firms:\n  rd_min: 0.9\n  rd_max: 0.1\n').replace('\n', '\r\n').encode())
put('enc-cr-only.yaml', (B + 'ticks: -1\n').replace('\n', '\r').encode())
put('enc-nul.yaml', (B + 'ticks: 5\n').encode() + b'\x00\n')
put('enc-invalid-utf8.yaml', (B + 'name: ').encode() + b'\xc3\x28\n')
put('enc-surrogate.yaml', (B + 'name: ').encode() + b'\xed\xa0\x80\n')
put('enc-utf16.yaml', '\ufeff'.encode('utf-16-le') + (B + 'ticks: 5\n').encode('utf-16-le'))
put('enc-latin1.yaml', (B + 'name: ').encode() + 'Malmö\n'.encode('latin-1'))
put('enc-escape-in-name.yaml', B + 'name: "region\\e[2J\\e[31m"\n')
put('enc-newline-in-name.yaml', B + 'name: "x\\ntouch PWNED\\n#"\n')
put('enc-nul-in-label.yaml', B + 'policies:\n  - {kind: open_region, openness: 0.5, label: "a\\0b"}\n')
put('enc-line-separator-in-place.yaml', B + 'region:\n  places:\n    - {name: "A\\u2028B", x_km: 0, y_km: 0, population: 1}\n')
put('enc-c1-in-arm.yaml', B + 'arms:\n  - name: "a\\u009bb"\n')
put('enc-slash-name.yaml', B + 'name: ../../etc\n')
put('enc-dash-name.yaml', B + 'name: -rf\n')

# --- unknown keys everywhere ------------------------------------------------------------
put('unknown-top.yaml', B + 'tikcs: 5\n')
put('unknown-nested.yaml', B + 'firms:\n  rd_mni: 0.1\n')
put('unknown-in-policy.yaml', B + 'policies:\n  - {kind: open_region, openness: 0.5, opennes: 1}\n')
put('unknown-policy-kind.yaml', B + 'policies:\n  - {kind: open_regio, openness: 0.5}\n')
put('unknown-in-place.yaml', B + 'region:\n  places:\n    - {name: A, x_km: 0, y_km: 0, population: 1, colour: red}\n')
put('unknown-in-sweep.yaml', B + 'sweep:\n  replicate: 3\n')
put('unknown-sweep-path.yaml', B + 'sweep:\n  parameters:\n    firms.rd_mni: [0.1]\n')
put('unknown-arm-set-path.yaml', B + 'arms:\n  - name: a\n    set: {opennes: 0.1}\n')
put('unknown-proto-sweep.yaml', B + 'sweep:\n  parameters:\n    __proto__: [1]\n')
put('unknown-proto-arm.yaml', B + 'arms:\n  - name: a\n    set: {__proto__: {x: 1}}\n')
put('unknown-constructor-arm.yaml', B + 'arms:\n  - name: a\n    set: {constructor: 1}\n')
put('unknown-proto-top.yaml', B + '__proto__: {ticks: 5}\n')
put('multi-unknown-50.yaml', B + 'firms:\n' + ''.join(f'  k{i}: 1\n' for i in range(50)))
put('multi-everything-wrong.yaml', B + 'ticks: -1\nopenness: 2\nfirms: {rd_min: x}\nagents: {firms: 0.5}\n')

# --- sweeps validate must refuse as sweep does ------------------------------------------
put('sweep-empty-list.yaml', B + 'sweep:\n  parameters:\n    openness: []\n')
put('sweep-range-in-grid.yaml', B + 'sweep:\n  parameters:\n    openness: {min: 0, max: 1}\n')
put('sweep-list-in-lhs.yaml', B + 'sweep:\n  design: lhs\n  samples: 4\n  parameters:\n    openness: [0.1]\n')
put('sweep-sobol-no-samples.yaml', B + 'sweep:\n  design: sobol\n  parameters:\n    openness: {min: 0, max: 1}\n')
put('sweep-huge-grid.yaml', B + 'sweep:\n  parameters:\n' + ''.join(f'    {p}: [1,2,3,4,5,6,7,8,9,10]\n' for p in ['seed', 'ticks', 'agents.firms', 'network.max_ties', 'pipeline.candidates', 'labour.candidates', 'firms.exit_patience']))
put('sweep-rd-combination.yaml', B + 'sweep:\n  parameters:\n    firms.rd_min: [0.1, 0.25]\n    firms.rd_max: [0.2, 0.4]\n')
put('sweep-min-above-max.yaml', B + 'sweep:\n  design: lhs\n  samples: 4\n  parameters:\n    openness: {min: 0.9, max: 0.1}\n')
put('sweep-bad-value.yaml', B + 'sweep:\n  parameters:\n    openness: [0.1, "lots"]\n')
put('sweep-arm-bad.yaml', B + 'arms:\n  - name: a\n    set: {learning.rate: 3}\n')
put('sweep-duplicate-arm.yaml', B + 'arms:\n  - name: a\n  - name: a\n')

# --- extends: cycles and odd targets ----------------------------------------------------
put('lib/cycle-b.yaml', 'extends: ../ext-cycle.yaml\n')
put('ext-cycle.yaml', 'extends: lib/cycle-b.yaml\n')
put('ext-self.yaml', 'extends: ext-self.yaml\n')
put('ext-missing.yaml', 'extends: lib/nothing-here.yaml\n')
put('ext-directory.yaml', 'extends: lib/\n')
put('ext-dev-zero.yaml', 'extends: /dev/zero\n')
put('ext-dev-urandom.yaml', 'extends: /dev/urandom\n')
put('ext-dev-null.yaml', 'extends: /dev/null\n')
put('ext-number.yaml', 'extends: 5\n')
put('ext-list.yaml', 'extends: [baseline]\n')
put('ext-empty.yaml', 'extends: ""\n')
put('ext-url.yaml', 'extends: https://example.org/evil.yaml\n')
put('ext-proc.yaml', 'extends: /proc/self/mem\n')
put('lib/binary.yaml', b'\x00\x01\x02\xff')
put('ext-binary.yaml', 'extends: lib/binary.yaml\n')
for i in range(20):
    put(f'lib/chain{i}.yaml', f'extends: chain{i + 1}.yaml\n' if i < 19 else 'extends: baseline\n')
put('ext-too-deep.yaml', 'extends: lib/chain0.yaml\n')
put('ext-builtin-typo.yaml', 'extends: baselin\n')
put('ext-then-bad.yaml', 'extends: lib/bad-parent.yaml\n')
put('lib/bad-parent.yaml', B + 'ticks: -5\n')

# --- odd --set paths (each line: one case, applied to baseline) -------------------------
put('set-cases.set', '\n'.join([
    '=5', 'openness', '..=1', '.openness=1', 'openness.=1', 'policies.999=1', 'policies.-1=1', 'policies.x=1',
    '__proto__.polluted=1', 'constructor.prototype.x=1', 'sweep.parameters.__proto__=[1]', 'arms.0.set.__proto__=1',
    'firms.rd_min.x=1', 'openness=[', 'openness={a: *b}', 'ticks=1e999', 'ticks=-0.5', 'name=a\u001b[2Jb',
    'region.places.0.name=', 'policies.0.end=120', 'ticks=!!js/function x', 'agents=null', 'openness=.nan',
    'firms=[1,2]', 'a' * 5000 + '=1', 'seed=99999999999999999999',
]) + '\n')
print('wrote', sum(len(f) for _, _, f in os.walk(HERE)), 'files')
