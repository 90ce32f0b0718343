import { describe, expect, it } from 'vitest';
import { clopperPearson, collectOutcomes, drawIndices, type ReportMutant } from '../../scripts/mutation-sample';

describe('mutation sample (scripts/mutation-sample.ts)', () => {
  it('Clopper-Pearson intervals match R binom.test', () => {
    // R 4.x: for (x in list(c(200,250),c(0,10),c(10,10),c(7,10),c(240,250))) {
    //   b <- binom.test(x[1], x[2])$conf.int; cat(sprintf("%d/%d %.10f %.10f\n", x[1], x[2], b[1], b[2])) }
    // 200/250 0.7449739165 0.8477597657
    // 0/10 0.0000000000 0.3084971078
    // 10/10 0.6915028922 1.0000000000
    // 7/10 0.3475471499 0.9332604888
    // 240/250 0.9276706445 0.9806545015
    const cases: [number, number, number, number][] = [
      [200, 250, 0.7449739165, 0.8477597657],
      [0, 10, 0, 0.3084971078],
      [10, 10, 0.6915028922, 1],
      [7, 10, 0.3475471499, 0.9332604888],
      [240, 250, 0.9276706445, 0.9806545015],
    ];
    for (const [k, n, lo, hi] of cases) {
      const [l, h] = clopperPearson(k, n);
      expect(l).toBeCloseTo(lo, 9);
      expect(h).toBeCloseTo(hi, 9);
    }
  });

  it('draws the same sample from the same seed, without replacement', () => {
    // Fixed seed: the first four steps of alea('20261203')'s Fisher-Yates over 0..9.
    expect(drawIndices(10, 4, '20261203')).toEqual([5, 1, 2, 7]);
    expect(drawIndices(4384, 250, '20261203')).toEqual(drawIndices(4384, 250, '20261203'));
    expect(drawIndices(4384, 250, '20261204')).not.toEqual(drawIndices(4384, 250, '20261203'));
    const all = drawIndices(1000, 1000, 's');
    expect(new Set(all).size).toBe(1000);
    expect([...all].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('takes a sampled mutant\'s outcome from the chunk that ran it, not from one that ignored it as outside its sample', () => {
    const at = (line: number, status: string, extra: Partial<ReportMutant> = {}): ReportMutant => ({
      mutatorName: 'EqualityOperator', replacement: 'a <= b', status, location: { start: { line, column: 5 }, end: { line, column: 11 } }, ...extra,
    });
    const outside = { statusReason: 'Not in the mutation sample (LRSIM_MUTATION_SAMPLE)' };
    // Chunk 0 sampled line 10, whose node holds line 11's mutant (sampled in chunk 1); chunk 1
    // ran line 11 and ignored line 10; line 12 is static and ignored by ignoreStatic.
    const chunk0 = { files: { 'src/stats/x.ts': { mutants: [at(10, 'Killed'), at(11, 'Ignored', outside)] } } };
    const chunk1 = { files: { 'src/stats/x.ts': { mutants: [at(10, 'Ignored', outside), at(11, 'Survived'), at(12, 'Ignored', { statusReason: 'Static mutant (and "ignoreStatic" was enabled)', static: true })] } } };
    const outcomes = [...collectOutcomes([chunk0, chunk1]).values()];
    expect(outcomes).toEqual([[{ status: 'Killed', static: false }], [{ status: 'Survived', static: false }], [{ status: 'Ignored', static: true }]]);
  });
});
