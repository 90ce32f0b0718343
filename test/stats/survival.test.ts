import { describe, expect, it } from 'vitest';
import { chiSquareUpperP, kaplanMeier, logRank, restrictedMeanSurvival, stratifiedLogRank } from '../../src/stats';

// Reference values from R 4.x, package survival 3.x (datasets aml and ovarian), produced by:
//   library(survival); options(digits = 15)
//   f <- survfit(Surv(time, status) ~ 1, data = aml)        # conf.type = "log" (the default)
//   s <- summary(f, censored = TRUE)
//   cbind(s$time, s$n.risk, s$n.event, s$n.censor, s$surv, s$lower, s$upper, s$std.err/s$surv)
//   summary(f)$table                                          # median 27, 0.95LCL 18, 0.95UCL 45
//   summary(f, rmean = 40)$table                              # rmean 25.2394755003451, se 2.6984025410624
//   summary(survfit(Surv(time, status) ~ x, data = aml), rmean = 40)$table
//   sd <- survdiff(Surv(time, status) ~ x, data = aml); c(sd$chisq, pchisq(sd$chisq, 1, lower = FALSE))
//   o <- ovarian; g <- interaction(o$resid.ds, o$rx); survdiff(Surv(futime, fustat) ~ g, data = o)
//   summary(survfit(Surv(futime, fustat) ~ 1, data = o))$table
//   f <- survfit(Surv(c(1, 2, 3, 4), c(1, 1, 1, 1)) ~ 1); summary(f)$table; summary(f)$lower
//   summary(survfit(Surv(c(3, 5, 6, 6, 8), c(0, 0, 1, 0, 0)) ~ 1))$table
const maintained = { time: [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161], event: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0].map(Boolean) };
const nonmaintained = { time: [5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45], event: [1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1].map(Boolean) };
const amlTime = [...maintained.time, ...nonmaintained.time];
const amlEvent = [...maintained.event, ...nonmaintained.event];

// Computed inside each test: Stryker runs a mutant reached only in a describe body against no test.
const amlKm = () => kaplanMeier(amlTime, amlEvent);

describe('kaplanMeier on aml (R survfit, conf.type = "log")', () => {
  it('has every distinct time with risk set, events, censored and the log interval', () => {
    const km = amlKm();
    expect(km.steps).toHaveLength(18);
    expect(km).toMatchObject({ n: 23, events: 18, censored: 5, dropped: 0 });
    const s13 = km.steps[4];
    expect([s13.time, s13.atRisk, s13.events, s13.censored]).toEqual([13, 17, 1, 1]);
    expect(s13.survival).toBeCloseTo(0.695652173913043, 14);
    expect(s13.lo).toBeCloseTo(0.5308783416282121, 12);
    expect(s13.hi).toBeCloseTo(0.911568450100481, 12);
    expect(s13.seLog).toBeCloseTo(0.1379193210918426, 12);
    const s48 = km.steps[16];
    expect(s48.survival).toBeCloseTo(0.082815734989648, 14);
    expect(s48.lo).toBeCloseTo(0.0148346082548472, 12);
    expect(s48.hi).toBeCloseTo(0.462327406565294, 12);
    expect(km.steps[0].hi).toBe(1); // capped, as R
    expect(km.steps[0].lo).toBeCloseTo(0.8048547977829578, 12);
  });
  it('reports the median and its interval as print.survfit', () => {
    const km = amlKm();
    expect([km.median, km.medianLo, km.medianHi]).toEqual([27, 18, 45]);
  });
  it('per group: upper limit not reached is NaN', () => {
    const m = kaplanMeier(maintained.time, maintained.event);
    expect([m.median, m.medianLo]).toEqual([31, 18]);
    expect(Number.isNaN(m.medianHi)).toBe(true);
    const nm = kaplanMeier(nonmaintained.time, nonmaintained.event);
    expect([nm.median, nm.medianLo]).toEqual([23, 8]);
    expect(Number.isNaN(nm.medianHi)).toBe(true);
  });
  it('gives the restricted mean as print(survfit, rmean = 40)', () => {
    const km = amlKm();
    const r = restrictedMeanSurvival(km, 40);
    expect(r.rmean).toBeCloseTo(25.2394755003451, 11);
    expect(r.se).toBeCloseTo(2.6984025410624, 11);
    const full = restrictedMeanSurvival(km, 161);
    expect(full.rmean).toBeCloseTo(36.36438923395445, 11);
    expect(full.se).toBeCloseTo(9.85410105666456, 11);
    const m = restrictedMeanSurvival(kaplanMeier(maintained.time, maintained.event), 40);
    expect(m.rmean).toBeCloseTo(28.8977272727273, 11);
    expect(m.se).toBeCloseTo(3.4675776788916, 11);
  });
});

