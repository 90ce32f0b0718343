/**
 * Agent kinds as small integers: the position of each kind in KINDS (src/model/names.ts),
 * the list the scenario schema is built from. The values stay literals so the tick loop
 * compares against constants; their types are computed from KINDS, so reordering or
 * renaming a kind there fails the typecheck here instead of silently shifting indices.
 */
import type { CHANNELS, ETA_KINDS, KINDS, SOURCES } from './names';

export { CHANNELS, SOURCES } from './names';

/** The position of V in the tuple T, as a number literal type. */
type IndexOf<T extends readonly unknown[], V, Seen extends unknown[] = []> = T extends readonly [infer H, ...infer R]
  ? [H] extends [V]
    ? Seen['length']
    : IndexOf<R, V, [...Seen, H]>
  : never;
type Kinds = typeof KINDS;

export const FIRM: IndexOf<Kinds, 'firm'> = 0;
export const UNIVERSITY: IndexOf<Kinds, 'university'> = 1;
export const RESEARCH_INSTITUTE: IndexOf<Kinds, 'research_institute'> = 2;
export const GOVERNMENT: IndexOf<Kinds, 'government'> = 3;
export const INTERMEDIARY: IndexOf<Kinds, 'intermediary'> = 4;
export const CULTURAL: IndexOf<Kinds, 'cultural'> = 5;
export const RESIDENT: IndexOf<Kinds, 'resident'> = 6;
/** Index of external partners in the institutional-proximity matrix. */
export const EXTERNAL: IndexOf<typeof ETA_KINDS, 'external'> = 7;
/** Number of region-agent kinds (rows of every kind-indexed table). */
export const N_KINDS: Kinds['length'] = 7;
/** Columns of the institutional-proximity matrix: the kinds plus external partners. */
export const N_ETA: (typeof ETA_KINDS)['length'] = 8;

/** Learning channels, for the flow accounts (indices into CHANNELS). */
export const CH_COLLABORATION: IndexOf<typeof CHANNELS, 'collaboration'> = 0;
export const CH_MOBILITY: IndexOf<typeof CHANNELS, 'mobility'> = 1;
export const CH_TRAINING: IndexOf<typeof CHANNELS, 'training'> = 2;
export const CH_PIPELINE: IndexOf<typeof CHANNELS, 'pipeline'> = 3;

/** Where firms learn from (flow accounts [8..12)), indices into SOURCES. */
export const SRC_FIRMS: IndexOf<typeof SOURCES, 'firms'> = 0;
export const SRC_INSTITUTIONS: IndexOf<typeof SOURCES, 'institutions'> = 1;
export const SRC_RESIDENTS: IndexOf<typeof SOURCES, 'residents'> = 2;
export const SRC_OUTSIDE: IndexOf<typeof SOURCES, 'outside'> = 3;
/** Index into the flow accounts of firms' learning from an agent of this kind. */
export function sourceSlot(kind: number): number {
  return 8 + (kind === FIRM ? SRC_FIRMS : kind === RESIDENT ? SRC_RESIDENTS : SRC_INSTITUTIONS);
}

/** How a meeting came about (for the repeat-meeting share). */
export const MEET_NEW = 0;
export const MEET_REPEAT = 1;
export const MEET_BROKER = 2;
