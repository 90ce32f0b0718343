/**
 * The panel of fact 9 (the principle of relatedness), shared by the validation suite and
 * docs/probe-relatedness.ts (which writes it as CSV for the cross-check in R).
 */
import { Simulation } from '../../src/model';
import { placeCapabilityInto } from '../../src/model/place-capability';
import { ScenarioSchema } from '../../src/scenario/schema';
import { relatednessDensity, revealedComparativeAdvantage, ringProximity } from '../../src/stats';
import { SMALL_REGION } from './harness';

/** Covariates of a panel row, in order (x[0] is the intercept). */
export const PANEL_COLUMNS = ['intercept', 'density', 'rca_start', 'relevance_start', 'relevance_change', 'log_firms', 'ubiquity', 'window_2', 'window_3', 'window_4'] as const;

/** Seeds of fact 9 (never used by the calibration or another fact). */
export const SEEDS_FACT_9 = Array.from({ length: 16 }, (_, i) => 90001 + i);

export interface PanelRow {
  seed: number;
  y: number;
  x: number[];
}

/**
 * Place x domain x window panel of the validation region at default settings: capability
 * of each place's live firms per domain (T + phi E) at ticks 40, 80, 120, 160, 200 (four
 * windows of 40 ticks, ten years), RCA among the region's places, relatedness density
 * from the ring (neighbours weight 1, next-but-one 1/2; MODEL-SPEC 2). Runs in this
 * process (the panel needs the state, not the outputs).
 */
export function relatednessPanel(seeds: number[]): { entry: PanelRow[]; exit: PanelRow[] } {
  const s = ScenarioSchema.parse(SMALL_REGION);
  const snapshots = [40, 80, 120, 160, 200];
  const entry: PanelRow[] = [];
  const exit: PanelRow[] = [];
  for (const seed of seeds) {
    const sim = new Simulation(s, seed);
    const st = sim.state;
    const K = st.K;
    const P = st.space.P;
    const phi = ringProximity(K, [1, 0.5]);
    const snaps: { rca: Float64Array; density: Float64Array; relevance: Float64Array; firms: Float64Array; ubiquity: Float64Array }[] = [];
    for (let t = 1; t <= s.ticks; t++) {
      sim.step();
      if (!snapshots.includes(t)) continue;
      const rca = revealedComparativeAdvantage(placeCapabilityInto(st, sim.params.phi, new Float64Array(P * K)), P, K);
      const M = rca.map((v) => (v >= 1 ? 1 : 0));
      const firms = new Float64Array(P);
      for (let i = 0; i < st.F; i++) if (st.alive[i]) firms[st.place[i]]++;
      const ubiquity = new Float64Array(K);
      for (let p = 0; p < P; p++) for (let k = 0; k < K; k++) ubiquity[k] += M[p * K + k] / P;
      snaps.push({ rca, density: relatednessDensity(M, P, K, phi), relevance: st.relevance.slice(), firms, ubiquity });
    }
    for (let w = 0; w + 1 < snaps.length; w++) {
      const a = snaps[w];
      const b = snaps[w + 1];
      for (let p = 0; p < P; p++)
        for (let k = 0; k < K; k++) {
          const r0 = a.rca[p * K + k];
          const r1 = b.rca[p * K + k];
          if (!Number.isFinite(r0) || !Number.isFinite(r1)) continue;
          const x = [1, a.density[p * K + k], r0, a.relevance[k], b.relevance[k] - a.relevance[k], Math.log(1 + a.firms[p]), a.ubiquity[k], w === 1 ? 1 : 0, w === 2 ? 1 : 0, w === 3 ? 1 : 0];
          if (r0 < 1) entry.push({ seed, y: r1 >= 1 ? 1 : 0, x });
          else exit.push({ seed, y: r1 < 1 ? 1 : 0, x });
        }
    }
  }
  return { entry, exit };
}

