/** Full factorial design: every combination of the listed values, first parameter slowest. */
export function gridPoints(values: readonly (readonly unknown[])[]): unknown[][] {
  let points: unknown[][] = [[]];
  for (const list of values) {
    const next: unknown[][] = [];
    for (const p of points) for (const v of list) next.push([...p, v]);
    points = next;
  }
  return points;
}

/** Number of grid points without building them (to refuse absurd sizes early). */
export function gridSize(values: readonly (readonly unknown[])[]): number {
  return values.reduce((n, list) => n * list.length, 1);
}
