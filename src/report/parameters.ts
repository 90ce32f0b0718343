/** The parameters table: the design (swept parameters, arms) and the key settings. */
import type { SweepStats } from '../stats';
import { formatParamValue } from '../stats';
import { MODEL_SECTIONS, type ReferenceModelName } from '../models/names';

export interface ParameterRow {
  group: string;
  name: string;
  value: string;
}

/** Rows of the parameters table, as plain text (the page escapes them). */
export function parameterRows(stats: SweepStats): ParameterRow[] {
  const sc = stats.scenario;
  const rows: ParameterRow[] = [];
  const design = (stats.manifest.design ?? {}) as { kind?: string; samples?: number | null; replicates?: number };
  const sweep = sc.sweep ?? {};
  const designName = design.kind ?? sweep.design;
  if (designName) rows.push({ group: 'Design', name: 'design', value: `${designName}${design.samples ? `, ${design.samples} samples` : ''}` });
  const replicates = design.replicates ?? sweep.replicates;
  if (replicates !== undefined) rows.push({ group: 'Design', name: 'replicates (seeds per point and arm)', value: String(replicates) });
  for (const p of stats.parameters) {
    const values = [...new Set(stats.groups.map((g) => g.params[p]))];
    const numeric = values.every((v) => typeof v === 'number');
    const sorted = numeric ? (values as number[]).sort((a, b) => a - b) : values;
    const text = values.length > 8 && numeric ? `${values.length} values from ${formatParamValue(sorted[0])} to ${formatParamValue(sorted[sorted.length - 1])}` : sorted.map(formatParamValue).join(', ');
    rows.push({ group: 'Swept', name: p, value: text });
  }
  for (const arm of sc.arms ?? []) {
    const policies = (arm.policies ?? []).map((pl) => `${pl.label ?? pl.kind}${pl.cost ? ` (cost ${pl.cost}/tick)` : ''}`).join('; ');
    const role = arm.name === stats.baselineArm ? ' [baseline]' : '';
    rows.push({ group: 'Arm', name: `${arm.name}${role}`, value: [arm.description, policies ? `policies: ${policies}` : 'no policies'].filter(Boolean).join(' — ') });
  }
  // A swept parameter's base value is not a setting of any run: its row is under Swept only.
  const swept = new Set(stats.parameters);
  const setting = (name: string, value: unknown, path = name) => {
    if (swept.has(path)) return;
    if (value !== undefined && value !== null) rows.push({ group: 'Setting', name, value: formatParamValue(value) });
  };
  setting('seed', sc.seed);
  const model = (sc as { model?: string }).model;
  if (model !== undefined && model !== 'learning-region') {
    // A reference model: its own section is the whole of its settings.
    setting('model', model);
    setting('ticks (most periods)', sc.ticks, 'ticks');
    const section = MODEL_SECTIONS[model as ReferenceModelName];
    for (const [key, value] of Object.entries(((sc as Record<string, unknown>)[section] ?? {}) as Record<string, unknown>)) setting(`${section}.${key}`, value);
    return rows;
  }
  setting('ticks (quarters)', sc.ticks, 'ticks');
  setting('firms', sc.agents?.firms, 'agents.firms');
  setting('residents', sc.agents?.residents, 'agents.residents');
  setting('places', sc.region?.places?.length);
  setting('openness', sc.openness);
  setting('observe.window (late window, ticks)', sc.observe?.window, 'observe.window');
  setting('lock_in.threshold', sc.lock_in?.threshold);
  if (!sc.arms?.length) for (const pl of sc.policies ?? []) setting(`policy ${pl.label ?? pl.kind}`, pl.cost ? `cost ${pl.cost}/tick` : 'no cost');
  return rows;
}
