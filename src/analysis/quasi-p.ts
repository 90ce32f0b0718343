/**
 * Quasi-p-values of a box's restrictions (Bryant and Lempert 2010, as in EMA Workbench's
 * prim.py): for each restricted input, drop that restriction alone; the density p of the
 * widened box is the chance of a case of interest without it. Under that chance, how
 * likely would the box's own rows hold at least as many cases as they do? One-sided
 * binomial test: P(X >= positives), X ~ Binomial(rows in the box, p). Small values say
 * the restriction matters. ("Quasi": the box was chosen by looking at the same data.)
 */
import { boxStats, membership, type Box } from './box';
import type { Dataset } from './dataset';
import { binomialUpperTail } from '../stats/binomial';

/** The quasi-p-value of each input in `restricted`, in that order. */
export function quasiPValues(data: Dataset, box: Box, restricted: readonly number[]): number[] {
  const own = boxStats(data, membership(data, box));
  return restricted.map((j) => {
    const wide = boxStats(data, membership(data, box, j));
    return binomialUpperTail(own.positives, own.n, wide.positives / wide.n);
  });
}
