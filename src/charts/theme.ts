/**
 * The one look of every chart: one font (DejaVu Sans, shipped by the dejavu-fonts-ttf npm
 * package so SVG, PNG and the HTML report use the same glyphs on any machine) and a
 * colour-blind-safe palette (Okabe & Ito 2008).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const FONT_FAMILY = 'DejaVu Sans';

/** Okabe-Ito: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'];
export const LOCKED_COLOURS = { locked: '#D55E00', open: '#0072B2' };

/** The directory of an installed npm package (works from src/ under vitest and from dist/). */
export function packageDir(name: string): string {
  const require = createRequire(import.meta.url);
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    // Packages with an `exports` map hide package.json: walk up from their entry point.
    let dir = dirname(require.resolve(name));
    while (!isPackageRoot(dir, name)) {
      const parent = dirname(dir);
      if (parent === dir) throw new Error(`cannot find the installed package ${name}`);
      dir = parent;
    }
    return dir;
  }
}

function isPackageRoot(dir: string, name: string): boolean {
  const manifest = join(dir, 'package.json');
  return existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name;
}

/** The font files handed to resvg (regular and bold: Vega titles are bold). */
export function fontFiles(): string[] {
  const ttf = join(packageDir('dejavu-fonts-ttf'), 'ttf');
  return [join(ttf, 'DejaVuSans.ttf'), join(ttf, 'DejaVuSans-Bold.ttf'), join(ttf, 'DejaVuSans-Oblique.ttf')];
}

/** The Vega-Lite config every spec carries. */
export function chartConfig(): Record<string, unknown> {
  return {
    font: FONT_FAMILY,
    background: 'white',
    padding: 8,
    view: { stroke: null, continuousWidth: 420, continuousHeight: 240 },
    title: { font: FONT_FAMILY, fontSize: 14, fontWeight: 'bold', anchor: 'start', color: '#222', subtitleFont: FONT_FAMILY, subtitleFontSize: 11, subtitleColor: '#555', offset: 10 },
    axis: { labelFont: FONT_FAMILY, titleFont: FONT_FAMILY, labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', titleColor: '#333', labelColor: '#333', gridColor: '#e6e6e6', domainColor: '#888', tickColor: '#888' },
    legend: { labelFont: FONT_FAMILY, titleFont: FONT_FAMILY, labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'bold', labelLimit: 0, titleLimit: 0, symbolStrokeWidth: 2 },
    header: { labelFont: FONT_FAMILY, titleFont: FONT_FAMILY, labelFontSize: 12, titleFontSize: 12, labelFontWeight: 'bold' },
    text: { font: FONT_FAMILY },
    range: { category: PALETTE },
    line: { strokeWidth: 2 },
  };
}
