/**
 * The inspect panel under the map: what the worker reported about a clicked place or agent,
 * with a small bar chart of a firm's knowledge over the domains (tacit dark, explicit light,
 * the domain's relevance as a tick). Built from text nodes only.
 */
import { OKABE_ITO } from './palette';
import type { InspectReport } from './protocol';

const fmt = (x: number, d = 2) => x.toFixed(d);

function para(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

/** An SVG bar chart of tacit (stacked with explicit) knowledge per domain, relevance as ticks. */
function profileChart(tacit: number[], explicit: number[], relevance: number[]): SVGSVGElement {
  const K = tacit.length, W = 240, H = 60;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Knowledge over ${K} domains: tacit ${tacit.map((t) => fmt(t)).join(' ')}`);
  const max = Math.max(1e-9, ...tacit.map((t, k) => t + explicit[k]), ...relevance);
  const bw = W / K;
  const rect = (x: number, y: number, w: number, h: number, fill: string) => {
    const r = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    for (const [a, v] of Object.entries({ x, y, width: w, height: h, fill })) r.setAttribute(a, String(v));
    svg.append(r);
  };
  for (let k = 0; k < K; k++) {
    const t = (tacit[k] / max) * H, e = (explicit[k] / max) * H;
    rect(k * bw + 1, H - t, bw - 2, t, OKABE_ITO.blue);
    rect(k * bw + 1, H - t - e, bw - 2, e, OKABE_ITO.skyBlue);
    rect(k * bw, H - (relevance[k] / max) * H - 1, bw, 2, OKABE_ITO.vermillion);
  }
  return svg;
}

/** Fills `panel` with the report; `regionName` says which map it came from. */
export function showInspect(panel: HTMLElement, report: InspectReport, regionName: string, onClose: () => void): void {
  panel.replaceChildren();
  const close = Object.assign(document.createElement('button'), { type: 'button', className: 'close', textContent: '×', title: 'Close (Esc)' });
  close.setAttribute('aria-label', 'Close the inspect panel');
  close.addEventListener('click', onClose);
  const h = document.createElement('h3');
  if (report.kind === 'place') {
    h.textContent = `${report.name} (${regionName})`;
    panel.append(close, h,
      para(`${report.firms} live firms, ${report.institutions} institutions, ${report.residents} residents; ${report.pipelines} pipelines to the world.`),
      para(`Local ties held here: ${report.ties} within ${report.name}, ${report.tiesOut} to other places.`),
      para(`Tacit knowledge so far: ${fmt(report.flowIn, 1)} learned here from other places, ${fmt(report.flowOut, 1)} learned elsewhere from here.`));
  } else {
    h.textContent = `${report.what[0].toUpperCase()}${report.what.slice(1)} #${report.agent} in ${report.place} (${regionName})${report.alive ? '' : ', closed'}`;
    const ties = report.strongestTies.map((t) => `${t.what} #${t.agent} (${fmt(t.strength)})`).join(', ');
    panel.append(close, h,
      para(`${report.partners} local partners${ties ? `; strongest: ${ties}` : ''}. ${report.pipelines} pipelines to outside partners.`),
      ...(Number.isFinite(report.partnerDistance) ? [para(`Late window: learned from partners at a mean cognitive distance of ${fmt(report.partnerDistance, 3)}; innovation value ${fmt(report.lateValue)}.`)] : []),
      profileChart(report.tacit, report.explicit, report.relevance),
      // The caption is HTML, not SVG text: the chart stretches to the panel and would distort or clip it.
      Object.assign(para(`Domains 1–${report.tacit.length}: tacit (dark blue), explicit (light blue), the domain's relevance (red tick).`), { className: 'hint' }));
  }
  panel.hidden = false;
}
