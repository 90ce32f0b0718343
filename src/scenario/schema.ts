/**
 * The scenario schema: the single source of types, defaults, limits and docs for
 * everything a scenario file may say. The engine trusts a parsed `Scenario`; the JSON
 * Schema for editors (`scenario.schema.json`) is generated from this file.
 * Defaults come from MODEL-SPEC section 8 (the last prototype); see docs/ODD.md.
 */
import { z } from 'zod';
import { ETA_KINDS, KINDS, OUTCOME_KEYS, type KindName } from '../model/names';
import { CowanJonardSectionSchema } from '../models/cowan-jonard-2004/params';
import { MarchSectionSchema } from '../models/march-1991/params';
import { CJ_OUTCOMES, MARCH_OUTCOMES, MODEL_NAMES } from '../models/names';
import { UNSAFE_CHARS } from './unsafe-text';

export { KINDS, ETA_KINDS, INSTITUTION_KINDS, type KindName } from '../model/names';

/** Hard limits, documented in the README and docs/ODD.md ("absurd sizes" are rejected). */
export const LIMITS = {
  ticks: 100_000,
  firms: 200_000,
  residents: 2_000_000,
  institutionsPerKind: 1_000,
  agents: 2_500_000,
  domains: 256,
  places: 256,
  externalPartners: 100_000,
  maxTies: 64,
  pipelineTies: 32,
  contactsPerTick: 64,
} as const;

// Text that can reach a file name, a CSV cell, a chart label or a generated script is one
// line without control characters (C0, DEL, C1, U+2028/2029): a newline in a scenario name
// once ran shell commands from an sbatch comment (issue 14). Prose (descriptions, notes)
// keeps tabs and line breaks but no other control characters; it never reaches a script.
// Neither may hold the bidirectional embedding, override and isolate controls (U+202A-202E,
// U+2066-2069, "Trojan Source"): they make a name or a line of the report read otherwise
// than it is stored (the marks U+200E/200F/061C stay allowed for right-to-left text).
const ONE_LINE = new RegExp(`^[^${UNSAFE_CHARS}]*$`);
const PROSE = /^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]*$/;
/** One line of text, `min` to `max` characters, no control characters. */
export const lineText = (min: number, max: number) =>
  z.string().min(min).max(max).regex(ONE_LINE, 'write it on one line without control characters (line breaks, tabs, NUL, escape codes, bidirectional overrides)');
const proseText = (max: number) =>
  z.string().max(max).regex(PROSE, 'remove the control characters (only tabs and line breaks are allowed; no bidirectional overrides)');
// A scenario name becomes part of directory names (output/sweep-NAME) and job names.
const SCENARIO_NAME = new RegExp(`^(?![-.])[^${UNSAFE_CHARS}/\\\\]+$`);
/** Dot paths (sweep parameters, arm overrides): one line, no control characters. */
const dotPath = lineText(1, 200);

const num = (def: number, min: number, max: number, doc: string) =>
  z.number().finite().min(min).max(max).default(def).describe(doc);
const int = (def: number, min: number, max: number, doc: string) =>
  z.number().int().min(min).max(max).default(def).describe(doc);
const prob = (def: number, doc: string) => num(def, 0, 1, doc);
// Every field of a section has a default, so `{}` is a valid input; TypeScript cannot see
// that through the generic shape, hence the cast.
const section = <T extends z.ZodRawShape>(shape: T, doc: string) =>
  z.strictObject(shape).prefault({} as never).describe(doc);

const kindRecord = (defaults: Record<KindName, number>, doc: string) =>
  z
    .strictObject(
      Object.fromEntries(
        KINDS.map((k) => [k, z.number().finite().min(0).max(1000).default(defaults[k])]),
      ) as Record<KindName, z.ZodDefault<z.ZodNumber>>,
    )
    .prefault({})
    .describe(doc);

