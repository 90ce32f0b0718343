/**
 * How the map draws each kind of agent, and the HTML legend built from it. A leaf module:
 * the page's main thread reads the legend, the worker that draws the map reads the styles,
 * and neither pulls in the other's code.
 */
import { MAP_COLOURS } from './palette';

export type SymbolShape = 'square' | 'diamond' | 'triangle' | 'star';

/** Institutions by the engine's kind code: colour, shape and name. */
export const KIND_STYLE: Record<number, { colour: string; shape: SymbolShape; name: string }> = {
  1: { colour: MAP_COLOURS.university, shape: 'square', name: 'university' },
  2: { colour: MAP_COLOURS.research_institute, shape: 'square', name: 'research institute' },
  3: { colour: MAP_COLOURS.government, shape: 'diamond', name: 'government' },
  4: { colour: MAP_COLOURS.intermediary, shape: 'triangle', name: 'intermediary' },
  5: { colour: MAP_COLOURS.cultural, shape: 'star', name: 'cultural institution' },
};

/** Legend entries for the HTML legend beside the map. */
export const LEGEND = [
  { label: 'firm', colour: MAP_COLOURS.firm, shape: 'circle' },
  ...Object.values(KIND_STYLE).map((s) => ({ label: s.name, colour: s.colour, shape: s.shape })),
  { label: 'resident', colour: MAP_COLOURS.resident, shape: 'dot' },
  { label: 'member of a group: the firms an intermediary brokers among, a cluster organisation or a creative space', colour: '#000000', shape: 'ring' },
  { label: 'local tie', colour: MAP_COLOURS.localTie, shape: 'line' },
  { label: 'tacit flow between places (width)', colour: MAP_COLOURS.placeFlow, shape: 'band' },
  { label: 'pipeline (to the world)', colour: MAP_COLOURS.pipeline, shape: 'line' },
  { label: 'infrastructure link', colour: MAP_COLOURS.link, shape: 'thick' },
  { label: 'water or barrier', colour: MAP_COLOURS.water, shape: 'circle' },
];
