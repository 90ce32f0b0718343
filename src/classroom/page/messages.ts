/**
 * Every message the classroom page shows a teacher, in one place. Each names what it is
 * about and says how to fix it.
 */

const list = (xs: readonly string[]) => xs.join(', ');

/** Problems in a setup link (the part of the address after '#'). */
export const setupMessages = {
  unknownScenario: (name: string, known: readonly string[]) =>
    `Link: scenario "${name}" is not on this page; use one of ${list(known)}. The page opened its first scenario instead.`,
  unknownSetting: (where: string, path: string, known: readonly string[]) =>
    `Link, ${where}: "${path}" is not a slider setting; use one of ${list(known)}. It was left out.`,
  badValue: (where: string, path: string, raw: string, min: number, max: number) =>
    `Link, ${where}: ${path} = "${raw}" is not a number from ${min} to ${max}. It was left out.`,
  badSeed: (raw: string) => `Link: seed "${raw}" is not a whole number from 0 to 4294967295. The scenario's seed was used.`,
  badEntry: (item: string) => `Link, at: "${item}" is not TICK:ACTION (for example 80:bridge or 40:openness=0.5). It was left out.`,
  unknownButton: (tick: number, id: string, known: readonly string[]) =>
    `Link, at ${tick}: "${id}" is not a policy or shock; use one of ${list(known)}. It was left out.`,
};

/** Errors of the live-parameter adapter (a slider the engine may not move live). */
export const liveMessages = {
  notLive: (path: string, live: readonly string[]) => `Slider "${path}" is not a live parameter; use one of ${list(live)}.`,
  notFinite: (path: string) => `Slider "${path}": the value must be a finite number.`,
};

/** Messages of the page's own controls. */
export const pageMessages = {
  copied: 'Link copied: it reproduces this setup and every action at its tick.',
  copyFailed: 'Copy the address from the browser\'s address bar: this browser does not let the page copy it.',
  runToPast: (tick: number, now: number) => `Run to tick ${tick}: the run is already at tick ${now}; press Reset first, or pick a later tick.`,
  runToBad: (raw: string, max: number) => `Run to tick: "${raw}" is not a whole number from 1 to ${max}.`,
  needWindow: (window: number) => `Run at least ${window} ticks first (the late window).`,
  noBridge: 'This region has only one place: no bridge to build.',
  /** Under the results note: it describes a whole sweep, whose charts and arms are not on this page. */
  happenedSource: (name: string) =>
    `This note describes the scenario's own sweep (all its design points, arms and seeds). The charts and arms it names are in that sweep's report: run \`npx lrsim sweep ${name}\` and open its report.html. This page runs one region, on one seed, with the policies you switch on.`,
  noOffscreenCanvas: 'This browser cannot draw the map in the background (it lacks OffscreenCanvas): open the page in a current Chrome, Edge, Firefox or Safari (16.4 or later).',
  simulationStopped: (message: string) => `The simulation stopped: ${message}`,
  workerFailed: (message: string) => `The simulation worker failed: ${message}`,
  // --- the ensemble (reveal) ----------------------------------------------------------------
  ensembleStarted: (jobs: number, ticks: number) => `Running ${jobs} replicates of ${ticks} ticks in the background…`,
  ensembleProgress: (done: number, total: number) => `Running replicates: ${done} of ${total} done…`,
  ensembleDone: (replicates: number, seconds: number, faithful: boolean, sentences: readonly string[]) =>
    `Done: ${replicates} replicates in ${seconds.toFixed(1)} s` +
    `${faithful ? ' (your run, replayed with its own seed, came out identical)' : ''}. ${sentences.join(' ')}`,
  replayDiffers: 'The replay of your own run with its own seed did not reproduce it; the ensemble is not comparable.',
  ensembleFailed: (message: string) => `Ensemble failed: ${message}`,
  ensembleWorkerFailed: 'ensemble worker failed',
  noCanvas: 'This browser cannot draw on a canvas.',
};