// --- proximity: institutional proximity (eta) between kinds -------------------------
// MODEL-SPEC 8 gives (firm, university, resident, external); research institutes follow
// universities; government, intermediaries and cultural institutions are calibration
// choices documented in docs/ODD.md.
const ETA_DEFAULT: Record<string, Record<string, number>> = {
  firm: { firm: 1, university: 0.6, research_institute: 0.7, government: 0.6, intermediary: 0.9, cultural: 0.5, resident: 0.8, external: 0.8 },
  university: { firm: 0.6, university: 1, research_institute: 0.9, government: 0.7, intermediary: 0.8, cultural: 0.7, resident: 0.8, external: 1 },
  research_institute: { firm: 0.7, university: 0.9, research_institute: 1, government: 0.7, intermediary: 0.8, cultural: 0.5, resident: 0.7, external: 1 },
  government: { firm: 0.6, university: 0.7, research_institute: 0.7, government: 1, intermediary: 0.9, cultural: 0.8, resident: 0.7, external: 0.6 },
  intermediary: { firm: 0.9, university: 0.8, research_institute: 0.8, government: 0.9, intermediary: 1, cultural: 0.8, resident: 0.8, external: 0.8 },
  cultural: { firm: 0.5, university: 0.7, research_institute: 0.5, government: 0.8, intermediary: 0.8, cultural: 1, resident: 1, external: 0.6 },
  resident: { firm: 0.8, university: 0.8, research_institute: 0.7, government: 0.7, intermediary: 0.8, cultural: 1, resident: 1, external: 0.5 },
};
const etaRow = (row: Record<string, number>) =>
  z
    .strictObject(
      Object.fromEntries(ETA_KINDS.map((k) => [k, z.number().finite().min(0).max(1).default(row[k])])) as Record<
        (typeof ETA_KINDS)[number],
        z.ZodDefault<z.ZodNumber>
      >,
    )
    .prefault({});
const EtaSchema = z
  .strictObject(Object.fromEntries(KINDS.map((k) => [k, etaRow(ETA_DEFAULT[k])])) as Record<KindName, ReturnType<typeof etaRow>>)
  .prefault({})
  .describe('Institutional proximity eta[from][to] in [0, 1]: how readily an agent of one kind accepts a meeting with another kind.');

// Kind weights: which kind a new local meeting looks for, per kind of the seeker.
const KW_DEFAULT: Record<KindName, Record<KindName, number>> = {
  firm: { firm: 0.5, university: 0.05, research_institute: 0.05, government: 0.01, intermediary: 0.02, cultural: 0.01, resident: 0.36 },
  university: { firm: 0.6, university: 0.05, research_institute: 0.05, government: 0.01, intermediary: 0.01, cultural: 0.01, resident: 0.27 },
  research_institute: { firm: 0.6, university: 0.05, research_institute: 0.05, government: 0.01, intermediary: 0.01, cultural: 0.01, resident: 0.27 },
  government: { firm: 0.4, university: 0.1, research_institute: 0.1, government: 0.05, intermediary: 0.1, cultural: 0.05, resident: 0.2 },
  intermediary: { firm: 0.6, university: 0.1, research_institute: 0.1, government: 0.05, intermediary: 0.02, cultural: 0.03, resident: 0.1 },
  cultural: { firm: 0.2, university: 0.1, research_institute: 0.05, government: 0.05, intermediary: 0.05, cultural: 0.05, resident: 0.5 },
  resident: { firm: 0.3, university: 0.05, research_institute: 0.03, government: 0.01, intermediary: 0.01, cultural: 0.05, resident: 0.55 },
};
const KindWeightsSchema = z
  .strictObject(Object.fromEntries(KINDS.map((k) => [k, kindRecord(KW_DEFAULT[k], `Kinds sought by a ${k}.`)])) as Record<KindName, ReturnType<typeof kindRecord>>)
  .prefault({})
  .describe('contacts.kind_weights[seeker][kind]: relative weight of each kind in a new local meeting.');

