/**
 * Computes the numbers of docs/classroom.md's four lessons by re-running each class run
 * and its ensemble reveal (the page's replicate seeds) with the page's own code and the
 * seeds the text names, and writes them between the doc's <!-- gen:ID --> markers, with a
 * fingerprint of the runs that test/classroom/lessons-drift.test.ts checks. Lessons 3 and 4
 * also give paired differences over the replicates (the same seeds in every region or
 * run), with 95% t intervals (src/stats/paired.ts).
 *   npx tsx docs/gen-classroom.ts [--replicates 16] [--lessons lesson-3,lesson-4]
 * --lessons regenerates only the listed blocks and leaves the others as they are.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleCorrelation } from 'simple-statistics';
import { LESSONS, lessonsFingerprint, meanOver, runClass } from '../src/classroom/lessons';
import type { ClassRun, RunResult } from '../src/classroom/lessons';
import { replicateSeed } from '../src/classroom/page/replicate-seed';
import { pairedDifference } from '../src/stats/paired';

const root = join(import.meta.dirname, '..');
const docPath = join(root, 'docs', 'classroom.md');
const at = process.argv.indexOf('--replicates');
const replicates = at >= 0 ? Number(process.argv[at + 1]) : 16;
const only = process.argv.indexOf('--lessons');
const chosen = only >= 0 ? process.argv[only + 1].split(',') : undefined;
const f2 = (x: number) => x.toFixed(2), f3 = (x: number) => x.toFixed(3);
const lesson = (id: string) => LESSONS.find((l) => l.id === id)!;

/** Ensemble of a class run: late outcomes of `replicates` other seeds, per region. */
function ensemble(run: ClassRun, seed: number): RunResult['outcomes'][] {
  return Array.from({ length: replicates }, (_, i) => runClass(run, { seed: replicateSeed(seed, i) }).outcomes);
}

/** The mean of treated - baseline over paired replicates, with its 95% t interval. */
function pairedSentence(treated: number[], baseline: number[], digits: number): string {
  const d = pairedDifference(treated, baseline);
  const f = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(digits);
  return `${f(d.mean)} (95% CI ${f(d.ciLow)} to ${f(d.ciHigh)})`;
}

function ensembleSentence(name: string, mine: RunResult['outcomes'][number], others: RunResult['outcomes']): string {
  const values = others.map((o) => o.innovationValueLate);
  const below = values.filter((v) => v < mine.innovationValueLate).length;
  const locked = others.filter((o) => o.lockedIn).length;
  return `${name}: ${locked} of ${others.length} replicates locked in; late innovation value ${f2(Math.min(...values))} to ${f2(Math.max(...values))}, ` +
    `the class's run (${f2(mine.innovationValueLate)}) above ${below} of ${others.length}`;
}

function lesson1(): string {
  const r = runClass(lesson('lesson-1').runs.class);
  const [a, b] = r.rows;
  const th = r.scenario.lock_in.threshold;
  const cross = (rows: Float64Array[]) => rows.findIndex((_, t) => t >= 9 && meanOver(rows, 'lock_in_index', t - 9, t + 1) >= th);
  const lines = [
    `- Mean innovation value over ticks 0 to 40: closed ${f2(meanOver(a, 'innovation_value', 0, 40))}, open ${f2(meanOver(b, 'innovation_value', 0, 40))}.`,
    `- Ticks 40 to 80: closed ${f2(meanOver(a, 'innovation_value', 40, 80))}, open ${f2(meanOver(b, 'innovation_value', 40, 80))}. ` +
      `The closed district's lock-in index (10-tick mean) first reaches the threshold (${th}) at tick ${cross(a) < 0 ? 'never' : cross(a)}` +
      `${cross(b) < 0 ? '; the open one never does' : `; the open one at tick ${cross(b)}`}.`,
    `- Diversity: closed ${f3(meanOver(a, 'diversity', 0, 10))} over ticks 0 to 10, ${f3(meanOver(a, 'diversity', 190, 200))} over ticks 190 to 200; open ${f3(meanOver(b, 'diversity', 190, 200))} at the end.`,
    `- Late window (the last ${r.scenario.observe.window} ticks): closed innovation value ${f2(r.outcomes[0].innovationValueLate)}, lock-in ${f3(r.outcomes[0].lockInLate)} ` +
      `(${r.outcomes[0].lockedIn ? '' : 'not '}locked in); open ${f2(r.outcomes[1].innovationValueLate)}, ${f3(r.outcomes[1].lockInLate)} (${r.outcomes[1].lockedIn ? '' : 'not '}locked in).`,
  ];
  if (replicates > 0) {
    const ens = ensemble(lesson('lesson-1').runs.class, r.regions[0].sim.seed);
    lines.push(`- Ensemble reveal, ${replicates} replicates per region: ${ensembleSentence('closed', r.outcomes[0], ens.map((o) => o[0]))}; ${ensembleSentence('open', r.outcomes[1], ens.map((o) => o[1]))}.`);
  }
  return lines.join('\n');
}

