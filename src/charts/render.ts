/**
 * Rendering without a browser or network: Vega-Lite compiles a spec to Vega, a headless
 * Vega view draws it to SVG, and resvg rasterises the SVG to PNG with the shipped font
 * only (no system fonts, so every machine draws the same glyphs).
 */
import { writeFileWhole } from '../io/write-fully';
import { makeDirectory } from '../io/make-directory';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Chart, VlSpec } from './chart';
import { FONT_FAMILY, fontFiles } from './theme';

/** Compile a Vega-Lite spec to a Vega spec (throws on an invalid spec). */
export function compileSpec(spec: VlSpec): vega.Spec {
  return compile(spec as unknown as TopLevelSpec).spec;
}

/** Draw a Vega-Lite spec to an SVG string. */
export async function renderSvg(spec: VlSpec): Promise<string> {
  // A loader that refuses everything: charts carry their data inline.
  const loader = vega.loader({ mode: 'file' });
  loader.load = async (uri: string) => {
    throw new Error(`charts must not load data (${uri})`);
  };
  const view = new vega.View(vega.parse(compileSpec(spec)), { renderer: 'none', loader });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Rasterise an SVG to PNG at `scale` times its size (2 = crisp on slides and paper). */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
  });
  return resvg.render().asPng();
}

export interface WrittenChart {
  name: string;
  spec: string;
  /** Null without images. */
  svg: string | null;
  png: string | null;
}

/**
 * Write DIR/charts/NAME.vl.json for every chart and, with `images` (the default), NAME.svg
 * and NAME.png. Without images an SVG or PNG of the same name left by an earlier run is
 * removed: it would show another result beside this one's spec.
 */
export async function writeCharts(dir: string, charts: readonly Chart[], images = true): Promise<WrittenChart[]> {
  const out = join(dir, 'charts');
  makeDirectory(out);
  const written: WrittenChart[] = [];
  for (const chart of charts) {
    const spec = join(out, `${chart.name}.vl.json`);
    const svgPath = join(out, `${chart.name}.svg`);
    const pngPath = join(out, `${chart.name}.png`);
    writeFileWhole(spec, JSON.stringify(chart.spec, null, 1) + '\n');
    if (images) {
      const svg = await renderSvg(chart.spec);
      writeFileWhole(svgPath, svg);
      writeFileWhole(pngPath, svgToPng(svg));
    } else for (const stale of [svgPath, pngPath]) rmSync(stale, { force: true });
    written.push({ name: chart.name, spec, svg: images ? svgPath : null, png: images ? pngPath : null });
  }
  return written;
}