describe('kaplanMeier edge cases (R survfit)', () => {
  it('takes the midpoint when S is exactly 0.5 and has no interval once S is 0', () => {
    const km = kaplanMeier([1, 2, 3, 4, NaN], [true, true, true, true, true]);
    expect(km.dropped).toBe(1);
    expect(km.median).toBe(2.5);
    expect(km.medianLo).toBe(1);
    expect(Number.isNaN(km.medianHi)).toBe(true);
    expect(km.steps[1].lo).toBeCloseTo(0.1876589287065883, 12);
    expect(Number.isNaN(km.steps[3].lo) && Number.isNaN(km.steps[3].hi)).toBe(true);
  });
  it('leaves the median NaN when it is not reached (mostly censored)', () => {
    const km = kaplanMeier([3, 5, 6, 6, 8], [false, false, true, false, false]);
    expect(Number.isNaN(km.median)).toBe(true);
    expect(km.medianLo).toBe(6);
    expect(Number.isNaN(km.medianHi)).toBe(true);
  });
});

describe('logRank (R survdiff)', () => {
  it('matches aml Maintained vs Nonmaintained', () => {
    const t = logRank([maintained, nonmaintained]);
    expect(t.chisq).toBeCloseTo(3.3963886989776011, 12);
    expect(t.df).toBe(1);
    expect(t.p).toBeCloseTo(0.0653393220405051, 12);
    expect(t.observed).toEqual([7, 11]);
    expect(t.dropped).toBe(0);
    expect(t.expected[0]).toBeCloseTo(10.68933599230072, 12);
  });
  it('matches ovarian with four groups (resid.ds x rx)', () => {
    const futime = [59, 115, 156, 421, 431, 448, 464, 475, 477, 563, 638, 744, 769, 770, 803, 855, 1040, 1106, 1129, 1206, 1227, 268, 329, 353, 365, 377];
    const fustat = [1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0];
    const group = [2, 2, 2, 4, 2, 1, 4, 4, 2, 3, 1, 3, 4, 4, 1, 1, 2, 1, 3, 4, 3, 2, 2, 3, 4, 3];
    const groups = [1, 2, 3, 4].map((g) => ({
      time: futime.filter((_, i) => group[i] === g),
      event: fustat.filter((_, i) => group[i] === g).map(Boolean),
    }));
    const t = logRank(groups);
    expect(t.chisq).toBeCloseTo(9.105106373359968, 11);
    expect(t.df).toBe(3);
    expect(t.p).toBeCloseTo(0.0279255929915671, 12);
    const km = kaplanMeier(futime, fustat.map(Boolean));
    expect([km.median, km.medianLo]).toEqual([638, 464]);
    expect(Number.isNaN(km.medianHi)).toBe(true);
  });
  it('is NaN with one group', () => {
    expect(Number.isNaN(logRank([maintained]).chisq)).toBe(true);
  });
});

// R: pchisq(3.84, 1, lower = FALSE); pchisq(0.5, 3, lower = FALSE); pchisq(25, 4, lower = FALSE)
describe('chiSquareUpperP', () => {
  it('matches R pchisq', () => {
    expect(chiSquareUpperP(3.84, 1)).toBeCloseTo(0.0500435212487052, 14);
    expect(chiSquareUpperP(0.5, 3)).toBeCloseTo(0.918891411654676, 13);
    expect(chiSquareUpperP(25, 4)).toBeCloseTo(5.03098178230621e-5, 17);
  });
});

