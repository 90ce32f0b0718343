/**
 * Section 5: this machine's limits, as JavaScript reaches them, and the exchange kernel
 * against them.
 *
 * - Memory bandwidth: the STREAM triad a[i] = b[i] + s c[i] over three Float64Arrays far
 *   larger than the last-level cache; 24 bytes per element (STREAM's convention: the
 *   write-allocate read of a[] is not counted).
 * - Scalar arithmetic: a dependent chain x = x a + b (an FMA-like multiply-add whose next
 *   step needs the previous result): 2 flops per step, bound by the latency of one
 *   multiply and one add. For context also 8 independent chains (the scalar throughput
 *   bound, what a kernel with instruction-level parallelism can approach).
 * - The exchange kernel (exchangeInPlace + recordExchange, src/model/exchange.ts) on realistic pairs of a
 *   baseline region after some ticks, K domains per call. Per domain it loads T and E of
 *   both sides and stores them back (32 bytes), plus a read and write of the gain of each
 *   firm side (16 bytes per firm), and does 32 flops (+2 per firm side), counted from the
 *   source: 2 adds for the look-ahead profile, 2 multiplies for the relatedness ratios,
 *   6 for the two weights, 3 + 3 for the tacit and explicit gains, 4 adds for the stores,
 *   8 for the capacity sums, 4 for the flow sums (comparisons not counted).
 *   Its limit in domains per second is the lower of bandwidth / bytes and
 *   flop rate / flops; the kernel's fraction is its measured rate over that limit.
 *
 * Rates are per CPU second of this process (a shared machine deschedules the process
 * and inflates wall time; the probes and the kernel are timed on the same clock); the
 * wall-clock medians are kept alongside.
 */
import { Simulation } from '../../src/model';
import { exchangeInPlace, Meeting, recordExchange } from '../../src/model/exchange';
import { cognitiveProximity, understandability } from '../../src/model/knowledge';
import { baselineAt } from './scenarios';
import { load1, sig, sigSummary, summarize, timeOnce, type Summary } from './stats';

export interface LimitsOptions {
  triadElements: number;
  triadPasses: number;
  scalarSteps: number;
  kernelPairs: number;
  kernelPasses: number;
  K: number;
  seed: number;
}

export interface LimitsResult {
  /** Rates per CPU second (see above); *_wall_s: per wall second, median. */
  triad: { elements: number; megabytes: number; bytes_per_s: Summary; bytes_per_wall_s: number };
  scalar_dependent: { steps: number; flops_per_s: Summary; flops_per_wall_s: number };
  scalar_independent: { steps: number; chains: number; flops_per_s: Summary; flops_per_wall_s: number };
  kernel: {
    K: number;
    pairs: number;
    calls_per_s: Summary;
    domains_per_s: Summary;
    domains_per_wall_s: number;
    bytes_per_domain: number;
    flops_per_domain: number;
    bytes_per_s: number;
    flops_per_s: number;
    /** Limits in domains per second and which binds. */
    limit_memory_domains_per_s: number;
    limit_scalar_domains_per_s: number;
    limit: 'memory' | 'scalar';
    /** Measured domains/s over the lower limit (the target: >= 0.25). */
    fraction_of_limit: number;
    /** The same against the independent-chain scalar bound (stricter). */
    fraction_of_independent_scalar: number;
  };
  load: [number, number];
}

function triad(n: number, passes: number): { bytes: number[]; bytesWall: number[]; checksum: number } {
  const a = new Float64Array(n);
  const b = new Float64Array(n).fill(1);
  const c = new Float64Array(n).fill(2);
  const s = 3;
  const bytes: number[] = [];
  const bytesWall: number[] = [];
  for (let p = 0; p < passes + 1; p++) {
    const t = timeOnce(() => {
      for (let i = 0; i < n; i++) a[i] = b[i] + s * c[i];
    });
    if (p > 0) {
      bytes.push((24 * n) / t.cpu); // pass 0 warms up (page faults, JIT)
      bytesWall.push((24 * n) / t.wall);
    }
    b[p % n] = a[(p * 7) % n];
  }
  return { bytes, bytesWall, checksum: a[n - 1] };
}

