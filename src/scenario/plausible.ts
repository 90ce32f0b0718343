/**
 * Plausible ranges of the numeric scenario parameters, beside their hard limits in the
 * schema: where a value is believable for a learning region, as opposed to merely
 * computable. They bound the sensitivity screening of docs/sensitivity.md.
 *
 * Most parameters have no empirical range (they are behavioural rates of a stylised
 * model). For those the plausible range is the calibration default x 0.5 to x 2 (clipped
 * to the hard limits), the band in which the audit of issue 15 found the calibration's
 * facts to hold; integers are rounded outwards. Where a parameter has an empirical anchor,
 * a constraint, or a default at the edge of its scale, the range is set explicitly below
 * with its reason. Parameters that size the region or define what is measured are not
 * screened (NOT_SCREENED, with the reason).
 */
import { defaultScenario, LIMITS } from './schema';

export interface PlausibleRange {
  min: number;
  max: number;
  integer: boolean;
  /** Where the range comes from. */
  source: string;
}

const HALF_TO_DOUBLE = 'default x 0.5 to x 2 (no empirical range; the band around the calibration)';

/** Explicit ranges, with their reasons. */
const EXPLICIT: Record<string, [number, number, string]> = {
  openness: [0.03, 0.3, 'regions from inward-looking to open; the shares of external ties in Bathelt et al. (2004)-style pipeline studies rarely exceed a third'],
  'knowledge.phi': [0.25, 0.75, 'explicit knowledge counts less than tacit for usable capability (Nonaka & Takeuchi 1995) but not negligibly'],
  'knowledge.relatedness_floor': [0, 0.05, 'unrelated domains are nearly useless (Frenken et al. 2007); the default 0.01 sits in [0, 0.05]'],
  'knowledge.domains': [16, 36, 'the ring must hold the frontier bump (width 3) several times over; fewer than 16 domains makes every firm related to every other'],
  'environment.frontier_width': [1.5, 6, 'default x 0.5 to x 2; the audit of issue 15 found lock-in driven by it, so its band is kept exactly at the calibration band'],
  'knowledge.initial_width': [1, 2.6, 'default x 0.5 to x 1.3: at most a sixth of the smallest plausible ring (16 domains), the schema\'s rule that firms on opposite sides of the ring must not overlap (domains >= 6 x initial_width)'],
  'environment.frontier_speed': [1, 5, 'frontier moving 1 to 5 domains per 100 ticks (25 years): a technological paradigm every 5 to 25 years (Dosi 1982)'],
  'environment.noise_ar': [0.8, 0.97, 'persistent relevance noise; AR(1) coefficients of sectoral demand shocks are high (0.8 to 0.97 per quarter)'],
  'environment.floor': [0.02, 0.1, 'a small relevance floor: outdated domains keep a little value'],
  'labour.employment': [0.85, 0.97, 'regional employment rates: unemployment from 3 % to 15 %'],
  'labour.mobility': [0.01, 0.04, 'quarterly job-to-job mobility of 1 % to 4 % (4 % to 15 % a year, OECD labour-turnover range)'],
  'exchange.institution_absorptive': [0.5, 1, 'institutions (universities, agencies) absorb well; capped at 1'],
  'exchange.resident_absorptive': [0.3, 0.9, 'default x 0.5 to x 1.5 (capped below 1)'],
  'exchange.firm_absorptive_min': [0.05, 0.2, 'kept below the smallest firm_absorptive_max so the interval U(min, max) stays ordered'],
  'exchange.firm_absorptive_max': [0.25, 0.6, 'kept above the largest firm_absorptive_min'],
  'exchange.c_max': [0.4, 1, 'default 0.7; understanding ends between 0.4 and 1 of the cognitive distance scale (Nooteboom 2000: an optimal distance exists)'],
  'exchange.misunderstanding_cost': [0, 0.5, 'off by default (0); up to half a tick\'s R&D effort per wholly misunderstood meeting'],
  'firms.rd_min': [0.05, 0.15, 'R&D intensity lower end, kept below the smallest rd_max'],
  'firms.rd_max': [0.2, 0.45, 'R&D intensity upper end, kept above the largest rd_min'],
  'firms.refill': [0.5, 1, 'default 1 (every exited slot refilled at once); at most 1'],
  'agents.institutions_employ': [0, 0.1, 'off by default (0); up to a tenth of residents work in institutions (public research and culture)'],
  'innovation.codify': [0.25, 0.75, 'explicit share of learning by doing: a quarter to three quarters'],
  'innovation.theta': [0.2, 0.5, 'the "capable" threshold must stay below initial capability near a firm\'s centre (0.4 + 0.5 x 0.3)'],
  'proximity.social_closure': [0.25, 0.75, 'share of repeat meetings: between a quarter and three quarters'],
  'labour.job_search': [0.1, 0.5, 'quarterly job-finding probability of the unemployed: 10 % to 50 %'],
};

