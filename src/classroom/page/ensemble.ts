/**
 * The ensemble reveal: after a live run, the same starting settings and the same teacher's
 * actions (at the same ticks) are replayed with other seeds in background web workers, and
 * the class's run is placed in the distribution of late innovation value and lock-in.
 */
import embed from 'vega-embed';
import { pageMessages } from './messages';
import { OKABE_ITO, REGION_COLOURS } from './palette';
import type { FromWorker, Outcome, ReplicateJob, ToWorker } from './protocol';

export interface ReplicateResult {
  region: number;
  replicate: number;
  seed: number;
  outcome: Outcome;
}

/** Runs jobs on a few workers; resolves with all results, reporting progress as they finish. */
export function runEnsemble(
  workerUrl: string,
  jobs: ReplicateJob[],
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
): Promise<ReplicateResult[]> {
  const size = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2, jobs.length));
  const workers = Array.from({ length: size }, () => new Worker(workerUrl));
  const results: ReplicateResult[] = [];
  let next = 0;
  return new Promise<ReplicateResult[]>((resolve, reject) => {
    const stop = () => workers.forEach((w) => w.terminate());
    signal.addEventListener('abort', () => { stop(); reject(new DOMException('cancelled', 'AbortError')); });
    const give = (w: Worker) => {
      if (next < jobs.length) w.postMessage({ type: 'replicate', job: jobs[next++] } satisfies ToWorker);
    };
    for (const w of workers) {
      w.onmessage = (event: MessageEvent<FromWorker>) => {
        const msg = event.data;
        if (msg.type === 'error') { stop(); reject(new Error(msg.message)); return; }
        if (msg.type !== 'replicateDone') return;
        results.push({ region: msg.region, replicate: msg.replicate, seed: msg.seed, outcome: msg.outcome });
        onProgress(results.length, jobs.length);
        if (results.length === jobs.length) { stop(); resolve(results); } else give(w);
      };
      w.onerror = (e) => { stop(); reject(new Error(e.message || pageMessages.ensembleWorkerFailed)); };
      give(w);
    }
  });
}

/** How many replicates of one region fall below the class's value, as a sentence. */
export function placeSentence(regionName: string, mine: Outcome, others: Outcome[]): string {
  const below = others.filter((o) => o.innovationValueLate < mine.innovationValueLate).length;
  const lockBelow = others.filter((o) => o.lockInLate < mine.lockInLate).length;
  const locked = others.filter((o) => o.lockedIn).length;
  return `${regionName}: your run's late innovation value (${mine.innovationValueLate.toFixed(3)}) is above ${below} of ${others.length} replicates; ` +
    `its lock-in index (${mine.lockInLate.toFixed(3)}) is above ${lockBelow} of ${others.length}. ` +
    `Your run is ${mine.lockedIn ? '' : 'not '}locked in; ${locked} of ${others.length} replicates are.`;
}

/** Strip plots: each replicate a grey tick, the class's run a large black-ringed diamond. */
export async function drawReveal(
  container: HTMLElement,
  regionNames: string[],
  mine: Outcome[],
  results: ReplicateResult[],
  threshold: number,
  projector: boolean,
): Promise<void> {
  container.replaceChildren();
  const values = [
    ...results.map((r) => ({ region: regionNames[r.region], who: 'replicate', value: r.outcome.innovationValueLate, lockIn: r.outcome.lockInLate })),
    ...mine.map((o, r) => ({ region: regionNames[r], who: 'your run', value: o.innovationValueLate, lockIn: o.lockInLate })),
  ];
  const font = projector ? 17 : 12;
  // The title says what the strip shows and how to read it, on short lines: the column is
  // about 350 px wide at 1024 px, and a one-line title there was cut off at both ends.
  const strip = (field: string, title: string, subtitle: string[], axisTitle: string, rule?: number) => ({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: { step: projector ? 46 : 34 },
    autosize: { type: 'fit-x', contains: 'padding' },
    title: { text: title, subtitle, anchor: 'start', frame: 'bounds', fontSize: font + 2, subtitleFontSize: font, subtitleColor: '#333333' },
    data: { values },
    layer: [
      {
        transform: [{ filter: "datum.who === 'replicate'" }],
        mark: { type: 'tick', thickness: 2, opacity: 0.7 },
        encoding: {
          x: { field, type: 'quantitative', title: axisTitle, scale: { zero: false } },
          y: { field: 'region', type: 'nominal', title: null, sort: regionNames },
          color: { value: '#777777' },
        },
      },
      {
        transform: [{ filter: "datum.who === 'your run'" }],
        mark: { type: 'point', shape: 'diamond', filled: true, size: projector ? 420 : 260, stroke: '#000000', strokeWidth: 1.5 },
        encoding: {
          x: { field, type: 'quantitative' },
          y: { field: 'region', type: 'nominal', sort: regionNames },
          color: { field: 'region', type: 'nominal', scale: { domain: regionNames, range: [...REGION_COLOURS] }, legend: null },
          tooltip: [{ field: 'region' }, { field, type: 'quantitative', format: '.3f' }],
        },
      },
      ...(rule === undefined ? [] : [{
        data: { values: [{ at: rule }] },
        mark: { type: 'rule', color: OKABE_ITO.vermillion, strokeDash: [6, 4] },
        encoding: { x: { field: 'at', type: 'quantitative' } },
      }]),
    ],
    config: { axis: { labelFontSize: font, titleFontSize: font }, view: { stroke: null } },
  });
  const specs = [
    strip('value', 'Late innovation value', ['mean over the late window', 'grey: replicates · ◆: your run'], 'innovation value'),
    strip('lockIn', 'Late lock-in index', ['grey: replicates · ◆: your run', 'dashed: the locked-in threshold'], 'lock-in index', threshold),
  ];
  for (const spec of specs) {
    const holder = document.createElement('div');
    container.append(holder);
    await embed(holder, spec as never, { actions: false, renderer: 'canvas', ast: false, tooltip: true });
  }
}