// --- space ---------------------------------------------------------------------------
export const PlaceSchema = z.strictObject({
  name: lineText(1, 80).describe('Unique name of the place.'),
  x_km: z.number().finite().min(-10_000).max(10_000).describe('East coordinate, km.'),
  y_km: z.number().finite().min(-10_000).max(10_000).describe('North coordinate, km.'),
  population: z.number().finite().positive().max(1e9).describe('Relative population weight (any unit).'),
  role: z.enum(['city', 'town', 'rural']).default('town').describe('Label for maps and reports.'),
});
export const LinkSchema = z.strictObject({
  from: lineText(1, 80).describe('Name of a place.'),
  to: lineText(1, 80).describe('Name of another place.'),
  km: z.number().finite().positive().max(100_000).describe('Travel distance along this link, km.'),
});
export const BarrierSchema = z.strictObject({
  from: lineText(1, 80).describe('Name of a place.'),
  to: lineText(1, 80).describe('Name of another place.'),
  km: z.number().finite().positive().max(100_000).describe('Minimum direct travel distance between the two places, km (water, mountains).'),
});

const DEFAULT_PLACES = [
  { name: 'Core City', x_km: 40, y_km: 40, population: 40, role: 'city' },
  { name: 'Northtown', x_km: 44, y_km: 70, population: 10, role: 'town' },
  { name: 'Easttown', x_km: 72, y_km: 46, population: 10, role: 'town' },
  { name: 'Southtown', x_km: 34, y_km: 10, population: 9, role: 'town' },
  { name: 'Westtown', x_km: 8, y_km: 36, population: 8, role: 'town' },
  { name: 'Harbour', x_km: 62, y_km: 18, population: 8, role: 'town' },
  { name: 'Upland', x_km: 14, y_km: 72, population: 4, role: 'rural' },
  { name: 'Riverside', x_km: 76, y_km: 78, population: 3, role: 'rural' },
] as const;

// --- policies (MODEL-SPEC 6) ------------------------------------------------------------
const policyBase = {
  start: z.number().int().min(0).max(LIMITS.ticks).default(0).describe('First tick the policy is active.'),
  end: z.number().int().min(0).max(LIMITS.ticks).optional().describe('Tick the policy ends (exclusive); none = until the end.'),
  cost: z.number().finite().min(0).max(1e9).default(0).describe('Cost per active tick (any currency unit).'),
  label: lineText(0, 80).optional().describe('Name shown in reports.'),
};
export const PolicySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('lifelong_learning'), ...policyBase, participation: z.number().finite().min(0).max(1).describe('learning.participation while active.'), deepen: z.boolean().default(false).describe('Courses deepen the learner\'s own specialisation instead of copying the teacher\'s profile.') }),
  z.strictObject({ kind: z.literal('cluster_organisation'), ...policyBase, members: z.number().int().min(2).max(LIMITS.firms).default(40).describe('Number of firms enrolled (those closest to the focus domain).'), focus_domain: z.number().int().min(0).max(LIMITS.domains - 1).optional().describe('Knowledge domain the cluster gathers around; default: the region\'s strongest.'), broker_rate: z.number().finite().min(0).max(1).optional().describe('Broker channel probability for members (default contacts.broker_rate).') }),
  z.strictObject({ kind: z.literal('infrastructure'), ...policyBase, from: lineText(1, 80).describe('Place at one end.'), to: lineText(1, 80).describe('Place at the other end.'), km: z.number().finite().positive().max(100_000).describe('Travel distance of the new link, km.') }),
  z.strictObject({ kind: z.literal('open_region'), ...policyBase, openness: z.number().finite().min(0).max(1).describe('Openness while active.') }),
  z.strictObject({ kind: z.literal('technology_transfer'), ...policyBase, eta: z.number().finite().min(0).max(1).default(0.95).describe('Institutional proximity between firms and universities/institutes while active.') }),
  z.strictObject({ kind: z.literal('creative_space'), ...policyBase, mode: z.enum(['top_down', 'bottom_up']).describe('top_down: full capacity at once, fit set by government; bottom_up: grows with community activity, more trust.'), place: lineText(1, 80).optional().describe('Where the space is (default: the largest place).'), capacity: z.number().int().min(2).max(100_000).default(150).describe('Members at full size (residents, firms, cultural institutions).'), fit: z.number().finite().min(0).max(1).default(0.5).describe('Fit to the local socio-cultural environment (top_down: set by government).'), community_activity: z.number().finite().min(0).max(1).default(0.5).describe('Community activity: growth rate and trust of a bottom_up space.') }),
  z.strictObject({ kind: z.literal('research_funding'), ...policyBase, rate: z.number().finite().min(0).max(1).describe('Research rate of universities and institutes while active.') }),
  z.strictObject({ kind: z.literal('codification'), ...policyBase, externalisation: z.number().finite().min(0).max(1).describe('Conversion rate c_ext while active.') }),
]);
export type Policy = z.infer<typeof PolicySchema>;
/** Policy kinds in the order of PolicySchema's options (read from the schema, not restated). */
export const POLICY_KINDS: readonly Policy['kind'][] = PolicySchema.options.map((option) => option.shape.kind.value);

