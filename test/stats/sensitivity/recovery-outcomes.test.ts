import { describe, expect, it } from 'vitest';
import { censoringHorizon, sensitivityValue } from '../../../src/stats/sensitivity';

const run = (ticks: number, censored: number) => ({ resilience_ticks: ticks, resilience_censored: censored, drop_ratio: 0.8 });

describe('recovery after a shock as sensitivity outcomes (censoring, not averaging)', () => {
  // Ten runs censored at a common horizon tau = 100.
  const time = [4, 12, 37, 100, 55, 100, 9, 100, 71, 23];
  const event = [1, 1, 1, 0, 1, 0, 1, 0, 1, 1];
  const runs = time.map((t, i) => run(t, 1 - event[i]));

  it('recovery_rmst has the Kaplan-Meier restricted mean to tau as its mean (R survival)', () => {
    // R 4.x, survival:
    //   fit <- survfit(Surv(c(4,12,37,100,55,100,9,100,71,23), c(1,1,1,0,1,0,1,0,1,1)) ~ 1)
    //   summary(fit, rmean = 100)$table["rmean"]  -> 51.1
    const tau = censoringHorizon(runs);
    expect(tau).toBe(100);
    const values = runs.map((o) => sensitivityValue('recovery_rmst', o, tau));
    expect(values.reduce((a, b) => a + b, 0) / values.length).toBeCloseTo(51.1, 12);
  });

  it('recovered is the indicator of recovery by the end', () => {
    expect(runs.map((o) => sensitivityValue('recovered', o, 100))).toEqual(event);
  });

  it('leaves recovery_rmst undefined when censored runs have different horizons, and recovery undefined without a shock', () => {
    const mixed = [run(100, 1), run(80, 1), run(10, 0)];
    const tau = censoringHorizon(mixed);
    expect(tau).toBeNaN();
    expect(mixed.map((o) => sensitivityValue('recovery_rmst', o, tau)).every(Number.isNaN)).toBe(true);
    expect(censoringHorizon([run(10, 0)])).toBeNull();
    expect(sensitivityValue('recovery_rmst', run(10, 0), null)).toBe(10);
    const unshocked = { resilience_ticks: NaN, resilience_censored: NaN, drop_ratio: NaN };
    expect(sensitivityValue('recovered', unshocked, null)).toBeNaN();
    expect(sensitivityValue('recovery_rmst', unshocked, null)).toBeNaN();
    expect(sensitivityValue('drop_ratio', run(10, 0), null)).toBe(0.8);
  });
});
