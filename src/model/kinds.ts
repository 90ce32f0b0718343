/** Agent kinds as small integers, in the order of KINDS in the scenario schema. */
export const FIRM = 0;
export const UNIVERSITY = 1;
export const RESEARCH_INSTITUTE = 2;
export const GOVERNMENT = 3;
export const INTERMEDIARY = 4;
export const CULTURAL = 5;
export const RESIDENT = 6;
/** Index of external partners in the institutional-proximity matrix. */
export const EXTERNAL = 7;
export const N_KINDS = 7;
export const N_ETA = 8;

/** Learning channels, for the flow accounts. */
export const CH_COLLABORATION = 0;
export const CH_MOBILITY = 1;
export const CH_TRAINING = 2;
export const CH_PIPELINE = 3;
export const CHANNELS = ['collaboration', 'mobility', 'training', 'pipeline'] as const;

/** Where firms learn from (flow accounts [8..12)): other firms, institutions, residents, outside partners. */
export const SOURCES = ['firms', 'institutions', 'residents', 'outside'] as const;
export const SRC_FIRMS = 0;
export const SRC_INSTITUTIONS = 1;
export const SRC_RESIDENTS = 2;
export const SRC_OUTSIDE = 3;
/** Index into the flow accounts of firms' learning from an agent of this kind. */
export function sourceSlot(kind: number): number {
  return 8 + (kind === FIRM ? SRC_FIRMS : kind === RESIDENT ? SRC_RESIDENTS : SRC_INSTITUTIONS);
}

/** How a meeting came about (for the repeat-meeting share). */
export const MEET_NEW = 0;
export const MEET_REPEAT = 1;
export const MEET_BROKER = 2;