// R 4.x, survival 3.x, options(digits = 15):
//   summary(survfit(Surv(c(1,2,3,4), c(1,1,0,0)) ~ 1))$table   # rmean 2.75, median 2, 0.95LCL 1, 0.95UCL NA
//   f <- survfit(Surv(c(4,1,3,2,2,5), c(1,0,1,1,0,1)) ~ 1, conf.int = 0.9); s <- summary(f, censored = TRUE)
//   cbind(s$time, s$n.risk, s$n.event, s$surv, s$lower, s$upper)
//     # 1 6 0 1 1 1 | 2 5 1 0.8 0.5538042446944577 1 | 3 3 1 0.533333333333333 0.2480198847611696 1
//     # 4 2 1 0.266666666666667 0.0662562235125985 1 | 5 1 1 0 NA NA
//   summary(f)$table          # rmean 3.6, se(rmean) 0.519829031723145, median 4, 0.9LCL 3, 0.9UCL NA
//   summary(survfit(Surv(c(4,1,3,2,2,5), c(1,0,1,1,0,1)) ~ 1), rmean = 1)$table    # rmean 1, se 0
//   summary(survfit(Surv(c(-2,1,3), c(1,1,1)) ~ 1), rmean = 2)$table   # rmean 0.333333333333333, se 0.981306762925316
//   d <- data.frame(t = c(1,2,3,4,5,6,2,3,5,7,8,9), e = c(1,1,0,1,1,1,1,1,1,0,1,1),
//                   g = rep(c(1,2,1,2), each = 3), s = rep(c(1,1,2,2), each = 3))
//   sd <- survdiff(Surv(t, e) ~ g + strata(s), data = d); c(sd$chisq, pchisq(sd$chisq, 1, lower = FALSE))
//     # 7.45396145610278094 0.00632969883181998; rowSums(sd$obs) 5 5; rowSums(sd$exp) 2.05 7.95
//   survdiff(Surv(t, e) ~ g, data = d)$chisq   # 6.12433563165527
const t6 = [4, 1, 3, 2, 2, 5];
const e6 = [true, false, true, true, false, true];

describe('kaplanMeier and restrictedMeanSurvival, more cases (R survfit)', () => {
  it('sorts the times, counts a censored-only time, and takes the z it is given (conf.int = 0.9)', () => {
    const km = kaplanMeier(t6, e6, 1.6448536269514722);
    expect(km.steps.map((s) => [s.time, s.atRisk, s.events, s.censored])).toEqual([[1, 6, 0, 1], [2, 5, 1, 1], [3, 3, 1, 0], [4, 2, 1, 0], [5, 1, 1, 0]]);
    [1, 0.8, 0.8 * (2 / 3), 0.8 * (2 / 3) * 0.5, 0].forEach((v, k) => expect(km.steps[k].survival).toBeCloseTo(v, 15));
    expect([km.steps[0].lo, km.steps[0].hi, km.steps[0].seLog]).toEqual([1, 1, 0]);
    expect(km.steps[1].lo).toBeCloseTo(0.5538042446944577, 13);
    expect(km.steps[2].lo).toBeCloseTo(0.2480198847611696, 13);
    expect(km.steps[3].lo).toBeCloseTo(0.0662562235125985, 13);
    expect(km.steps.slice(1, 4).every((s) => s.hi === 1)).toBe(true);
    // Greenwood: sum d / (n (n - d)) = 1/20 + 1/6 + 1/2
    expect(km.steps[3].seLog).toBeCloseTo(Math.sqrt(1 / 20 + 1 / 6 + 1 / 2), 15);
    expect([km.steps[4].lo, km.steps[4].hi, km.steps[4].seLog].every(Number.isNaN)).toBe(true);
    expect([km.median, km.medianLo]).toEqual([4, 3]);
    expect(km.medianHi).toBeNaN();
    expect(km).toMatchObject({ n: 6, events: 4, censored: 2, dropped: 0 });
  });
  it('a curve that stays at exactly 0.5 has its median where it reaches 0.5', () => {
    const km = kaplanMeier([1, 2, 3, 4], [true, true, false, false]);
    expect([km.median, km.medianLo]).toEqual([2, 1]);
    expect(km.medianHi).toBeNaN();
    expect(restrictedMeanSurvival(km, 4).rmean).toBeCloseTo(2.75, 14);
  });
  it('reads any truthy event and treats a missing one as censored; nothing from no finite time', () => {
    const km = kaplanMeier([2, 1, 3], [1, 0] as unknown as boolean[]);
    expect(km.steps.map((s) => [s.time, s.events, s.censored])).toEqual([[1, 0, 1], [2, 1, 0], [3, 0, 1]]);
    const empty = kaplanMeier([NaN, Infinity], [true, true]);
    expect(empty).toMatchObject({ n: 0, dropped: 2, events: 0, censored: 0, steps: [] });
    expect([empty.median, empty.medianLo, empty.medianHi].every(Number.isNaN)).toBe(true);
  });
  it('restricted mean: R rmean and its SE, a horizon before the first time, times below 0', () => {
    const km = kaplanMeier(t6, e6);
    const r = restrictedMeanSurvival(km, 5);
    expect(r.horizon).toBe(5);
    expect(r.rmean).toBeCloseTo(3.6, 14);
    expect(r.se).toBeCloseTo(0.519829031723145, 14);
    expect(restrictedMeanSurvival(km, 1)).toEqual({ horizon: 1, rmean: 1, se: 0 });
    expect(restrictedMeanSurvival(km, 0.5)).toEqual({ horizon: 0.5, rmean: 0.5, se: 0 });
    const neg = restrictedMeanSurvival(kaplanMeier([-2, 1, 3], [true, true, true]), 2);
    expect(neg.rmean).toBeCloseTo(0.333333333333333, 14);
    expect(neg.se).toBeCloseTo(0.981306762925316, 14);
  });
});

