/** Kind, channel and source indices come from the name lists the schema is built from (src/model/names.ts). */
import { describe, expect, it } from 'vitest';
import * as kinds from '../../src/model/kinds';
import { CHANNELS, ETA_KINDS, KINDS, SOURCES } from '../../src/model/names';
import { POLICY_KINDS, PolicySchema, SHOCK_KINDS, ShockSchema } from '../../src/scenario/schema';

describe('indices', () => {
  it('each kind constant is the position of its name in KINDS', () => {
    const named = { FIRM: 'firm', UNIVERSITY: 'university', RESEARCH_INSTITUTE: 'research_institute', GOVERNMENT: 'government', INTERMEDIARY: 'intermediary', CULTURAL: 'cultural', RESIDENT: 'resident' } as const;
    for (const [constant, name] of Object.entries(named)) expect(kinds[constant as keyof typeof named]).toBe(KINDS.indexOf(name));
    expect(kinds.EXTERNAL).toBe(ETA_KINDS.indexOf('external'));
    expect([kinds.N_KINDS, kinds.N_ETA]).toEqual([KINDS.length, ETA_KINDS.length]);
    expect([kinds.CH_COLLABORATION, kinds.CH_MOBILITY, kinds.CH_TRAINING, kinds.CH_PIPELINE]).toEqual(['collaboration', 'mobility', 'training', 'pipeline'].map((c) => CHANNELS.indexOf(c as never)));
    expect([kinds.SRC_FIRMS, kinds.SRC_INSTITUTIONS, kinds.SRC_RESIDENTS, kinds.SRC_OUTSIDE]).toEqual(['firms', 'institutions', 'residents', 'outside'].map((s) => SOURCES.indexOf(s as never)));
    expect(new Set([kinds.MEET_NEW, kinds.MEET_REPEAT, kinds.MEET_BROKER]).size).toBe(3);
  });

  it('policy and shock kinds are read from the schema, every one of them parseable', () => {
    expect(POLICY_KINDS).toEqual(['lifelong_learning', 'cluster_organisation', 'infrastructure', 'open_region', 'technology_transfer', 'creative_space', 'research_funding', 'codification']);
    expect(SHOCK_KINDS).toEqual(['frontier_jump', 'plant', 'core_collapse']);
    for (const kind of POLICY_KINDS) expect(PolicySchema.safeParse({ kind }).error?.issues.some((i) => i.path[0] === 'kind')).not.toBe(true);
    for (const kind of SHOCK_KINDS) expect(ShockSchema.safeParse({ kind, tick: 1 }).error?.issues.some((i) => i.path[0] === 'kind')).not.toBe(true);
  });
});
