/**
 * Space: places, shortest travel distances over the place graph (links shorten them),
 * the distance-decay kernels and the per-place alias tables for where a new local
 * meeting happens. Rebuilt at init and whenever an infrastructure link opens or closes.
 */
import { AliasTables } from './alias';

export interface Link {
  from: number;
  to: number;
  km: number;
}

export class Space {
  readonly P: number;
  /** Shortest travel distance between places, km (P x P); diagonal = intra-place distance. */
  readonly dist: Float64Array;
  /** exp(-d / lambda_T) and exp(-d / lambda_E) per place pair. */
  readonly gTacit: Float64Array;
  readonly gExplicit: Float64Array;
  /** Row p: where an agent at p meets someone new, weight population_q exp(-d(p,q)/decay). */
  readonly meetPlace: AliasTables;
  private readonly weights: Float64Array;
  /** Direct travel between these pairs takes at least `km` (water, mountains). */
  barriers: Link[] = [];

  constructor(
    readonly x: Float64Array,
    readonly y: Float64Array,
    readonly population: Float64Array,
    readonly intraKm: number,
  ) {
    this.P = x.length;
    const P = this.P;
    this.dist = new Float64Array(P * P);
    this.gTacit = new Float64Array(P * P);
    this.gExplicit = new Float64Array(P * P);
    this.meetPlace = new AliasTables(P, P);
    this.weights = new Float64Array(P);
  }

  /** Recomputes distances (Floyd-Warshall over direct roads and links) and kernels. */
  rebuild(links: readonly Link[], lambdaT: number, lambdaE: number, decayKm: number): void {
    const { P, dist, x, y } = this;
    for (let p = 0; p < P; p++) {
      for (let q = 0; q < P; q++) dist[p * P + q] = p === q ? 0 : Math.hypot(x[p] - x[q], y[p] - y[q]);
    }
    for (const b of this.barriers) {
      dist[b.from * P + b.to] = Math.max(dist[b.from * P + b.to], b.km);
      dist[b.to * P + b.from] = Math.max(dist[b.to * P + b.from], b.km);
    }
    for (const l of links) {
      if (l.km < dist[l.from * P + l.to]) {
        dist[l.from * P + l.to] = l.km;
        dist[l.to * P + l.from] = l.km;
      }
    }
    for (let k = 0; k < P; k++)
      for (let i = 0; i < P; i++) {
        const dik = dist[i * P + k];
        for (let j = 0; j < P; j++) {
          const d = dik + dist[k * P + j];
          if (d < dist[i * P + j]) dist[i * P + j] = d;
        }
      }
    for (let p = 0; p < P; p++) dist[p * P + p] = this.intraKm;
    this.rebuildKernels(lambdaT, lambdaE, decayKm);
  }

  /** Recomputes the decay kernels and meeting-place tables (distances unchanged). */
  rebuildKernels(lambdaT: number, lambdaE: number, decayKm: number): void {
    const { P, dist } = this;
    for (let i = 0; i < P * P; i++) {
      this.gTacit[i] = Math.exp(-dist[i] / lambdaT);
      this.gExplicit[i] = Math.exp(-dist[i] / lambdaE);
    }
    for (let p = 0; p < P; p++) {
      for (let q = 0; q < P; q++) this.weights[q] = this.population[q] * Math.exp(-dist[p * P + q] / decayKm);
      this.meetPlace.build(p, this.weights);
    }
  }
}
