/**
 * Firm-level microdata (MODEL-SPEC 5, `firms.csv`): one row per firm that lived in the
 * run, written when it exits or at the end of the run. Only allocated when asked for.
 */
import type { ModelState } from './state';
import { ORIGINS } from './demography';

export const FIRM_COLUMNS = [
  'firm_id',
  'origin',
  'place',
  'birth_tick',
  'exit_tick',
  'innovations',
  'late_innovation_value',
  'partner_distance',
  'pipeline_ties',
  'size',
] as const;

export class FirmLog {
  readonly id: number[] = [];
  readonly origin: string[] = [];
  readonly place: string[] = [];
  readonly birth: number[] = [];
  readonly exit: number[] = [];
  readonly innovations: number[] = [];
  readonly lateValue: number[] = [];
  readonly partnerDistance: number[] = [];
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
      pipeline_ties: pick(this.pipelineTies),
      size: pick(this.size),
    };
  }
}