function scalarDependent(steps: number): number {
  let x = 0.5;
  const a = 0.9999999;
  const b = 1e-7;
  for (let i = 0; i < steps; i++) x = x * a + b;
  return x;
}

function scalarIndependent(steps: number): number {
  let x0 = 0.1, x1 = 0.2, x2 = 0.3, x3 = 0.4, x4 = 0.5, x5 = 0.6, x6 = 0.7, x7 = 0.8;
  const a = 0.9999999;
  const b = 1e-7;
  for (let i = 0; i < steps; i++) {
    x0 = x0 * a + b;
    x1 = x1 * a + b;
    x2 = x2 * a + b;
    x3 = x3 * a + b;
    x4 = x4 * a + b;
    x5 = x5 * a + b;
    x6 = x6 * a + b;
    x7 = x7 * a + b;
  }
  return x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7;
}

let sink = 0;

export function measureLimits(o: LimitsOptions, log: (s: string) => void): LimitsResult {
  const loadStart = load1();
  const tr = triad(o.triadElements, o.triadPasses);
  sink += tr.checksum;
  const triadS = summarize(tr.bytes);
  log(`  triad: ${(triadS.median / 1e9).toFixed(2)} GB/s median (best ${(triadS.max / 1e9).toFixed(2)}) over ${((24 * o.triadElements) / 2 ** 20).toFixed(0)} MB`);

  const dep: number[] = [];
  const ind: number[] = [];
  sink += scalarDependent(o.scalarSteps / 10) + scalarIndependent(o.scalarSteps / 80);
  const depWall: number[] = [];
  const indWall: number[] = [];
  for (let r = 0; r < 5; r++) {
    const d = timeOnce(() => (sink += scalarDependent(o.scalarSteps)));
    const i = timeOnce(() => (sink += scalarIndependent(o.scalarSteps / 8)));
    dep.push((2 * o.scalarSteps) / d.cpu);
    ind.push((16 * (o.scalarSteps / 8)) / i.cpu);
    depWall.push((2 * o.scalarSteps) / d.wall);
    indWall.push((16 * (o.scalarSteps / 8)) / i.wall);
  }
  const depS = summarize(dep);
  const indS = summarize(ind);
  log(`  scalar: dependent chain ${(depS.median / 1e9).toFixed(3)} Gflop/s, 8 independent chains ${(indS.median / 1e9).toFixed(3)} Gflop/s`);

  // The kernel on a realistic region: the baseline after 20 ticks.
  const sim = new Simulation(baselineAt(o.K), o.seed, { ticks: 21 });
  for (let t = 0; t < 20; t++) sim.step();
  const st = sim.state;
  const p = sim.params;
  // Pairs like a tick's: a third actor-actor meetings, a third resident-employer
  // episodes, a third resident-resident meetings; only pairs that understand each other
  // (e > 0: otherwise the kernel returns at once).
  let state = 12345;
  const rand = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % n;
  };
  const pi = new Int32Array(o.kernelPairs);
  const pj = new Int32Array(o.kernelPairs);
  const pk = new Float64Array(o.kernelPairs);
  const mi = new Float64Array(o.kernelPairs);
  const mj = new Float64Array(o.kernelPairs);
  const meeting = new Meeting();
  let firmSides = 0;
  for (let n = 0, tries = 0; n < o.kernelPairs && tries < o.kernelPairs * 1000; tries++) {
    let i: number;
    let j: number;
    const kind = n % 3;
    if (kind === 0) {
      i = rand(st.A);
      j = rand(st.A);
    } else if (kind === 1) {
      const r = rand(st.R);
      i = st.firstResident + r;
      j = st.employer[r];
    } else {
      i = st.firstResident + rand(st.R);
      j = st.firstResident + rand(st.R);
    }
    if (j < 0 || i === j || !st.alive[i] || !st.alive[j]) continue;
    const kappa = cognitiveProximity(st, i, j, meeting);
    if (understandability(kappa, p.cMax) <= 0) continue;
    pi[n] = i;
    pj[n] = j;
    pk[n] = kappa;
    mi[n] = meeting.maxI;
    mj[n] = meeting.maxJ;
    firmSides += (i < st.F ? 1 : 0) + (j < st.F ? 1 : 0);
    n++;
  }
  const K = st.K;
  const bytesPerDomain = 32 + (16 * firmSides) / o.kernelPairs;
  const flopsPerDomain = 32 + (2 * firmSides) / o.kernelPairs;
  // Every pass starts from the same knowledge (restored outside the timed region).
  const X0 = st.knowledge.slice();
  const G0 = st.gain.slice();
  const flows = new Float64Array(12);
  const pass = () => {
    for (let n = 0; n < o.kernelPairs; n++) {
      meeting.maxI = mi[n];
      meeting.maxJ = mj[n];
      meeting.pair(pi[n], pj[n], pk[n], 0);
      meeting.trust = 0.6;
      meeting.gTacit = 0.9;
      meeting.gExplicit = 0.95;
      if (exchangeInPlace(st, p, meeting)) recordExchange(st, flows, meeting);
    }
  };
  pass(); // warm-up
  const calls: number[] = [];
  const callsWall: number[] = [];
  for (let r = 0; r < o.kernelPasses; r++) {
    st.knowledge.set(X0);
    st.gain.set(G0);
    const t = timeOnce(pass);
    calls.push(o.kernelPairs / t.cpu);
    callsWall.push(o.kernelPairs / t.wall);
  }
  sink += flows[0];
  const callsS = summarize(calls);
  const domains = summarize(calls.map((c) => c * K));
  const limitMem = triadS.median / bytesPerDomain;
  const limitScalar = depS.median / flopsPerDomain;
  const limit = Math.min(limitMem, limitScalar);
  log(`  exchange kernel K=${K}: ${(callsS.median / 1e6).toFixed(3)} M calls/s = ${(domains.median / 1e6).toFixed(1)} M domains/s; limit ${(limit / 1e6).toFixed(1)} M domains/s (${limitMem < limitScalar ? 'memory' : 'scalar'})`);
  if (sink === 42.4242) log('');
  return {
    triad: { elements: o.triadElements, megabytes: sig((24 * o.triadElements) / 2 ** 20), bytes_per_s: sigSummary(triadS), bytes_per_wall_s: sig(summarize(tr.bytesWall).median) },
    scalar_dependent: { steps: o.scalarSteps, flops_per_s: sigSummary(depS), flops_per_wall_s: sig(summarize(depWall).median) },
    scalar_independent: { steps: o.scalarSteps / 8, chains: 8, flops_per_s: sigSummary(indS), flops_per_wall_s: sig(summarize(indWall).median) },
    kernel: {
      K,
      pairs: o.kernelPairs,
      calls_per_s: sigSummary(callsS),
      domains_per_s: sigSummary(domains),
      domains_per_wall_s: sig(summarize(callsWall).median * K),
      bytes_per_domain: sig(bytesPerDomain),
      flops_per_domain: sig(flopsPerDomain),
      bytes_per_s: sig(domains.median * bytesPerDomain),
      flops_per_s: sig(domains.median * flopsPerDomain),
      limit_memory_domains_per_s: sig(limitMem),
      limit_scalar_domains_per_s: sig(limitScalar),
      limit: limitMem < limitScalar ? 'memory' : 'scalar',
      fraction_of_limit: sig(domains.median / limit, 3),
      fraction_of_independent_scalar: sig(domains.median / (indS.median / flopsPerDomain), 3),
    },
    load: [Math.round(loadStart * 100) / 100, Math.round(load1() * 100) / 100],
  };
}