// --- shocks (MODEL-SPEC 4) ---------------------------------------------------------------
export const ShockSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('frontier_jump'), tick: z.number().int().min(0).max(LIMITS.ticks), domains: z.number().finite().min(-LIMITS.domains).max(LIMITS.domains).describe('Domains the frontier jumps by.') }),
  z.strictObject({ kind: z.literal('plant'), tick: z.number().int().min(0).max(LIMITS.ticks), firms: z.number().int().min(0).max(LIMITS.firms).default(10).describe('Firms (random, live) that receive the capability; 0 only marks the domain, for a no-plant control arm.'), offset: z.number().int().min(-LIMITS.domains).max(LIMITS.domains).default(3).describe("Domain: the region's strongest domain plus this many steps in the frontier's direction (related, soon relevant)."), level: z.number().finite().min(0).max(1).default(0.8).describe('Tacit level planted in that domain.') }).describe('An experiment (MODEL-SPEC fact 5): plants a capability in a few firms; the plant_tacit column is the mean tacit knowledge of the other firms in that domain.'),
  z.strictObject({ kind: z.literal('core_collapse'), tick: z.number().int().min(0).max(LIMITS.ticks), factor: z.number().finite().min(0).max(1).default(0.2).describe('Relevance multiplier of the strongest domains.'), domains: z.number().int().min(1).max(LIMITS.domains).default(3).describe('How many of the region\'s strongest domains collapse.'), redistribute: z.enum(['related', 'uniform', 'none']).default('related').describe('Where the removed relevance goes, recomputed each tick from what the collapsed domains would have had: related = domains 3 to 6 ring steps away (demand moves to related activities); uniform = every other domain; none = it is lost (a knock-out, issue 16).') }),
]);
export type Shock = z.infer<typeof ShockSchema>;
/** Shock kinds in the order of ShockSchema's options (read from the schema, not restated). */
export const SHOCK_KINDS: readonly Shock['kind'][] = ShockSchema.options.map((option) => option.shape.kind.value);

