/**
 * Colours and labels of the analysis results: the single place for Gi* class colours (the
 * ArcGIS hot spot renderer), the emerging hot spot palette and the cluster ranking style.
 * The analysis layer, its popups and its legend all ask here.
 *
 * Not-significant Gi* cells and "no pattern" emerging cells are not drawn at all: they
 * usually cover most of the borough, and drawing them (even faintly) would hide the
 * boundaries' tooltips and popups under thousands of uninformative cells. The legend says so.
 */

/** Gi* classes, hot first, with the ArcGIS Pro hot spot renderer colours. */
export const GISTAR_CLASSES = [
  { id: 'hot-99', label: 'Hot spot, 99 % confidence', colour: '#D7301F', drawn: true },
  { id: 'hot-95', label: 'Hot spot, 95 % confidence', colour: '#FC8D59', drawn: true },
  { id: 'hot-90', label: 'Hot spot, 90 % confidence', colour: '#FFD2A2', drawn: true },
  { id: 'not-significant', label: 'Not significant (not drawn)', colour: '#FFFFBE', drawn: false },
  { id: 'cold-90', label: 'Cold spot, 90 % confidence', colour: '#D7E6FC', drawn: true },
  { id: 'cold-95', label: 'Cold spot, 95 % confidence', colour: '#73B2FF', drawn: true },
  { id: 'cold-99', label: 'Cold spot, 99 % confidence', colour: '#005CE6', drawn: true },
];

/** Emerging hot spot categories: reds for hot, blues for cold, darker for stronger patterns. */
export const EMERGING_CATEGORIES = [
  { id: 'intensifying-hot-spot', label: 'Intensifying hot spot', colour: '#67000d', drawn: true },
  { id: 'persistent-hot-spot', label: 'Persistent hot spot', colour: '#c0141c', drawn: true },
  { id: 'consecutive-hot-spot', label: 'Consecutive hot spot', colour: '#ef3b2c', drawn: true },
  { id: 'new-hot-spot', label: 'New hot spot', colour: '#fb6a4a', drawn: true },
  { id: 'diminishing-hot-spot', label: 'Diminishing hot spot', colour: '#fc9272', drawn: true },
  { id: 'sporadic-hot-spot', label: 'Sporadic hot spot', colour: '#fdbf9f', drawn: true },
  { id: 'oscillating-hot-spot', label: 'Oscillating hot spot', colour: '#d9559b', drawn: true },
  { id: 'historical-hot-spot', label: 'Historical hot spot', colour: '#a1665e', drawn: true },
  { id: 'intensifying-cold-spot', label: 'Intensifying cold spot', colour: '#08306b', drawn: true },
  { id: 'persistent-cold-spot', label: 'Persistent cold spot', colour: '#1157a4', drawn: true },
  { id: 'consecutive-cold-spot', label: 'Consecutive cold spot', colour: '#2b7bba', drawn: true },
  { id: 'new-cold-spot', label: 'New cold spot', colour: '#4a98c9', drawn: true },
  { id: 'diminishing-cold-spot', label: 'Diminishing cold spot', colour: '#7db8da', drawn: true },
  { id: 'sporadic-cold-spot', label: 'Sporadic cold spot', colour: '#b7d4ea', drawn: true },
  { id: 'oscillating-cold-spot', label: 'Oscillating cold spot', colour: '#6a51a3', drawn: true },
  { id: 'historical-cold-spot', label: 'Historical cold spot', colour: '#5e7891', drawn: true },
  { id: 'no-pattern', label: 'No pattern detected (not drawn)', colour: '#ffffff', drawn: false },
];

/** DBSCAN clusters: one colour; the fill fades with rank so the largest clusters stand out. */
export const CLUSTER_STYLE = { color: '#8e0b0b', weight: 2, fillColor: '#d7301f' };
const CLUSTER_FILL_OPACITY = { largest: 0.6, smallest: 0.12 };

/** Density contours: thin dark lines over the density tiles. */
export const CONTOUR_STYLE = { color: '#3b0f3b', weight: 1.5, fill: false, opacity: 0.9 };

/** Opacity of the kernel density tiles, so boundaries stay visible underneath. */
export const DENSITY_TILE_OPACITY = 0.75;

const UNKNOWN_COLOUR = '#9e9e9e';
const CELL_STYLE = { color: '#5f5f5f', weight: 0.5, opacity: 0.6, fillOpacity: 0.75 };

const GISTAR_BY_ID = new Map(GISTAR_CLASSES.map((entry) => [entry.id, entry]));
const EMERGING_BY_ID = new Map(EMERGING_CATEGORIES.map((entry) => [entry.id, entry]));

/** The fill colour of a Gi* class ("hot-99" …). */
export function getGiStarColor(classId) {
  const entry = GISTAR_BY_ID.get(classId);
  return entry ? entry.colour : UNKNOWN_COLOUR;
}

/** The fill colour of an emerging hot spot category slug. */
export function getEmergingColor(category) {
  const entry = EMERGING_BY_ID.get(category);
  return entry ? entry.colour : UNKNOWN_COLOUR;
}

/** A readable label for a Gi* class or an emerging category; the slug itself when unknown. */
export function giStarLabel(classId) {
  const entry = GISTAR_BY_ID.get(classId);
  return entry ? entry.label.replace(' (not drawn)', '') : String(classId || 'Unclassified');
}

export function emergingLabel(category) {
  const entry = EMERGING_BY_ID.get(category);
  return entry ? entry.label.replace(' (not drawn)', '') : String(category || 'Unclassified');
}

/** False for the classes that are left off the map (not significant, no pattern). */
export function isGiStarDrawn(classId) {
  const entry = GISTAR_BY_ID.get(classId);
  return entry ? entry.drawn : true;
}

export function isEmergingDrawn(category) {
  const entry = EMERGING_BY_ID.get(category);
  return entry ? entry.drawn : true;
}

/** Style of a Gi* or emerging cell, given its fill colour. */
export function cellStyle(fillColor) {
  return { ...CELL_STYLE, fillColor };
}

/** Style of the cluster ranked `rank` (1 = largest) of `clusterCount`: the fill fades linearly with rank. */
export function clusterStyle(rank, clusterCount) {
  const { largest, smallest } = CLUSTER_FILL_OPACITY;
  const position = clusterCount > 1 && Number.isFinite(rank)
    ? Math.min(1, Math.max(0, (rank - 1) / (clusterCount - 1)))
    : 0;
  return { ...CLUSTER_STYLE, fillOpacity: largest - position * (largest - smallest) };
}

/** A CSS class for a slug-like value, for styling and tests; empty for unsafe values. */
export function slugClassName(prefix, value) {
  return typeof value === 'string' && /^[a-z0-9-]+$/.test(value) ? `${prefix}--${value}` : '';
}