function lesson2(): string {
  const r = runClass(lesson('lesson-2').runs.class);
  const [a] = r.rows;
  const pair = (from: number, to: number) => f2(meanOver(a, 'tacit_flow_bridge_pair', from, to));
  const other = (from: number, to: number) => f2(meanOver(a, 'tacit_flow_other_pairs', from, to));
  const lines = [
    `- Tacit flow between Copenhagen and Malmö per tick: ${pair(60, 80)} over ticks 60 to 80 (before the bridge), ${pair(80, 100)} over ticks 80 to 100, ` +
      `${pair(130, 150)} over ticks 130 to 150 and ${pair(180, 200)} over ticks 180 to 200; the mean of the other pairs of places: ${other(60, 80)}, ${other(80, 100)}, ${other(130, 150)}, ${other(180, 200)}.`,
    `- Innovation value (mean): ${f2(meanOver(a, 'innovation_value', 60, 80))} over ticks 60 to 80, ${f2(meanOver(a, 'innovation_value', 100, 120))} over ticks 100 to 120; ` +
      `late window ${f2(r.outcomes[0].innovationValueLate)}, late lock-in ${f3(r.outcomes[0].lockInLate)} (threshold ${r.scenario.lock_in.threshold}).`,
  ];
  if (replicates > 0) {
    const ens = ensemble(lesson('lesson-2').runs.class, r.regions[0].sim.seed).map((o) => o[0]);
    lines.push(`- Ensemble reveal, ${replicates} replicates with the bridge at tick 80: ${ensembleSentence('bridge', r.outcomes[0], ens)}.`);
  }
  return lines.join('\n');
}

/** Firms alive at the end that learned from partners in the late window: partner distance and late value. */
function firmLevel(result: RunResult, region: number): { n: number; distance: number; r: number } {
  const st = result.regions[region].sim.state;
  const dist: number[] = [], value: number[] = [];
  for (let i = 0; i < st.F; i++) {
    if (!st.alive[i] || st.partnerDistWeight[i] <= 0) continue;
    dist.push(st.partnerDistSum[i] / st.partnerDistWeight[i]);
    value.push(st.lateValue[i]);
  }
  return { n: dist.length, distance: dist.reduce((x, y) => x + y, 0) / Math.max(1, dist.length), r: dist.length > 2 ? sampleCorrelation(dist, value) : NaN };
}

function lesson3(): string {
  const run = lesson('lesson-3').runs.class;
  const r = runClass(run);
  const [lo, hi] = [firmLevel(r, 0), firmLevel(r, 1)];
  const lines = [
    `- Late window: homophily 0 innovation value ${f2(r.outcomes[0].innovationValueLate)}, lock-in ${f3(r.outcomes[0].lockInLate)}; ` +
      `homophily 8 ${f2(r.outcomes[1].innovationValueLate)}, ${f3(r.outcomes[1].lockInLate)}. Diversity at the end: ${f3(meanOver(r.rows[0], 'diversity', 190, 200))} against ${f3(meanOver(r.rows[1], 'diversity', 190, 200))}.`,
    `- Firms that learned from partners in the late window: ${lo.n} (homophily 0) and ${hi.n} (homophily 8); the mean cognitive distance of the partners they learned from: ` +
      `${f3(lo.distance)} against ${f3(hi.distance)}. Across firms, partner distance and late innovation value correlate with r = ${f2(lo.r)} (homophily 0) and ${f2(hi.r)} (homophily 8).`,
  ];
  if (replicates > 0) {
    // Each replicate is reduced to its numbers at once (a finished run holds its whole state).
    const reps = Array.from({ length: replicates }, (_, i) => {
      const x = runClass(run, { seed: replicateSeed(r.regions[0].sim.seed, i) });
      return [0, 1].map((region) => ({ outcome: x.outcomes[region], distance: firmLevel(x, region).distance, diversity: meanOver(x.rows[region], 'diversity', 190, 200) }));
    });
    const per = (region: number) => ({
      value: reps.map((x) => x[region].outcome.innovationValueLate),
      distance: reps.map((x) => x[region].distance),
      diversity: reps.map((x) => x[region].diversity),
    });
    const [a, b] = [per(0), per(1)];
    lines.push(`- Ensemble reveal, ${replicates} replicates per region: ${ensembleSentence('homophily 0', r.outcomes[0], reps.map((x) => x[0].outcome))}; ` +
      `${ensembleSentence('homophily 8', r.outcomes[1], reps.map((x) => x[1].outcome))}.`);
    lines.push(`- Homophily 8 minus homophily 0 over the same ${replicates} seeds (mean and 95% interval): late innovation value ${pairedSentence(b.value, a.value, 2)}, ` +
      `partner distance ${pairedSentence(b.distance, a.distance, 3)}, final diversity ${pairedSentence(b.diversity, a.diversity, 3)}.`);
  }
  return lines.join('\n');
}

