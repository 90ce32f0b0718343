/**
 * Where policies start and shocks strike, as labelled vertical rules on time-series
 * charts, so a reader sees what happened at a tick without reading the scenario.
 */
import type { SweepStats } from '../stats';
import type { VlSpec } from './chart';

export interface ChartEvent {
  tick: number;
  /** e.g. "cluster organisation (cluster arm)", "core collapse" */
  text: string;
}

interface PolicyLike { kind: string; label?: string; start?: number }
interface ShockLike { kind: string; tick?: number }

const kindText = (kind: string) => kind.replace(/_/g, ' ');

/** The starts of policies and the ticks of shocks of the sweep's scenario and arms. */
export function chartEvents(stats: SweepStats): ChartEvent[] {
  const sc = stats.scenario as { policies?: PolicyLike[]; shocks?: ShockLike[]; arms?: { name: string; policies?: PolicyLike[]; shocks?: ShockLike[] }[] };
  const events = new Map<string, ChartEvent>();
  const add = (tick: number | undefined, text: string) => {
    if (typeof tick !== 'number' || !Number.isFinite(tick) || tick <= 0) return;
    const key = `${tick}\u0000${text}`;
    if (!events.has(key)) events.set(key, { tick, text });
  };
  const own = (arm: string | null) => (arm && stats.arms.length > 1 ? ` (${arm})` : '');
  const scan = (policies: PolicyLike[] | undefined, shocks: ShockLike[] | undefined, arm: string | null) => {
    for (const p of policies ?? []) add(p.start ?? 0, `${p.label || kindText(p.kind)}${own(arm)}`);
    for (const s of shocks ?? []) add(s.tick, `${kindText(s.kind)}${own(arm)}`);
  };
  scan(sc.policies, sc.shocks, null);
  for (const a of sc.arms ?? []) if (stats.arms.includes(a.name)) scan(a.policies, a.shocks, a.name);
  // Several events at one tick share one rule and one label.
  const byTick = new Map<number, string[]>();
  for (const e of events.values()) byTick.set(e.tick, [...(byTick.get(e.tick) ?? []), e.text]);
  return [...byTick.entries()].sort((a, b) => a[0] - b[0]).map(([tick, texts]) => ({ tick, text: texts.join(', ') }));
}

/**
 * Rule and label layers for the events (none without events). Each layer is aggregated to
 * one row so that it draws one mark per panel, not one per data row.
 */
export function eventLayers(events: readonly ChartEvent[]): VlSpec[] {
  if (events.length === 0) return [];
  const one = [{ aggregate: [{ op: 'count', as: 'rows' }] }];
  return events.flatMap((e, i) => [
    { transform: one, mark: { type: 'rule', color: '#555', strokeDash: [2, 2], strokeWidth: 1 }, encoding: { x: { datum: e.tick, type: 'quantitative' } } },
    {
      transform: one,
      mark: { type: 'text', align: 'left', baseline: 'top', dx: 3, dy: 2 + 12 * (i % 3), fontSize: 10, color: '#333' },
      encoding: { x: { datum: e.tick, type: 'quantitative' }, y: { value: 0 }, text: { value: `${e.text} (tick ${e.tick})` } },
    },
  ]);
}
