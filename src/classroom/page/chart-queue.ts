/**
 * What a live chart has received but its Vega view has not yet taken in. Values and events
 * go in as one changeset just before a redraw: Vega keeps only the last changeset given to
 * a dataset between two runs, so handing each batch over as it arrived lost all but the
 * last between two redraws.
 */
import { changeset } from 'vega';
import type { View } from 'vega';
import type { EventTuple, Tuple } from './chart-protocol';
import { niceCeiling } from './nice-ceiling';

export class ChartQueue {
  /** Largest value so far; the y domain's top is its nice ceiling. */
  top: number;
  lastTick = 0;
  /** New values or events since the last redraw. */
  dirty = true;
  private tuples: Tuple[] = [];
  private events: EventTuple[] = [];

  constructor(yFloor: number) { this.top = yFloor; }

  /** Queues a batch of values and events. */
  insert(tuples: readonly Tuple[] | undefined, events: readonly EventTuple[]): void {
    if (tuples?.length) {
      for (const t of tuples) { if (t.value > this.top) this.top = t.value; if (t.tick > this.lastTick) this.lastTick = t.tick; this.tuples.push(t); }
      this.dirty = true;
    }
    if (events.length) { this.events.push(...events); this.dirty = true; }
  }

  /** Hands everything queued to `view` in one changeset per dataset and raises its y domain (the caller runs it). */
  applyTo(view: View): void {
    view.signal('ymax', niceCeiling(this.top));
    if (this.tuples.length) view.change('rows', changeset().insert(this.tuples));
    if (this.events.length) view.change('events', changeset().insert(this.events));
    this.tuples = [];
    this.events = [];
  }
}