function lesson4(): string {
  const runs = lesson('lesson-4').runs;
  const arms = [runs.none, runs.topDown, runs.bottomUp];
  const [none, top, bottom] = arms.map((run) => runClass(run));
  const row = (name: string, x: RunResult) => `${name}: late innovation value ${f2(x.outcomes[0].innovationValueLate)}, lock-in ${f3(x.outcomes[0].lockInLate)}, ` +
    `innovation value over ticks 40 to 80 ${f2(meanOver(x.rows[0], 'innovation_value', 40, 80))}, final diversity ${f3(meanOver(x.rows[0], 'diversity', 190, 200))}`;
  const lines = [`- ${row('No space', none)}.`, `- ${row('Top-down space at tick 40', top)}.`, `- ${row('Bottom-up space at tick 40', bottom)}.`];
  if (replicates > 0) {
    const seed = none.regions[0].sim.seed;
    // The page replays each of the three runs with the same replicate seeds.
    const reps = arms.map((run) => Array.from({ length: replicates }, (_, i) => {
      const x = runClass(run, { seed: replicateSeed(seed, i) });
      return { outcome: x.outcomes[0], early: meanOver(x.rows[0], 'innovation_value', 40, 80), diversity: meanOver(x.rows[0], 'diversity', 190, 200) };
    }));
    const [n, t, b] = reps;
    type Rep = (typeof reps)[number][number];
    const value = (xs: Rep[]) => xs.map((x) => x.outcome.innovationValueLate);
    const early = (xs: Rep[]) => xs.map((x) => x.early);
    const diversity = (xs: Rep[]) => xs.map((x) => x.diversity);
    lines.push(`- Ensemble reveal, ${replicates} replicates of each run: ${ensembleSentence('no space', none.outcomes[0], n.map((x) => x.outcome))}; ` +
      `${ensembleSentence('top-down', top.outcomes[0], t.map((x) => x.outcome))}; ${ensembleSentence('bottom-up', bottom.outcomes[0], b.map((x) => x.outcome))}.`);
    lines.push(`- Against no space, over the same ${replicates} seeds (mean and 95% interval): top-down: late innovation value ${pairedSentence(value(t), value(n), 2)}, ` +
      `ticks 40 to 80 ${pairedSentence(early(t), early(n), 2)}, final diversity ${pairedSentence(diversity(t), diversity(n), 3)}; ` +
      `bottom-up: late innovation value ${pairedSentence(value(b), value(n), 2)}, ticks 40 to 80 ${pairedSentence(early(b), early(n), 2)}, final diversity ${pairedSentence(diversity(b), diversity(n), 3)}.`);
  }
  return lines.join('\n');
}

let doc = readFileSync(docPath, 'utf8');
const blocks: Record<string, () => string> = { 'lesson-1': lesson1, 'lesson-2': lesson2, 'lesson-3': lesson3, 'lesson-4': lesson4 };
for (const [id, make] of Object.entries(blocks)) {
  if (chosen && !chosen.includes(id)) continue;
  const re = new RegExp(`(<!-- gen:${id} -->\\n)[\\s\\S]*?(<!-- /gen:${id} -->)`);
  if (!re.test(doc)) throw new Error(`docs/classroom.md: the markers <!-- gen:${id} --> and <!-- /gen:${id} --> are missing; add them where the lesson's numbers go`);
  const text = make();
  doc = doc.replace(re, (_, open: string, close: string) => `${open}${text}\n${close}`);
  console.log(`${id}:\n${text}\n`);
}
doc = doc.replace(/<!-- lessons-fingerprint: [0-9a-f]+ -->/, `<!-- lessons-fingerprint: ${lessonsFingerprint()} -->`);
writeFileSync(docPath, doc);
