import { describe, expect, it } from 'vitest';
import { chiSquareUpperP, kaplanMeier, logRank, restrictedMeanSurvival } from '../../src/stats';

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

describe('kaplanMeier on aml (R survfit, conf.type = "log")', () => {
  const km = kaplanMeier(amlTime, amlEvent);
  it('has every distinct time with risk set, events, censored and the log interval', () => {
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