// --- sweeps -------------------------------------------------------------------------------
/** Caps of the sensitivity-design settings; `lrsim sample` applies the same to --n, --levels, --pool and --scrambles. */
export const SWEEP_LIMITS = { samples: 1_000_000, levels: 1000, pool: 10_000, scrambles: 1024 } as const;
const RangeSchema = z.strictObject({ min: z.number().finite(), max: z.number().finite(), integer: z.boolean().default(false), log: z.boolean().optional().describe('Log-uniform between min and max (both > 0); default false.') });
export const SweepSchema = z.strictObject({
  design: z.enum(['grid', 'lhs', 'sobol', 'morris', 'saltelli', 'file']).default('grid').describe('grid: every combination of listed values; lhs: Latin hypercube over ranges; sobol: Sobol sequence over ranges; morris: elementary-effects trajectories (sensitivity screening); saltelli: Sobol sensitivity indices (scrambled Sobol A, B, AB matrices); file: the rows of a design CSV (file:). See docs/sensitivity.md.'),
  parameters: z.record(dotPath, z.union([z.array(z.union([z.number(), lineText(0, 200), z.boolean()])), RangeSchema])).default({}).describe('Dot paths to value lists (grid) or {min, max} ranges (lhs, sobol, morris, saltelli).'),
  samples: z.number().int().min(1).max(SWEEP_LIMITS.samples).optional().describe('Points for lhs and sobol; trajectories r for morris; base rows N (a power of two) for saltelli.'),
  levels: z.number().int().min(2).max(SWEEP_LIMITS.levels).optional().describe('morris: grid levels p (even, default 4); each step moves a parameter by p / (2 (p - 1)) of its range.'),
  pool: z.number().int().min(2).max(SWEEP_LIMITS.pool).optional().describe('morris: draw this many trajectories and keep the `samples` most spread out (Campolongo et al. 2007).'),
  second_order: z.boolean().optional().describe('saltelli: also second-order indices S2 (N (2D + 2) points instead of N (D + 2)); default false.'),
  scrambles: z.number().int().min(2).max(SWEEP_LIMITS.scrambles).optional().describe('saltelli: R independent scrambles of samples / R base rows each (a power of two, at least 2); each index is the mean over the R scrambles with a 95 % t interval on R - 1 df, valid where the row bootstrap of one scramble is not (docs/sensitivity.md; e.g. 16). Default: one scramble, bootstrap intervals.'),
  file: lineText(1, 4096).optional().describe('design file: a CSV with a header of parameter dot paths and one row per point (e.g. made by SALib or `lrsim sample`), relative to the scenario file.'),
  replicates: z.number().int().min(1).max(100_000).default(8).describe('Seeds per point and arm.'),
  outcomes: z.array(z.enum([...OUTCOME_KEYS, ...MARCH_OUTCOMES, ...CJ_OUTCOMES])).max(12).default([]).describe('Outcomes besides late innovation value and lock-in whose values the report states per point and arm (with paired arm differences where both arms define them), e.g. resident_skill_final, resilience_ticks; outcomes of the scenario\'s model only.'),
  microdata: z.boolean().default(false).describe('Keep every run\'s firm table (firms.csv, one row per firm) in OUT/microdata/ and add the firm-level chart to the report; --microdata / --no-microdata overrides.'),
});
export const ArmSchema = z.strictObject({
  name: z.string().min(1).max(60).regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, 'use letters, digits, _ . - (not starting with . or -)'),
  description: proseText(2000).optional(),
  set: z.record(dotPath, z.unknown()).default({}).describe('Dot-path overrides for this arm.'),
  policies: z.array(PolicySchema).optional().describe('Replaces the scenario\'s policies in this arm.'),
  shocks: z.array(ShockSchema).optional().describe('Replaces the scenario\'s shocks in this arm.'),
  role: z.enum(['option', 'condition']).optional().describe('option: a choice a decision maker can make (a policy, or none), ranked in "which arm is best" statements and robustness; condition: a future to compare against (e.g. another environment set by `set`), not ranked. Default: condition when the arm\'s shocks differ from the scenario\'s, else option.'),
});