/** Parameters (path prefixes) left out of the screening, with the reason. */
export const NOT_SCREENED: Record<string, string> = {
  seed: 'the seed is the noise, separated as the noise share',
  ticks: 'run length: an observation choice',
  'agents.firms': 'region size: screened apart (scale effects) rather than mixed with behaviour',
  'agents.residents': 'region size',
  'agents.institutions': 'counts of 0 to 2 institutions: discrete scenarios, compared as arms',
  observe: 'what is measured, not the model',
  'lock_in.threshold': 'the definition of locked_in, not the model',
  'proximity.eta': '56 pairwise proximities: too many for this budget; screen them as one factor per row in a later study',
  'contacts.kind_weights': '49 meeting weights: as proximity.eta',
};

const excluded = (path: string) => Object.keys(NOT_SCREENED).some((p) => path === p || path.startsWith(`${p}.`));

/** Every numeric leaf of the default scenario, in schema order, as [path, default]. */
function numericDefaults(): [string, number][] {
  const out: [string, number][] = [];
  const walk = (o: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      const path = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'number') out.push([path, v]);
      else if (v && typeof v === 'object' && !Array.isArray(v)) walk(v as Record<string, unknown>, path);
    }
  };
  walk(defaultScenario() as unknown as Record<string, unknown>, '');
  return out;
}

/** Integer-valued parameters (their defaults are whole and the schema says int). */
const INTEGER_PATHS = new Set([
  'knowledge.domains', 'agents.intermediary_members', 'contacts.per_tick', 'pipeline.candidates', 'pipeline.max_ties',
  'labour.candidates', 'firms.exit_patience', 'firms.exit_warmup', 'firms.spinoff_candidates', 'innovation.novelty_lag',
  'external.partners', 'network.max_ties',
]);

/** Upper limits of probabilities and a few bounded quantities (the rule x 2 must not cross them). */
function hardMax(path: string): number {
  if (path === 'pipeline.max_ties') return LIMITS.pipelineTies;
  if (path === 'network.max_ties') return LIMITS.maxTies;
  if (path === 'contacts.per_tick') return LIMITS.contactsPerTick;
  return Infinity;
}

/** Plausible range of every screened numeric parameter, by dot path, in schema order. */
export function plausibleRanges(): Map<string, PlausibleRange> {
  const out = new Map<string, PlausibleRange>();
  for (const [path, def] of numericDefaults()) {
    if (excluded(path)) continue;
    const integer = INTEGER_PATHS.has(path);
    const explicit = EXPLICIT[path];
    if (explicit) {
      out.set(path, { min: explicit[0], max: explicit[1], integer, source: explicit[2] });
      continue;
    }
    let min = def / 2;
    let max = Math.min(def * 2, hardMax(path));
    if (integer) [min, max] = [Math.max(1, Math.floor(min)), Math.ceil(max)];
    out.set(path, { min, max, integer, source: HALF_TO_DOUBLE });
  }
  return out;
}
