/**
 * Issue 14 item 5: the report's offline check looks at what the page loads (loading
 * attributes of real elements, CSS url() and @import), not at text. A DOI, `src=//` or
 * `url(http` in a description is escaped text and the report is written; an asset from the
 * network in the page itself still stops it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { networkLoads, writeReport } from '../../src/report';
import { writeFixtureSweep } from '../fixtures/sweep-dir';

const TEXTS = [
  'Data: https://doi.org/10.5281/zenodo.123 (archived).',
  'An attribute in prose: src=//cdn.example/x.js and href="//cdn.example/a.css".',
  'CSS in prose: background: url(http://evil.example/p.png); @import "https://evil.example/a.css";',
];

describe('the report with URLs in its scenario text', { timeout: 120_000 }, () => {
  it('is written, the texts shown as text, and an injected network asset is still found', async () => {
    const dir = writeFixtureSweep({ description: TEXTS.join('\n\n'), replicates: 2, ticks: 12 });
    const result = await writeReport(dir, { images: false });
    const html = readFileSync(result.path, 'utf8');
    expect(networkLoads(html)).toEqual([]);
    expect(html).toContain('https://doi.org/10.5281/zenodo.123');
    expect(html).toContain('src=//cdn.example/x.js and href=&quot;//cdn.example/a.css&quot;');
    expect(html).toContain('url(http://evil.example/p.png)');

    // The same page with a real loading element, or CSS that loads, fails the check. (Before
    // the last </body>: the inlined libraries hold the text "</body>" in their strings.)
    const inject = (markup: string) => html.slice(0, html.lastIndexOf('</body>')) + markup + html.slice(html.lastIndexOf('</body>'));
    expect(networkLoads(inject('<img src=http://tracker.example/p.gif>'))).toEqual(['http://tracker.example/p.gif']);
    expect(networkLoads(inject('<style>body{background:url("https://x.example/b.png")}</style>'))).toEqual(['https://x.example/b.png']);
  });
});

describe('networkLoads', () => {
  it('finds what elements load', () => {
    expect(networkLoads('<script src="https://cdn.example/x.js"></script><a href="stats.csv">')).toEqual(['https://cdn.example/x.js']);
    expect(networkLoads('<link rel=stylesheet href="//cdn.example/a.css">')).toEqual(['//cdn.example/a.css']);
    expect(networkLoads("<style>a{background:url('http://x/y.png')}</style>")).toEqual(['http://x/y.png']);
    expect(networkLoads('<style>@import "https://x/a.css";</style>')).toEqual(['https://x/a.css']);
    expect(networkLoads('<IFRAME SRC=\'https://x/f\'></IFRAME>')).toEqual(['https://x/f']);
    expect(networkLoads('<img srcset="a.png 1x, https://x/b.png 2x">')).toEqual(['https://x/b.png']);
    expect(networkLoads('<video poster="//x/p.jpg"><source src="https://x/v.mp4"></video>')).toEqual(['//x/p.jpg', 'https://x/v.mp4']);
    expect(networkLoads('<object data="https://x/o.swf"></object>')).toEqual(['https://x/o.swf']);
    expect(networkLoads('<div style="background-image: url(//x/bg.png)">')).toEqual(['//x/bg.png']);
    expect(networkLoads('<img src="&#104;ttps://x/enc.png">')).toEqual(['https://x/enc.png']);
    expect(networkLoads('<meta http-equiv="refresh" content="0; url=https://x/">')).toEqual(['https://x/']);
    expect(networkLoads('<svg><image href="https://x/i.png"/></svg>')).toEqual(['https://x/i.png']);
  });

  it('ignores text, links the page does not fetch, script contents, comments and local files', () => {
    expect(networkLoads('<p>https://doi.org/10.5281/zenodo.123 src=//x url(http://x) @import "http://x"</p>')).toEqual([]);
    expect(networkLoads('<p>&lt;img src=http://x/p.png&gt;</p>')).toEqual([]);
    expect(networkLoads('<a href="https://doi.org/10.5281/zenodo.123">doi</a>')).toEqual([]);
    expect(networkLoads('<script>const s = "<img src=https://x/p.png>"; const u = "url(http://x)";</script>')).toEqual([]);
    expect(networkLoads('<!-- <img src="https://x/p.png"> -->')).toEqual([]);
    expect(networkLoads('<img src="charts/a.svg"><img src="data:image/png;base64,AAAA"><a title="src=//x">')).toEqual([]);
  });
});
