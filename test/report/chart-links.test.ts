/**
 * Audit finding 6: report pages linked charts/NAME.svg and .png (and the sweep report's
 * .vl.json) whatever was written; with --no-images those files do not exist. Every link
 * into charts/ must name a file that is there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report';
import { writeFixtureSweep } from '../fixtures/sweep-dir';

const chartLinks = (html: string) => [...html.matchAll(/href="(charts\/[^"]+)"/g)].map((m) => m[1]);

describe('chart file links in the sweep report', { timeout: 120_000 }, () => {
  it('with --no-images links only the Vega-Lite specs it writes; with images, each of the three, all present', async () => {
    const dir = writeFixtureSweep({ replicates: 2, ticks: 12 });
    const without = await writeReport(dir, { images: false });
    const html = readFileSync(without.path, 'utf8');
    expect(html).toContain('<figure id="fig-');
    const specs = chartLinks(html);
    expect(specs.length).toBeGreaterThan(0);
    expect(specs.every((l) => l.endsWith('.vl.json'))).toBe(true);
    for (const l of specs) expect(existsSync(join(dir, l)), l).toBe(true);
    expect(without.charts).toEqual([]); // no chart images

    const withImages = await writeReport(dir, { images: true });
    const links = chartLinks(readFileSync(withImages.path, 'utf8'));
    expect(links.length).toBe(3 * withImages.charts.length);
    expect(links.filter((l) => l.endsWith('.png'))).toHaveLength(withImages.charts.length);
    for (const l of links) expect(existsSync(join(dir, l)), l).toBe(true);
  });
});
