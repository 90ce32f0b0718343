/** What every chart builder returns, and helpers they share. */
import { chartConfig } from './theme';

/** A Vega-Lite spec as plain JSON (typed loosely: builders assemble it from parts). */
export type VlSpec = Record<string, unknown>;

export interface Chart {
  /** File stem: DIR/charts/NAME.vl.json, .svg, .png */
  name: string;
  title: string;
  /** One or two sentences under the chart in the report: what is shown and how to read it. */
  caption: string;
  spec: VlSpec;
}

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** A complete top-level spec: schema, config and inline data wrapped around `body`. */
export function topLevel(title: string, subtitle: string | undefined, values: object[], body: VlSpec): VlSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: subtitle ? { text: title, subtitle } : title,
    data: { values },
    ...body,
    config: chartConfig(),
  };
}

/** Round for inline data: keeps specs small without changing what a reader can see. */
export function round(value: number, digits = 6): number | null {
  return Number.isFinite(value) ? Number(value.toPrecision(digits)) : null;
}

/** Human names of outcomes and series columns, for axes, legends and sentences. */
export const LABELS: Record<string, string> = {
  innovation_value: 'Innovation value',
  innovation_value_late: 'Late innovation value',
  innovation_value_total: 'Total innovation value',
  innovations_total: 'Innovations',
  radical_share: 'Share of radical innovations',
  diversity: 'Diversity',
  diversity_final: 'Final diversity',
  lock_in_index: 'Lock-in index',
  lock_in_index_final: 'Final lock-in index',
  lock_in_cognitive: 'Cognitive lock-in',
  lock_in_functional: 'Functional lock-in',
  lock_in_exhaustion: 'Exhaustion',
  locked_in: 'Locked in',
  external_tie_share: 'External tie share',
  external_tie_share_final: 'Final external tie share',
  competitiveness_final: 'Final competitiveness',
  resident_skill_final: 'Final resident skill',
  peak_tick: 'Peak tick',
  resilience_ticks: 'Recovery time (ticks)',
  resilience_censored: 'Recovery censored',
  drop_ratio: 'Value kept after the shock (ratio after/before)',
  recovered: 'Recovered by the end (share)',
  recovery_rmst: 'Restricted mean recovery time (ticks)',
  policy_cost: 'Policy cost',
  policy_cost_late: 'Policy cost in the late window',
  value_per_cost: 'Innovation value per unit cost',
  firm_learning_late: "Firms' learning per tick (late)",
  firm_learning_institution_share_late: "Share of firms' learning from institutions (late)",
  firm_learning_outside_share_late: "Share of firms' learning from outside partners (late)",
};

/** The label of a measure, or the measure itself with underscores as spaces. */
export function label(measure: string): string {
  return LABELS[measure] ?? measure.replace(/_/g, ' ');
}
