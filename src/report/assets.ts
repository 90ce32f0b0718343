/**
 * What the report inlines so it works offline: the minified browser builds of vega,
 * vega-lite and vega-embed from node_modules, and the chart font as data: URLs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fontFiles, packageDir } from '../charts';
import { scriptSafe } from './escape';

export const LIBRARIES = [
  { name: 'vega', file: 'build/vega.min.js' },
  { name: 'vega-lite', file: 'build/vega-lite.min.js' },
  { name: 'vega-embed', file: 'build/vega-embed.min.js' },
] as const;

/** The three libraries' sources, safe to put inside <script>, in load order. */
export function librarySources(): { name: string; version: string; source: string }[] {
  return LIBRARIES.map(({ name, file }) => {
    const dir = packageDir(name);
    const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    return { name, version, source: scriptSafe(readFileSync(join(dir, file), 'utf8')) };
  });
}

/** @font-face rules for the chart font (regular and bold) with the TTFs as data: URLs. */
export function fontFaceCss(family: string): string {
  const [regular, bold] = fontFiles();
  const face = (path: string, weight: string) =>
    `@font-face{font-family:'${family}';font-weight:${weight};font-style:normal;src:url(data:font/ttf;base64,${readFileSync(path).toString('base64')}) format('truetype');}`;
  return face(regular, 'normal') + '\n' + face(bold, 'bold');
}
