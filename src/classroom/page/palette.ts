/**
 * Okabe–Ito colours (safe for the common colour-vision deficiencies). Every map symbol
 * also differs in shape or stroke, so nothing is told by colour alone.
 */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** Map colours by role. */
export const MAP_COLOURS = {
  firm: OKABE_ITO.blue,
  localTie: OKABE_ITO.skyBlue,
  pipeline: OKABE_ITO.vermillion,
  university: OKABE_ITO.orange,
  research_institute: OKABE_ITO.reddishPurple,
  government: OKABE_ITO.black,
  intermediary: OKABE_ITO.bluishGreen,
  cultural: OKABE_ITO.yellow,
  resident: '#c4c4c4',
  link: OKABE_ITO.black,
  placeFlow: OKABE_ITO.bluishGreen,
  place: '#eeeeee',
  water: '#a6cee3',
} as const;

/** Two regions in compare mode. */
export const REGION_COLOURS = [OKABE_ITO.blue, OKABE_ITO.vermillion] as const;

/** Two regions in compare mode when colour already tells the series apart: A solid, B dashed. */
export const REGION_DASHES: readonly number[][] = [[], [7, 4]];
