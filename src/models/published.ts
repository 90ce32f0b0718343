/**
 * What the reference models are checked against (docs/replications.md and the validation
 * suite read this one table), and every modelling choice the papers leave open, with its
 * source. Knowledge values are March's (correct - wrong) / m.
 */

/** March (1991) Figure 1: the code's equilibrium knowledge at (p2, p1), as given in issue 21 from a 10,000-run public replication. */
export const MARCH_FIGURE1 = {
  source: 'March (1991) Figure 1 as reproduced by a 10,000-run public replication (values quoted in lrsim issue 21)',
  points: [
    { codification: 0.5, socialization: 0.1, value: 0.954 },
    { codification: 0.5, socialization: 0.5, value: 0.811 },
    { codification: 0.5, socialization: 0.9, value: 0.742 },
    { codification: 0.9, socialization: 0.1, value: 0.972 },
    { codification: 0.9, socialization: 0.5, value: 0.84 },
    { codification: 0.9, socialization: 0.9, value: 0.728 },
  ],
  /** p2 = 0.1: "nearly flat, 0.80-0.86" at every p1. */
  slowCode: { codification: 0.1, low: 0.8, high: 0.86 },
  tolerance: 0.02,
} as const;

/**
 * The public Python replication (github.com/Mac13kW/March_1991_Original, run unchanged but
 * for its plotting and file output, with Debian's numpy, outside the repository) at the one
 * point where lrsim's interval leaves the tolerance band: measured on 2 December 2026.
 */
export const MARCH_PYTHON_CHECK = { codification: 0.5, socialization: 0.5, runs: 200, mean: 0.8207 } as const;

/** Cowan and Jonard (2004), abstract: mean knowledge peaks in the small world, about 10 % of ties long. */
export const COWAN_JONARD_FINDINGS = [
  'Steady-state mean knowledge is highest in the small world (about p = 0.1 in their runs).',
  'The variance of knowledge across agents is largest in the small world, while its coefficient of variation is smallest.',
] as const;

export interface ModellingChoice {
  model: 'march-1991' | 'cowan-jonard-2004';
  topic: string;
  choice: string;
  source: string;
}

export const MODELLING_CHOICES: readonly ModellingChoice[] = [
  { model: 'march-1991', topic: 'Order within a period', choice: 'Turnover, turbulence, members act, members socialize, the code learns. Socialization reads the code as it was at the start of the period and the code learns from the actions taken at its start, so the two learning rules are simultaneous.', source: 'Christensen (2015), as coded in the public replication (Workiewicz 2019); March (1991: 74) gives both rules without an order.' },
  { model: 'march-1991', topic: 'How socialization proceeds', choice: 'Gradual: with probability p1 a belief that differs from a non-zero code moves one step towards it (-1 to 0 to +1 or back); a 0 in the code leaves the belief alone.', source: 'Christensen (2015: 4); March (1991: 74) says the belief "changes to that of the code", which read literally is one jump.' },
  { model: 'march-1991', topic: 'Who is superior', choice: 'Members act on their beliefs, flipping a fair coin where a belief is 0; those whose actions score more than the code (code x reality) form the superior group, and the code learns from their actions.', source: 'Christensen (2015); March (1991: 74, footnote 1) reads as a comparison of beliefs.' },
  { model: 'march-1991', topic: 'Ties in the majority', choice: 'A strict majority is needed: when the superior group splits evenly on a dimension, the code stays as it is.', source: 'March (1991: 74, footnote 1: k > 0), as in the public replication.' },
  { model: 'march-1991', topic: 'Code learning probability', choice: 'Where the superior group\'s majority differs from the code, the code adopts it with probability 1 - (1 - p2)^k, k = votes for the majority minus votes against.', source: 'March (1991: 74, footnote 1). The replication rounds 1 - p2 to two decimals, which changes nothing at p2 = 0.1, 0.5, 0.9.' },
  { model: 'march-1991', topic: 'Equilibrium', choice: 'A run stops when no member could beat the code even with every coin flip right and no member differs from a non-zero code belief (an absorbing state), tested against the code after the period\'s learning; `ticks` caps the periods and runs that do not get there report their last value (equilibrium_reached = 0).', source: 'March (1991: 75) describes the equilibrium; the test is the replication\'s, which uses the code\'s score before the period\'s learning and so stops at the same state one period later or at the same time.' },
  { model: 'march-1991', topic: 'Random draws', choice: 'A draw is made only where it can change something (a socialization draw only where the member differs from a non-zero code): the same distribution as a draw for every member and dimension, fewer draws. Streams are lrsim\'s seeded Alea, so single runs differ from numpy\'s.', source: 'lrsim (speed; STYLE habit 1).' },
  { model: 'march-1991', topic: 'Slow learners', choice: 'The first `slow_learners` members socialize at slow_socialization_rate, the rest at socialization_rate.', source: 'March (1991: 76, Figure 2: a mixed population of fast and slow learners).' },
  { model: 'cowan-jonard-2004', topic: 'Network', choice: 'Ring lattice of N agents with n/2 neighbours on each side; each lattice edge in turn keeps its far end with probability 1 - p, else moves it to a uniformly drawn agent that is neither the agent itself nor already linked to it.', source: 'Watts and Strogatz (1998), the construction Cowan and Jonard (2004) use.' },
  { model: 'cowan-jonard-2004', topic: 'Meetings', choice: 'A period is N meetings, each of a uniformly drawn agent with a uniformly drawn neighbour of it, one after another.', source: 'Our reading of Cowan and Jonard (2004); the paper\'s own schedule could not be checked against its text here.' },
  { model: 'cowan-jonard-2004', topic: 'Barter', choice: 'Two neighbours trade when each leads the other in some category; then in every category the one behind absorbs alpha of the gap (gaps read before either moves).', source: 'Cowan and Jonard (2004), abstract and model section as summarised in lrsim issue 21.' },
  { model: 'cowan-jonard-2004', topic: 'End of trading', choice: 'A lead counts only above trade_threshold (0.001 of the initial range): with continuous knowledge two traders never become exactly equal, so without it trading would go on for ever in vanishing steps. The steady state is the first period after which no pair of neighbours can trade.', source: 'lrsim; not from the paper.' },
  { model: 'cowan-jonard-2004', topic: 'Initial knowledge and sizes', choice: 'Each category uniform on [0, 1); N = 500, n = 10, K = 10; absorptive capacities 0.25 and 0.5.', source: 'lrsim\'s choice: the paper\'s exact initial distribution and sizes were not available here to check.' },
  { model: 'cowan-jonard-2004', topic: 'Measures', choice: 'An agent\'s knowledge is its mean over categories; the outcomes are the mean, variance and coefficient of variation across agents at the end of the run, the network\'s mean shortest path over connected pairs and its mean local clustering.', source: 'Cowan and Jonard (2004) report mean knowledge, its variance and its coefficient of variation; path length and clustering as Watts and Strogatz (1998).' },
];