describe('logRank and stratifiedLogRank, more cases (R survdiff)', () => {
  const groupsOf = (rows: number[][]) => rows.map((r) => ({ time: r.slice(0, 3), event: r.slice(3).map(Boolean) }));
  const stratum1 = groupsOf([[1, 2, 3, 1, 1, 0], [4, 5, 6, 1, 1, 1]]);
  const stratum2 = groupsOf([[2, 3, 5, 1, 1, 1], [7, 8, 9, 0, 1, 1]]);
  it('sums observed, expected and covariance within strata', () => {
    const t = stratifiedLogRank([stratum1, stratum2]);
    expect(t.chisq).toBeCloseTo(7.45396145610278094, 13);
    expect(t.p).toBeCloseTo(0.00632969883181998, 15);
    expect(t.df).toBe(1);
    expect(t.observed).toEqual([5, 5]);
    expect(t.expected[0]).toBeCloseTo(2.05, 14);
    expect(t.expected[1]).toBeCloseTo(7.95, 14);
    expect(t.dropped).toBe(0);
    // unstratified on the same rows
    const pooled = logRank([0, 1].map((g) => ({ time: [...stratum1[g].time, ...stratum2[g].time], event: [...stratum1[g].event, ...stratum2[g].event] })));
    expect(pooled.chisq).toBeCloseTo(6.12433563165527, 13);
  });
  it('counts dropped rows per stratum; a stratum with fewer groups; no strata', () => {
    const withGaps = [stratum1, [{ time: [...stratum2[0].time, NaN], event: [...stratum2[0].event, true] }, stratum2[1]], [{ time: [NaN], event: [true] }]];
    const t = stratifiedLogRank(withGaps);
    expect(t.dropped).toBe(2);
    expect(t.chisq).toBeCloseTo(7.45396145610278094, 13);
    const none = stratifiedLogRank([]);
    expect([none.df, none.observed, none.expected, none.dropped]).toEqual([-1, [], [], 0]);
    expect(none.chisq).toBeNaN();
  });
  it('a group with no expected events does not count in the df; dropped rows in logRank', () => {
    const t = logRank([{ time: [1, 2, NaN], event: [true, true, true] }, { time: [3, 4], event: [true, false] }, { time: [], event: [] }]);
    expect(t.df).toBe(1);
    expect(t.dropped).toBe(1);
    expect(t.expected[2]).toBe(0);
    // The empty group is left out of the test, as R's survdiff drops an empty factor level
    // (it returned NaN before: the covariance with the empty group's zero row is singular).
    // R 4.2.2, survival 3.4: d <- data.frame(time = c(1, 2, 3, 4), ev = c(1, 1, 1, 0),
    //   g = factor(c('a', 'a', 'b', 'b'), levels = c('a', 'b', 'c')))
    // print(survdiff(Surv(time, ev) ~ g, data = d)$chisq, digits = 15) -> 2.88235294117647
    expect(t.chisq).toBeCloseTo(2.88235294117647, 12);
    expect(t.p).toBeCloseTo(0.0895550744136431, 12); // pchisq(2.88235294117647, 1, lower.tail = FALSE)
    // two groups, one event time with a single run at risk: no variance from it (total = 1)
    const lone = logRank([{ time: [1], event: [true] }, { time: [2], event: [true] }]);
    // t = 1: d = 1, total 2, E = [0.5, 0.5], V = 1 * 1 / (4 * 1) * (1 * (2 - 1)) = 0.25; t = 2: total 1, no variance
    expect(lone.expected).toEqual([0.5, 1.5]);
    expect(lone.chisq).toBeCloseTo((1 - 1.5) ** 2 / 0.25, 14);
  });
});
