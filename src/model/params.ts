/**
 * The scenario flattened into plain numbers for the hot loops. `Params` is rebuilt from
 * the scenario plus the active policies whenever a policy starts or ends (or a
 * classroom slider moves), never inside the tick loop.
 */
import { ETA_KINDS, KINDS, type Policy, type Scenario } from '../scenario/schema';
import { N_ETA, N_KINDS } from './kinds';

export interface Params {
  K: number;
  phi: number;
  capacity: Float64Array; // by kind
  relA: number;
  relFloor: number;
  delta: number;
  deltaUse: number;
  deltaIdle: number;
  h: number;
  hRef: number;
  gamma: number;
  noveltyEwma: number;
  openness: number;
  geoDecayKm: number;
  homophily: number;
  closure: number;
  tiesTie: number;
  trustFloor: number;
  eta: Float64Array; // N_KINDS x N_ETA
  perTick: number;
  residentRate: number;
  brokerRate: number;
  pipelineScale: number;
  kindWeights: Float64Array; // N_KINDS x N_KINDS
  rhoT: number;
  rhoE: number;
  cMax: number;
  lambdaT: number;
  lambdaE: number;
  tieUp: number;
  misunderstandingCost: number;
  pipeCandidates: number;
  pipeInitial: number;
  pipeDecay: number;
  mobility: number;
  jobSearch: number;
  jobCandidates: number;
  absorption: number;
  workplaceRate: number;
  participation: number;
  trainingRate: number;
  deepen: boolean;
  migration: number;
  exitThreshold: number;
  exitPatience: number;
  exitWarmup: number;
  fdiRate: number;
  spinoffRate: number;
  spinoffCandidates: number;
  /** Spin-off candidates scored with relevance weights (firms.spinoff_score 'relevance'). */
  spinoffByRelevance: boolean;
  perfEwma: number;
  refill: number;
  institutionsEmploy: number;
  rdMin: number;
  rdMax: number;
  absorptiveMin: number;
  absorptiveMax: number;
  propensityExponent: number;
  beta: number;
  nu0: number;
  epsilon: number;
  theta: number;
  lbd: number;
  codify: number;
  radicalBelow: number;
  cExt: number;
  cInt: number;
  researchRate: number;
  fieldDrift: number;
  externalKm: number;
  minStrength: number;
  tieDecay: number;
}

/** Flattens the scenario's own settings (no policies). */
export function baseParams(s: Scenario): Params {
  const eta = new Float64Array(N_KINDS * N_ETA);
  KINDS.forEach((from, i) => ETA_KINDS.forEach((to, j) => (eta[i * N_ETA + j] = s.proximity.eta[from][to])));
  const kindWeights = new Float64Array(N_KINDS * N_KINDS);
  KINDS.forEach((from, i) => KINDS.forEach((to, j) => (kindWeights[i * N_KINDS + j] = s.contacts.kind_weights[from][to])));
  const c = s.knowledge.capacity;
  return {
    K: s.knowledge.domains,
    phi: s.knowledge.phi,
    capacity: Float64Array.from([c.firm, c.university, c.research_institute, c.government, c.intermediary, c.cultural, c.resident]),
    relA: s.knowledge.relatedness_exponent,
    relFloor: s.knowledge.relatedness_floor,
    delta: s.knowledge.delta,
    deltaUse: s.knowledge.delta_use,
    deltaIdle: s.knowledge.delta_idle,
    h: s.knowledge.attention_rate,
    hRef: s.knowledge.attention_ref,
    gamma: s.knowledge.gamma,
    noveltyEwma: s.knowledge.novelty_ewma,
    openness: s.openness,
    geoDecayKm: s.proximity.geographic_decay_km,
    homophily: s.proximity.cognitive_homophily,
    closure: s.proximity.social_closure,
    tiesTie: s.proximity.ties_tie,
    trustFloor: s.proximity.trust_floor,
    eta,
    perTick: s.contacts.per_tick,
    residentRate: s.contacts.resident_rate,
    brokerRate: s.contacts.broker_rate,
    pipelineScale: s.contacts.pipeline_scale,
    kindWeights,
    rhoT: s.exchange.rho_tacit,
    rhoE: s.exchange.rho_explicit,
    cMax: s.exchange.c_max,
    lambdaT: s.exchange.lambda_tacit_km,
    lambdaE: s.exchange.lambda_explicit_km,
    tieUp: s.exchange.tie_up,
    misunderstandingCost: s.exchange.misunderstanding_cost,
    pipeCandidates: s.pipeline.candidates,
    pipeInitial: s.pipeline.initial_strength,
    pipeDecay: s.pipeline.decay,
    mobility: s.labour.mobility,
    jobSearch: s.labour.job_search,
    jobCandidates: s.labour.candidates,
    absorption: s.labour.absorption,
    workplaceRate: s.labour.workplace_rate,
    participation: s.learning.participation,
    trainingRate: s.learning.rate,
    deepen: s.learning.deepen,
    migration: s.migration.rate,
    exitThreshold: s.firms.exit_threshold,
    exitPatience: s.firms.exit_patience,
    exitWarmup: s.firms.exit_warmup,
    fdiRate: s.firms.fdi_rate,
    spinoffRate: s.firms.spinoff_rate,
    spinoffCandidates: s.firms.spinoff_candidates,
    spinoffByRelevance: s.firms.spinoff_score === 'relevance',
    perfEwma: s.firms.performance_ewma,
    refill: s.firms.refill,
    institutionsEmploy: s.agents.institutions_employ,
    rdMin: s.firms.rd_min,
    rdMax: s.firms.rd_max,
    absorptiveMin: s.exchange.firm_absorptive_min,
    absorptiveMax: s.exchange.firm_absorptive_max,
    propensityExponent: s.pipeline.propensity_exponent,
    beta: s.innovation.beta,
    nu0: s.innovation.nu0,
    epsilon: s.innovation.epsilon,
    theta: s.innovation.theta,
    lbd: s.innovation.learning_by_doing,
    codify: s.innovation.codify,
    radicalBelow: s.innovation.radical_below,
    cExt: s.conversion.externalisation,
    cInt: s.conversion.internalisation,
    researchRate: s.research.rate,
    fieldDrift: s.research.field_drift,
    externalKm: s.external.distance_km,
    minStrength: s.network.min_strength,
    tieDecay: s.network.tie_decay,
  };
}

/**
 * Overrides of the parameter kind that policies make while active (MODEL-SPEC 6): a policy
 * sets its value, below the current one too (a region closing up is a policy as well,
 * issue 16); of several active policies of one kind, the last in the list wins.
 * Structural policies (cluster organisations, creative spaces, infrastructure) act on
 * the state instead; see policies.ts.
 */
export function applyParameterPolicy(p: Params, policy: Policy): void {
  switch (policy.kind) {
    case 'lifelong_learning':
      p.participation = policy.participation;
      if (policy.deepen) p.deepen = true;
      break;
    case 'open_region':
      p.openness = policy.openness;
      break;
    case 'technology_transfer':
      for (const [a, b] of [[0, 1], [0, 2], [1, 0], [2, 0]]) p.eta[a * N_ETA + b] = policy.eta;
      break;
    case 'research_funding':
      p.researchRate = policy.rate;
      break;
    case 'codification':
      p.cExt = policy.externalisation;
      break;
    default:
      break;
  }
}
