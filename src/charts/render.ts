/**
 * Rendering without a browser or network: Vega-Lite compiles a spec to Vega, a headless
 * Vega view draws it to SVG, and resvg rasterises the SVG to PNG with the shipped font
 * only (no system fonts, so every machine draws the same glyphs).
 */
import { writeFileWhole } from '../io/write-fully';
import { makeDirectory } from '../io/make-directory';
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
  svg: string;
  png: string;
}

/** Write DIR/charts/NAME.vl.json, NAME.svg and NAME.png for every chart. */
export async function writeCharts(dir: string, charts: readonly Chart[]): Promise<WrittenChart[]> {
  const out = join(dir, 'charts');
  makeDirectory(out);
  const written: WrittenChart[] = [];
  for (const chart of charts) {
    const files = { name: chart.name, spec: join(out, `${chart.name}.vl.json`), svg: join(out, `${chart.name}.svg`), png: join(out, `${chart.name}.png`) };
    writeFileWhole(files.spec, JSON.stringify(chart.spec, null, 1) + '\n');
    const svg = await renderSvg(chart.spec);
    writeFileWhole(files.svg, svg);
    writeFileWhole(files.png, svgToPng(svg));
    written.push(files);
  }
  return written;
}
