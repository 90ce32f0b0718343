/**
 * The scenario's notes on the page, generated from the scenario file (never written
 * twice): "What to try" from its arms and sweep, turned into what the page's own controls
 * do, and a small markdown renderer that builds DOM nodes from text (no innerHTML), so no
 * text from a scenario can inject markup.
 */
import type { Scenario } from '../../scenario/schema';
import type { SliderDef } from './controls';

/**
 * A scenario's name as the picker shows it: words, not a file name.
 * @example scenarioTitle('oresund-bridge') // 'Oresund bridge'
 */
export function scenarioTitle(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : name;
}

/** The first sentence of a description (the picker's tooltip). */
export function firstSentence(text: string): string {
  const m = /^[\s\S]*?[.!?](?=\s|$)/.exec(text.trim());
  return (m ? m[0] : text).replace(/\s+/g, ' ').trim();
}

/** Plain-language things to try with this page's controls, from the scenario's arms and sweep. */
export function thingsToTry(scenario: Scenario, sliders: readonly SliderDef[]): string[] {
  const tries: string[] = [];
  const label = (path: string) => sliders.find((d) => d.path === path)?.label;
  for (const arm of scenario.arms ?? []) {
    const what = arm.description ? ` (${arm.description.replace(/\.$/, '')})` : '';
    for (const [path, value] of Object.entries(arm.set)) {
      const name = label(path);
      if (name && typeof value === 'number') {
        tries.push(`Tick "Compare two regions" with ${name} ${value} in region B${what}: same seed, one setting changed.`);
      }
    }
    for (const p of arm.policies ?? []) {
      const name = p.kind === 'infrastructure' ? 'Build the bridge' : p.kind === 'cluster_organisation' ? 'Open a cluster organisation'
        : p.kind === 'creative_space' ? `Creative space (${p.mode === 'top_down' ? 'top-down' : 'bottom-up'})` : undefined;
      if (name) tries.push(`Set "Run to tick" to ${p.start}, press Go, then press "${name}"${what}. Reset (same seed) and run without it to compare.`);
    }
    for (const s of arm.shocks ?? []) {
      if (s.kind === 'core_collapse') tries.push(`Run to tick ${s.tick}, then press "Structural shock"${what}. Does the region recover?`);
    }
  }
  for (const [path, values] of Object.entries(scenario.sweep?.parameters ?? {})) {
    const name = label(path);
    if (name && Array.isArray(values) && values.length > 1) {
      const nums = values.filter((v): v is number => typeof v === 'number');
      if (nums.length > 1) tries.push(`Move ${name} between ${Math.min(...nums)} and ${Math.max(...nums)} (the range the scenario's sweep covers), or compare the two ends side by side.`);
    }
  }
  tries.push('Reveal the ensemble after a run: was your run typical, or a lucky seed?');
  return tries;
}

/** Inline markdown: `code` and **bold**; everything else is text. */
function inline(parent: HTMLElement, text: string): void {
  const parts = text.split(/(`[^`]+`|\*\*[^*]+\*\*)/);
  for (const part of parts) {
    if (!part) continue;
    if (part.startsWith('`') && part.endsWith('`') && part.length > 1) {
      const code = document.createElement('code');
      code.textContent = part.slice(1, -1);
      parent.append(code);
    } else if (part.startsWith('**') && part.endsWith('**') && part.length > 3) {
      const strong = document.createElement('strong');
      strong.textContent = part.slice(2, -2);
      parent.append(strong);
    } else {
      parent.append(document.createTextNode(part));
    }
  }
}

/** Renders paragraphs, '-' bullets and '#' headings of a markdown text into `parent`. */
export function renderMarkdown(parent: HTMLElement, text: string, headingLevel = 3): void {
  for (const block of text.trim().split(/\n\s*\n/)) {
    const lines = block.split('\n');
    if (lines.every((l) => /^\s*[-*] /.test(l) || /^\s{2,}\S/.test(l))) {
      const ul = document.createElement('ul');
      for (const item of block.split(/\n(?=\s*[-*] )/)) {
        const li = document.createElement('li');
        inline(li, item.replace(/^\s*[-*] /, '').replace(/\s*\n\s*/g, ' '));
        ul.append(li);
      }
      parent.append(ul);
    } else if (/^#+ /.test(block)) {
      const h = document.createElement(`h${headingLevel}`);
      inline(h, block.replace(/^#+ /, ''));
      parent.append(h);
    } else {
      const p = document.createElement('p');
      inline(p, block.replace(/\s*\n\s*/g, ' '));
      parent.append(p);
    }
  }
}