// --- the scenario ---------------------------------------------------------------------------
export const ScenarioSchema = z.strictObject({
  name: z.string().min(1).max(80).regex(SCENARIO_NAME, 'write a name on one line, without / or \\ or control characters, not starting with - or .').default('unnamed').describe('Identifier; part of output directory and job names.'),
  description: proseText(20_000).default('').describe('What the scenario demonstrates (reports, class page).'),
  teaching_note: proseText(20_000).default('').describe('What to look for, shown on the class page.'),
  references: z.array(lineText(0, 500)).default([]).describe('Literature the scenario draws on.'),
  cost_unit: lineText(0, 40).default('').describe('Unit of policy costs in reports (e.g. "million EUR per quarter"); empty = unnamed units.'),
  extends: lineText(1, 1000).optional().describe('Built-in scenario name or path this one deep-merges onto (all but description, teaching_note and references).'),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(42),
  ticks: int(200, 1, LIMITS.ticks, 'Ticks (quarters) per run.'),
  knowledge: section({
    domains: int(24, 4, LIMITS.domains, 'K: knowledge domains on a ring.'),
    phi: prob(0.5, 'Weight of explicit knowledge in usable capability c = T + phi E.'),
    capacity: section({
      firm: num(6, 0.1, 1000, 'Capacity sum_k (T+E) of a firm.'),
      resident: num(3, 0.1, 1000, 'Capacity of a resident.'),
      university: num(8, 0.1, 1000, 'Capacity of a university.'),
      research_institute: num(8, 0.1, 1000, 'Capacity of a research institute.'),
      government: num(4, 0.1, 1000, 'Capacity of a government.'),
      intermediary: num(4, 0.1, 1000, 'Capacity of an intermediary.'),
      cultural: num(4, 0.1, 1000, 'Capacity of a cultural institution.'),
    }, 'Knowledge capacity per kind.'),
    relatedness_exponent: num(2, 0, 10, 'a in the relatedness weight.'),
    relatedness_floor: prob(0.01, 'Floor of the relatedness weight.'),
    delta: prob(0.01, 'Obsolescence per tick of non-firm agents.'),
    delta_use: prob(0.005, 'Firm obsolescence of a domain in full use.'),
    delta_idle: prob(0.03, 'Firm obsolescence of an unused domain.'),
    attention_rate: prob(0.05, 'h: attention update rate.'),
    attention_ref: num(0.2, 1e-6, 1, 'h_ref: attention at which a domain counts as fully used.'),
    gamma: num(2, 0, 10, 'Increasing-returns exponent for attention and the first domain of a combination.'),
    novelty_ewma: prob(0.2, 'EWMA weight of recent learning N.'),
    initial_centre_sd: num(3, 0, 128, 'SD (domains) of initial firm centres around the frontier.'),
    initial_width: num(2, 0.1, 64, 'Width (domains) of initial profiles.'),
    initial_tacit: prob(0.4, 'Initial tacit level at a profile centre.'),
    initial_explicit: prob(0.3, 'Initial explicit level at a profile centre.'),
  }, 'Knowledge space and knowledge dynamics.'),
  region: section({
    places: z.array(PlaceSchema).min(1).max(LIMITS.places).default(DEFAULT_PLACES.map((p) => ({ ...p }))).describe('Places of the region.'),
    links: z.array(LinkSchema).max(10_000).default([]).describe('Extra travel links that shorten distances.'),
    barriers: z.array(BarrierSchema).max(10_000).default([]).describe('Direct travel between two places takes at least this many km (water, mountains); shortest paths may still go round.'),
    intra_place_km: num(3, 0, 1000, 'Distance between two agents at one place, km.'),
    firm_concentration: num(1.3, 0, 5, 'Firms per place grow with population^this (agglomeration).'),
  }, 'Space.'),
  agents: section({
    firms: int(400, 1, LIMITS.firms, 'Firm slots.'),
    residents: int(8000, 0, LIMITS.residents, 'Residents.'),
    institutions: section({
      university: int(2, 0, LIMITS.institutionsPerKind, 'Universities.'),
      research_institute: int(2, 0, LIMITS.institutionsPerKind, 'Research institutes.'),
      government: int(1, 0, LIMITS.institutionsPerKind, 'Governments.'),
      intermediary: int(1, 0, LIMITS.institutionsPerKind, 'Intermediaries (cluster organisations, transfer offices).'),
      cultural: int(2, 0, LIMITS.institutionsPerKind, 'Cultural institutions.'),
    }, 'Institutions by kind.'),
    intermediary_members: int(30, 0, LIMITS.firms, 'Firms enrolled in each initial intermediary (nearest first).'),
    institutions_employ: prob(0, 'Share of residents employed by institutions rather than firms (socio-cultural clusters).'),
  }, 'Population.'),
  openness: prob(0.1, "Region's openness to outside partners (pipelines, FDI, migration)."),
  proximity: section({
    geographic_decay_km: num(20, 0.01, 100_000, 'Distance scale of where new local meetings happen, km.'),
    cognitive_homophily: num(1, 0, 64, 'Exponent on cognitive similarity in the acceptance of a local meeting.'),
    social_closure: prob(0.5, 'Probability a meeting repeats an existing tie.'),
    ties_tie: prob(0.3, 'Within a repeat meeting, probability of meeting a tie\'s tie instead (triadic closure).'),
    trust_floor: prob(0.3, 's0: trust between strangers.'),
    eta: EtaSchema,
  }, 'Proximities.'),
  contacts: section({
    per_tick: int(4, 0, LIMITS.contactsPerTick, 'Meetings per tick of a firm or institution (local buzz).'),
    resident_rate: prob(0.2, 'Probability a resident seeks a meeting in a tick.'),
    broker_rate: prob(0.3, 'Probability an intermediary member\'s meeting is brokered.'),
    pipeline_scale: num(1, 0, 100, 'Scale of the pipeline channel probability openness * o * scale.'),
    kind_weights: KindWeightsSchema,
  }, 'Meeting budgets and channels.'),
  exchange: section({
    rho_tacit: prob(0.3, 'rho_T: tacit learning rate.'),
    rho_explicit: prob(0.3, 'rho_E: explicit learning rate.'),
    c_max: num(0.7, 0.01, 1, 'Cognitive distance beyond which nothing is understood.'),
    lambda_tacit_km: num(25, 0.01, 1e6, 'Tacit distance decay, km.'),
    lambda_explicit_km: num(2000, 0.01, 1e6, 'Explicit distance decay, km.'),
    tie_up: prob(0.3, 'tau_up: tie strengthening per accepted meeting.'),
    misunderstanding_cost: num(0, 0, 10, "Cost of cognitive distance (fact 1 experiment): each meeting a firm takes part in (local or pipeline; a standing pipeline counts as a meeting of its strength s every tick) costs it (1 - understandability) x this of the tick's R&D effort. 0 = off."),
    firm_absorptive_min: prob(0.1, 'Absorptive capacity A of firms ~ U(min, max).'),
    firm_absorptive_max: prob(0.4, 'Upper end of firms\' absorptive capacity.'),
    institution_absorptive: prob(0.8, 'Absorptive capacity of institutions.'),
    resident_absorptive: prob(0.6, 'Absorptive capacity of residents.'),
  }, 'Knowledge exchange.'),
  pipeline: section({
    candidates: int(5, 1, 100, 'External partners considered for a new pipeline.'),
    initial_strength: prob(0.5, 'Strength of a new pipeline tie.'),
    decay: prob(0.01, 'Pipeline tie decay per tick.'),
    max_ties: int(8, 0, LIMITS.pipelineTies, 'Pipeline slots per agent (local ties cannot evict them).'),
    university_propensity: prob(0.5, 'Pipeline propensity o of universities and institutes.'),
    propensity_exponent: num(4, 0, 20, 'o = u^this for firms (a few gatekeepers).'),
  }, 'Global pipelines.'),
  labour: section({
    mobility: prob(0.02, 'Probability per tick a resident changes job.'),
    job_search: prob(0.25, 'Probability per tick an unemployed resident looks for a job.'),
    candidates: int(5, 1, 100, 'Nearby firms compared for a job change.'),
    absorption: prob(0.3, 'Share of the gap a new employer absorbs from a mover\'s tacit knowledge.'),
    workplace_rate: prob(0.1, 'Probability per tick an employed resident has a workplace-learning episode with the employer (same rule as a meeting).'),
    employment: prob(0.92, 'Initial share of residents employed.'),
  }, 'Labour market.'),
  learning: section({
    participation: prob(0.02, 'Probability per tick a resident takes a course.'),
    rate: prob(0.3, 'Training learning rate.'),
    deepen: z.boolean().default(false).describe('Courses deepen the learner\'s own specialisation (fact 6 experiment).'),
  }, 'Lifelong learning.'),
  migration: section({ rate: prob(0.01, 'In-migration rate (times openness) per resident per tick.') }, 'Migration.'),
  firms: section({
    exit_threshold: num(0.3, 0, 10, 'Exit when performance < this x regional mean ...'),
    exit_patience: int(12, 1, 10_000, '... for this many consecutive ticks.'),
    exit_warmup: int(20, 0, LIMITS.ticks, 'A firm cannot exit before it is this many ticks old (initial firms have random ages in [0, 2 x this)).'),
    fdi_rate: num(1, 0, 100, 'An exited slot is filled from outside with probability openness x this.'),
    spinoff_rate: prob(0.01, 'Probability per tick a free slot is filled by a spin-off.'),
    spinoff_candidates: int(5, 1, 1000, 'Residents compared for a spin-off (best is chosen).'),
    spinoff_score: z.enum(['relevance', 'capability']).default('relevance').describe("How spin-off candidates are compared: 'relevance' = sum_k (T_k + phi E_k) r_k (clones residents near the frontier: firms homogenise fast, docs/ODD.md 10.2 item 9), 'capability' = sum_k (T_k + phi E_k)."),
    performance_ewma: prob(0.1, 'EWMA weight of performance.'),
    rd_min: prob(0.1, 'R&D intensity ~ U(rd_min, rd_max).'),
    rd_max: prob(0.3, 'Upper end of R&D intensity.'),
    refill: prob(1, 'Probability an exited slot is refilled at once (else it waits for a spin-off).'),
  }, 'Firm demography.'),
  innovation: section({
    beta: num(3, 0, 1000, 'Success steepness.'),
    nu0: num(0.05, 0, 100, 'Baseline novelty.'),
    epsilon: num(0.05, 0, 100, 'Weight of capability in choosing the second domain.'),
    theta: prob(0.35, 'Capability threshold for "capable in a domain".'),
    novelty_lag: int(8, 0, 64, 'Ticks of lag of the capability masks behind novelty S.'),
    learning_by_doing: prob(0.2, 'lbd: demand-pull learning by doing.'),
    codify: prob(0.5, 'Explicit share of learning by doing.'),
    radical_below: prob(0.1, 'Radical when S is below this.'),
  }, 'Innovation.'),
  conversion: section({
    externalisation: prob(0.01, 'c_ext: tacit to explicit.'),
    internalisation: prob(0.01, 'c_int: explicit to tacit.'),
  }, 'SECI conversion.'),
  research: section({
    rate: prob(0.03, 'Research rate of universities and institutes.'),
    field_drift: prob(0.02, 'Drift of research fields towards relevant domains.'),
  }, 'Research.'),
  environment: section({
    frontier_speed: num(2.5, -100, 100, 'Frontier movement, domains per 100 ticks.'),
    frontier_width: num(3, 0.1, 128, 'w: width of the relevance bump, domains.'),
    floor: prob(0.05, 'f: relevance floor.'),
    noise_ar: prob(0.9, 'AR(1) coefficient of relevance noise.'),
    noise_step: num(0.02, 0, 1, 'SD of the noise innovation.'),
    noise_smooth: num(2, 0, 64, 'Smoothing width of the noise along the ring, domains.'),
  }, 'Moving technological frontier.'),
  external: section({
    partners: int(200, 0, LIMITS.externalPartners, 'External partners.'),
    distance_km: num(500, 0, 1e6, 'Distance to external partners, km.'),
    width: num(2, 0.1, 64, 'Profile width of an external partner, domains.'),
    amplitude: num(1, 0, 10, 'Profile amplitude of an external partner.'),
  }, 'Outside world.'),
  network: section({
    max_ties: int(16, 1, LIMITS.maxTies, 'Local tie slots per agent.'),
    min_strength: prob(0.05, 'Ties weaker than this are dropped.'),
    tie_decay: prob(0.02, 'tau_decay: local tie decay per tick.'),
  }, 'Social network.'),
  observe: section({
    every: int(1, 1, 10_000, 'Observe every n ticks.'),
    window: int(20, 1, LIMITS.ticks, 'Late window, ticks.'),
    sample: int(300, 10, 100_000, 'Pairs/nodes sampled for diversity and clustering.'),
  }, 'Observation.'),
  lock_in: section({ threshold: prob(0.55, 'locked_in = late lock-in index >= this.') }, 'Lock-in.'),
  policies: z.array(PolicySchema).max(1000).default([]),
  shocks: z.array(ShockSchema).max(1000).default([]),
  sweep: SweepSchema.optional(),
  arms: z.array(ArmSchema).max(1000).optional(),
  model: z.enum(MODEL_NAMES).optional().describe('The model the scenario runs: learning-region (default; the sections above), march-1991 (section march_1991) or cowan-jonard-2004 (section cowan_jonard_2004). A reference model reads only its own section, name, description, seed, ticks, observe, sweep and arms.'),
  march_1991: MarchSectionSchema.optional(),
  cowan_jonard_2004: CowanJonardSectionSchema.optional(),
});

/** A fully resolved scenario: every default filled in. */
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type SweepSpec = z.infer<typeof SweepSchema>;
export type Arm = z.infer<typeof ArmSchema>;

/** A scenario with all defaults (the schema applied to an empty object). */
export function defaultScenario(): Scenario {
  return ScenarioSchema.parse({});
}

/** The JSON Schema for editors (scenario.schema.json). */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' });
}
