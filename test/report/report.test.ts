import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changeClause, escapeHtml, jsonForScript, networkLoads, writeReport } from '../../src/report';
import { writeFixtureSweep } from '../fixtures/sweep-dir';

describe('escaping', () => {
  it('escapes HTML and keeps JSON from closing its script element', () => {
    expect(escapeHtml('<script>alert(1)</script> & "x"')).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    const json = jsonForScript({ s: '</script><script>alert(1)</script>' });
    expect(json).not.toMatch(/<\/script/i);
    expect(JSON.parse(json)).toEqual({ s: '</script><script>alert(1)</script>' });
  });
  it('finds network loads', () => {
    expect(networkLoads('<script src="https://cdn.example/x.js"></script><a href="stats.csv">')).toEqual(['https://cdn.example/x.js']);
    expect(networkLoads('<link href="//cdn.example/a.css">')).toEqual(['//cdn.example/a.css']);
    expect(networkLoads("<style>a{background:url('http://x/y.png')}</style>")).toEqual(['http://x/y.png']);
  });
});

describe('findings', () => {
  it('says raised, lowered or not clearly changed from the interval', () => {
    expect(changeClause('late innovation value', 0.34, 0.28, 0.4)).toBe('raised late innovation value by 34 % (95 % CI +28 % to +40 %)');
    expect(changeClause('x', -0.1, -0.2, -0.05)).toBe('lowered x by 10 % (95 % CI −20 % to −5 %)');
    expect(changeClause('x', 0.02, -0.01, 0.05)).toMatch(/^did not clearly change x/);
  });
});

describe('findings per design point and for listed outcomes', () => {
  it('gives each arm\'s paired effect at each point and the listed outcomes per point and arm', async () => {
    const dir = writeFixtureSweep({ parameters: { openness: [0, 0.3] }, replicates: 3, ticks: 30, outcomes: ['resident_skill_final', 'resilience_ticks'] });
    const result = await writeReport(dir, { images: false });
    // The fixture's cluster arm adds 0.3 (1 + t / 30) a tick on the same noise: 0.545 over ticks 20-29.
    const perPoint = result.findings.find((f) => f.startsWith('Per design point, the cluster arm changed late innovation value over the baseline arm'));
    // The same on every seed: no interval (a t interval would have zero width).
    expect(perPoint).toMatch(/at openness = 0 \+0\.545 \(no interval: all 3 paired differences are \+0\.545; \+30 %\); at openness = 0\.3 \+0\.545 \(no interval: all 3 paired differences are \+0\.545; \+19 %\)/);
    const skill = result.findings.find((f) => f.startsWith('Final resident skill: '));
    // Every run's skill is 0.3: said so, no zero-width interval.
    expect(skill).toContain('openness = 0 · baseline 0.3 (all 3 runs: 0.3; no interval)');
    expect(skill).toContain('Paired difference to the baseline arm on the same seeds, pooled over the design points: cluster 0 (no interval: all 6 paired differences are 0), per point 0 (no interval: all 3 paired differences are 0) at openness = 0, 0 (no interval: all 3 paired differences are 0) at openness = 0.3.');
    // Undefined everywhere (no shock in the fixture): no sentence rather than an empty one.
    expect(result.findings.some((f) => f.startsWith('Recovery time'))).toBe(false);
  });
});

describe('the link finding', () => {
  it('states the flow in the blocks before and after each arm\'s own policy start, with the ticks', async () => {
    const dir = writeFixtureSweep({ parameters: {}, arms: ['no_link', 'link'], replicates: 3, ticks: 30, bridge: true });
    const result = await writeReport(dir, { images: false });
    const f = result.findings.find((x) => x.startsWith('Tacit flow between Core City and Harbour'));
    // The fixture's flows are the same in every run: said so, no zero-width interval.
    expect(f).toContain('no_link (no policy; compared around tick 10): 20 (all 3 runs: 20; no interval) in ticks 0–9, 20 (all 3 runs: 20; no interval) in ticks 10–19, 20 (all 3 runs: 20; no interval) in ticks 20–29');
    expect(f).toContain('link (policy from tick 10): 20 (all 3 runs: 20; no interval) in ticks 0–9, 100 (all 3 runs: 100; no interval) in ticks 10–19, 100 (all 3 runs: 100; no interval) in ticks 20–29');
  });
});

describe('writeReport on the fixture sweep', () => {
  it('writes one self-contained report.html with escaped scenario text and no network load', async () => {
    const evil = 'Region <script>alert(1)</script> & "friends" </script><img src=x onerror=alert(2)>';
    const dir = writeFixtureSweep({ description: evil, replicates: 3, ticks: 12 });
    const result = await writeReport(dir, { images: false });
    const html = readFileSync(result.path, 'utf8');
    expect(networkLoads(html)).toEqual([]);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('Region &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;');
    // vega, vega-lite and vega-embed are inlined; no <script src>.
    expect(html).not.toMatch(/<script[^>]+src=/i);
    for (const lib of ['vega', 'vega-lite', 'vega-embed']) expect(html).toContain(`/* ${lib} `);
    expect(html).toContain("src:url(data:font/ttf;base64,");
    for (const name of ['innovation-value', 'lock-in', 'heatmap-innovation', 'policy-comparison', 'region-map']) expect(html).toContain(`id="chart-${name}"`);
    expect(html).toContain('<a href="stats.csv">');
    expect(result.findings.some((f) => /Raising openness from 0 to 0\.3 raised late innovation value by \d+ %/.test(f))).toBe(true);
    expect(result.findings.some((f) => /^The cluster arm raised late innovation value by [\d.]+ on every seed \(\+\d+ % of the reference mean; no interval: all 12 paired differences are the same\) over the baseline arm on the same 12 seeds/.test(f))).toBe(true);
  });
});
