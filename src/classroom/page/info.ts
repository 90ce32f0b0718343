/**
 * The Info tab: what the model is, how it works, things to try with the chosen scenario,
 * its references, and credits. Every text comes from the page's data block, which the
 * build fills from README.md, docs/ODD.md and the scenario files (not written twice).
 */
import { renderMarkdown } from './notes';
import type { EmbeddedScenario, PageData } from './protocol';

function heading(level: 2 | 3, text: string): HTMLElement {
  const h = document.createElement(`h${level}`);
  h.textContent = text;
  return h;
}

function list(items: readonly string[], ordered = false): HTMLElement {
  const l = document.createElement(ordered ? 'ol' : 'ul');
  for (const item of items) {
    const li = document.createElement('li');
    renderMarkdown(li, item);
    // A single paragraph inside a list item reads better unwrapped.
    if (li.childElementCount === 1 && li.firstElementChild?.tagName === 'P') li.replaceChildren(...Array.from(li.firstElementChild.childNodes));
    l.append(li);
  }
  return l;
}

/** Fills the Info tab for scenario `entry`. */
export function renderInfo(container: HTMLElement, data: PageData, entry: EmbeddedScenario, tries: readonly string[]): void {
  const { info } = data;
  container.replaceChildren();
  const about = document.createElement('section');
  about.append(heading(2, 'What it is'));
  renderMarkdown(about, info.about);
  const how = document.createElement('section');
  how.append(heading(2, 'How it works'));
  renderMarkdown(how, info.purpose);
  how.append(heading(3, 'One tick (a quarter of a year), in order'), list(info.phases, true));
  const scenario = document.createElement('section');
  scenario.append(heading(2, `This scenario: ${entry.name}`));
  renderMarkdown(scenario, entry.description);
  scenario.append(heading(3, 'Things to try'), list(tries));
  if (entry.scenario.references.length) scenario.append(heading(3, 'References'), list(entry.scenario.references));
  const credits = document.createElement('section');
  credits.append(heading(2, 'Credits'));
  renderMarkdown(credits, info.credits);
  const link = document.createElement('a');
  link.textContent = 'Read the model description (docs/ODD.md, as text)';
  link.target = '_blank';
  link.rel = 'noopener';
  link.href = URL.createObjectURL(new Blob([info.modelDescription], { type: 'text/plain;charset=utf-8' }));
  credits.append(link);
  container.append(about, how, scenario, credits);
}
