/**
 * Vega makes its canvases (to draw on, and to measure text) with
 * document.createElement('canvas'), which a worker lacks: in the chart worker it gets an
 * OffscreenCanvas instead. Imported before vega, whose text measurer makes its canvas
 * when the module loads.
 */
const scope = globalThis as { document?: unknown };
if (scope.document === undefined) {
  scope.document = {
    createElement(tag: string): OffscreenCanvas {
      if (tag !== 'canvas') throw new Error(`the chart worker has no document: vega asked for a <${tag}>`);
      return new OffscreenCanvas(1, 1);
    },
  };
}
