/**
 * The analysis legend: a second collapsible L.control, shown only while a result is drawn.
 * Colours come from analysis-styles.js (and, for density, from the service's legend).
 */
import { createElement } from './dom.js';
import { buildList, createLineSwatch } from './legend.js';
import {
  CONTOUR_STYLE, EMERGING_CATEGORIES, GISTAR_CLASSES, cellStyle, clusterStyle,
} from './analysis-styles.js';
import { formatCount, formatNumber } from './analysis-popups.js';

/** Same breakpoint as the narrow-screen layout in app.css. */
const NARROW_SCREEN = '(max-width: 40rem)';
const UNKNOWN_CLASS_COLOUR = '#cccccc';

/**
 * Creates the control (hidden until show()).
 * @returns {L.Control & {show: function(string, Object), hide: function()}}
 */
export function createAnalysisLegend() {
  const control = L.control({ position: 'topright' });
  const container = createElement('details', 'map-legend analysis-legend');
  container.id = 'analysis-legend';
  container.hidden = true;
  L.DomEvent.disableClickPropagation(container);
  L.DomEvent.disableScrollPropagation(container);

  control.onAdd = () => container;

  /** Shows the legend for a drawn result ({featureCount, response} from the analysis layer). */
  control.show = (methodId, result) => {
    const build = BUILDERS[methodId];
    container.replaceChildren(createElement('summary', null, 'Analysis legend'), ...build(result.response || {}, result));
    container.open = !window.matchMedia(NARROW_SCREEN).matches;
    container.hidden = false;
  };

  control.hide = () => {
    container.hidden = true;
    container.replaceChildren();
  };
  return control;
}

const BUILDERS = {
  clusters: clusterLegend,
  gistar: giStarLegend,
  emerging: emergingLegend,
  density: densityLegend,
};

function clusterLegend(response, result) {
  const count = result.featureCount;
  const rows = [[createLineSwatch(clusterStyle(1, count)), 'Cluster #1 (largest)']];
  if (count > 1) {
    rows.push([createLineSwatch(clusterStyle(count, count)), `Cluster #${count} (smallest)`]);
  }
  return [
    createElement('h2', null, 'DBSCAN clusters'),
    buildList(rows),
    createElement('p', 'map-legend__note', 'Stronger fill = larger cluster. Incidents outside every cluster are noise.'),
  ];
}

function giStarLegend(response) {
  const counts = (response.summary && response.summary.classCounts) || {};
  const rows = GISTAR_CLASSES.map((entry) => [
    createLineSwatch(cellStyle(entry.colour)),
    withCount(entry.label, counts[entry.id]),
  ]);
  return [createElement('h2', null, 'Gi* hot spots'), buildList(rows)];
}

function emergingLegend(response) {
  const counts = (response.summary && response.summary.categoryCounts) || {};
  const hasCounts = Object.keys(counts).length > 0;
  // With counts, list only the categories found (plus "no pattern"), so 17 rows do not crowd the map.
  const entries = EMERGING_CATEGORIES.filter((entry) => !hasCounts || !entry.drawn || counts[entry.id] > 0);
  const rows = entries.map((entry) => [createLineSwatch(cellStyle(entry.colour)), withCount(entry.label, counts[entry.id])]);
  return [createElement('h2', null, 'Emerging hot spots'), buildList(rows)];
}

function densityLegend(response) {
  const legend = response.legend || {};
  const unit = legend.unit || 'incidents per km²';
  const classes = Array.isArray(legend.classes) ? legend.classes : [];
  const rows = classes.map((entry) => [
    createLineSwatch({ fillColor: safeColour(entry.colour), fillOpacity: 1, color: '#9e9e9e', weight: 0.5 }),
    `${formatNumber(entry.from, 1) ?? '?'} – ${formatNumber(entry.to, 1) ?? '?'}`,
  ]);
  const parts = [createElement('h2', null, `Kernel density (${unit})`), buildList(rows)];
  if (response.contours) {
    parts.push(buildList([[createLineSwatch(CONTOUR_STYLE), 'Contour (click for its level)']]));
  }
  return parts;
}

function withCount(label, count) {
  return Number.isFinite(count) ? `${label}: ${formatCount(count)}` : label;
}

/** Only #rgb / #rrggbb colours from the service reach an SVG attribute; anything else is grey. */
function safeColour(colour) {
  return typeof colour === 'string' && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(colour) ? colour : UNKNOWN_CLASS_COLOUR;
}
