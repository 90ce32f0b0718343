/**
 * TEST DATA: rows uniform on [0, 1]^6 (seeded), labelled 1 inside a planted box in
 * inputs x1 and x3 (x1 in [0.2, 0.9], x3 in [0.1, 0.8]: half the space), with 10 % of
 * all labels flipped at random. Used by the PRIM and CART tests and the benchmark.
 */
import seedrandom from 'seedrandom';
import { onePointPerRow, type Dataset } from '../../src/analysis/dataset';

export const PLANTED = { x1: [0.2, 0.9], x3: [0.1, 0.8] } as const;

export function plantedData(rows: number, inputs = 6, seed = 'planted', noise = 0.1): Dataset {
  const random = seedrandom.alea(seed);
  const names = Array.from({ length: inputs }, (_, j) => `x${j}`);
  const columns = names.map(() => new Float64Array(rows));
  const y = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < inputs; j++) columns[j][i] = random();
    const inside = columns[1][i] >= PLANTED.x1[0] && columns[1][i] <= PLANTED.x1[1] && columns[3][i] >= PLANTED.x3[0] && columns[3][i] <= PLANTED.x3[1];
    const flip = random() < noise;
    y[i] = inside !== flip ? 1 : 0;
  }
  return { names, columns, levels: names.map(() => null), y, rows, ...onePointPerRow(rows) };
}
