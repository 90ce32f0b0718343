/**
 * Firm-level microdata (MODEL-SPEC 5, `firms.csv`): one row per firm that lived in the
 * run, written when it exits or at the end of the run. Only allocated when asked for.
 */
import type { ModelState } from './state';
import { ORIGINS } from './names';

export { FIRM_COLUMNS } from './names';

export class FirmLog {
  readonly id: number[] = [];
  readonly origin: string[] = [];
  readonly place: string[] = [];
  readonly birth: number[] = [];
  readonly exit: number[] = [];
  readonly innovations: number[] = [];
  readonly lateValue: number[] = [];
  readonly partnerDistance: number[] = [];
  readonly atypicality: number[] = [];
  readonly pipelineTies: number[] = [];
  readonly size: number[] = [];

  /** Records firm slot i; exitTick NaN when it is still alive at the end. */
  record(st: ModelState, i: number, exitTick: number): void {
    this.id.push(st.firmSerial[i]);
    this.origin.push(ORIGINS[st.origin[i]]);
    this.place.push(st.placeNames[st.place[i]]);
    this.birth.push(st.birthTick[i]);
    this.exit.push(exitTick);
    this.innovations.push(st.innovationsCount[i]);
    // Mean value per tick over the late window (zero for a firm that left before it).
    const end = Number.isNaN(exitTick) ? st.tick : exitTick + 1; // ticks lived, exclusive end
    const lateTicks = Math.max(1, end - st.lateStart);
    this.lateValue.push(st.lateValue[i] / lateTicks);
    this.partnerDistance.push(st.partnerDistWeight[i] > 0 ? st.partnerDistSum[i] / st.partnerDistWeight[i] : Number.NaN);
    this.atypicality.push(st.atypicalityTicks[i] > 0 ? st.atypicalitySum[i] / st.atypicalityTicks[i] : Number.NaN);
    let pipes = 0;
    for (let s = 0; s < st.maxPipes; s++) if (st.pipeTarget[i * st.maxPipes + s] >= 0) pipes++;
    this.pipelineTies.push(pipes);
    this.size.push(st.size[i]);
  }

  /** Columns keyed by FIRM_COLUMNS, rows sorted by firm id. */
  table(): Record<string, number[] | string[]> {
    const order = this.id.map((_, n) => n).sort((a, b) => this.id[a] - this.id[b]);
    const pick = <T>(xs: T[]) => order.map((n) => xs[n]);
    return {
      firm_id: pick(this.id),
      origin: pick(this.origin),
      place: pick(this.place),
      birth_tick: pick(this.birth),
      exit_tick: pick(this.exit),
      innovations: pick(this.innovations),
      late_innovation_value: pick(this.lateValue),
      partner_distance: pick(this.partnerDistance),
      atypicality: pick(this.atypicality),
      pipeline_ties: pick(this.pipelineTies),
      size: pick(this.size),
    };
  }
}

/**
 * Late window, microdata only: adds each live firm's atypicality this tick, the cognitive
 * distance `1 - cos(x_i, sum of the other live firms' x)` with the profile `x = T + E` of
 * cognitive proximity (how far its knowledge is from the rest of the region's firms, on
 * the same scale as partner distance). Reads the state, changes no dynamics and draws
 * nothing. `sum` is a K-long scratch array.
 */
export function accumulateAtypicalityInPlace(st: ModelState, sum: Float64Array): void {
  const K = st.K;
  const X = st.knowledge; // T_ik at 2 (iK + k), E_ik next to it
  sum.fill(0);
  let live = 0;
  for (let i = 0; i < st.F; i++) {
    if (!st.alive[i]) continue;
    live++;
    const b = 2 * i * K;
    for (let k = 0; k < K; k++) sum[k] += X[b + 2 * k] + X[b + 2 * k + 1];
  }
  if (live < 2) return;
  for (let i = 0; i < st.F; i++) {
    if (!st.alive[i]) continue;
    const b = 2 * i * K;
    let dot = 0;
    let own = 0;
    let rest = 0;
    for (let k = 0; k < K; k++) {
      const c = X[b + 2 * k] + X[b + 2 * k + 1];
      const r = sum[k] - c;
      dot += c * r;
      own += c * c;
      rest += r * r;
    }
    if (own <= 0 || rest <= 0) continue;
    st.atypicalitySum[i] += 1 - dot / Math.sqrt(own * rest);
    st.atypicalityTicks[i] += 1;
  }
}
