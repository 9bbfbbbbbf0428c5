/**
 * Plain-text summaries of analysis results for the panel: a headline for the status line,
 * detail lines (the parameters the service actually used, such as the chosen band) and the
 * service's warnings. Missing members are skipped, never shown as "undefined".
 */
import { EMERGING_CATEGORIES, GISTAR_CLASSES } from './analysis-styles.js';
import { formatCount, formatNumber, formatShare } from './analysis-popups.js';

/**
 * @param {string} methodId clusters | gistar | emerging | density
 * @param {{featureCount: number, response: Object, tileErrors: number}} result from the analysis layer
 * @returns {{headline: string, lines: string[], warnings: string[]}}
 */
export function describeResult(methodId, result) {
  const describe = DESCRIBERS[methodId];
  const summary = describe(result.response || {}, result);
  return { ...summary, lines: summary.lines.filter(Boolean) };
}

const DESCRIBERS = {
  clusters: describeClusters,
  gistar: describeGiStar,
  emerging: describeEmerging,
  density: describeDensity,
};

function describeClusters(response, result) {
  const summary = response.summary || {};
  const parameters = response.parameters || {};
  const clusters = Number.isFinite(summary.clusters) ? summary.clusters : result.featureCount;
  const warnings = serverWarnings(response);
  if (clusters === 0) {
    warnings.push('No clusters found: try a larger search distance or fewer minimum incidents.');
  }
  return {
    headline: `${plural(clusters, 'cluster')} found.`,
    lines: [
      Number.isFinite(summary.incidents) && Number.isFinite(summary.clustered)
        ? `${formatCount(summary.clustered)} of ${formatCount(summary.incidents)} incidents clustered`
          + `${summary.incidents > 0 ? ` (${formatShare(summary.clustered / summary.incidents)})` : ''}.`
        : null,
      Number.isFinite(summary.noise) ? `${formatCount(summary.noise)} incidents are noise (in no cluster).` : null,
      parameterLine([
        ['Search distance', metres(parameters.eps)],
        ['minimum incidents', formatCount(parameters.minPts)],
      ]),
    ],
    warnings,
  };
}

/** The service's band rules in plain words (an unknown rule is left out rather than shown as a code). */
const BAND_RULES = {
  given: 'your setting',
  'isa-first-peak': 'the first peak of clustering with distance (incremental spatial autocorrelation)',
  'min-8-neighbours': 'the shortest distance that gives every cell at least 8 neighbours',
};

function describeGiStar(response, result) {
  const parameters = response.parameters || {};
  const summary = response.summary || {};
  const counts = summary.classCounts || {};
  const hot = sumOf(counts, GISTAR_CLASSES.filter((entry) => entry.id.startsWith('hot')));
  const cold = sumOf(counts, GISTAR_CLASSES.filter((entry) => entry.id.startsWith('cold')));
  return {
    headline: `${plural(result.featureCount, 'significant cell')} drawn (${formatCount(hot)} hot, ${formatCount(cold)} cold).`,
    lines: [
      parameterLine([['Cell', metres(parameters.cellMetres)], ['distance band', metres(parameters.bandMetres)]]),
      textLine('Band chosen by', BAND_RULES[parameters.bandRule]),
      textLine('Why', parameters.bandReason),
      textLine('Study area', parameters.studyArea),
      Number.isFinite(summary.studyCells) ? `${formatCount(summary.studyCells)} cells in the study area.` : null,
      Number.isFinite(summary.incidents) ? `${formatCount(summary.incidents)} incidents analysed.` : null,
    ],
    warnings: serverWarnings(response),
  };
}

function describeEmerging(response, result) {
  const parameters = response.parameters || {};
  const counts = (response.summary && response.summary.categoryCounts) || {};
  const found = EMERGING_CATEGORIES
    .filter((entry) => entry.drawn && Number.isFinite(counts[entry.id]) && counts[entry.id] > 0)
    .map((entry) => `${entry.label}: ${formatCount(counts[entry.id])}`);
  return {
    headline: `${plural(result.featureCount, 'cell')} with a hot or cold spot pattern drawn.`,
    lines: [
      parameterLine([
        ['Cell', metres(parameters.cellMetres)],
        ['distance band', metres(parameters.bandMetres)],
        ['time step', typeof parameters.step === 'string' ? parameters.step : null],
      ]),
      describeSteps(response.steps),
      textLine('Study area', parameters.studyArea),
      ...found,
    ],
    warnings: serverWarnings(response),
  };
}

function describeDensity(response, result) {
  const legend = response.legend || {};
  const warnings = serverWarnings(legend);
  if (result.tileErrors > 0) {
    warnings.push(`${plural(result.tileErrors, 'density tile')} could not be loaded.`);
  }
  return {
    headline: response.contours
      ? `Kernel density drawn, with ${plural(result.featureCount, 'contour')}.`
      : 'Kernel density drawn.',
    lines: [
      parameterLine([['Bandwidth', metres(legend.bandwidthMetres)], ['cell', metres(legend.cellMetres)]]),
      legend.bandwidthRule ? `Bandwidth chosen by: ${legend.bandwidthRule}` : null,
      legend.unit ? `Values in ${legend.unit}.` : null,
    ],
    warnings,
  };
}

/** "Cell 100 m, distance band 300 m." from [label, value] pairs; null values are skipped. */
function parameterLine(pairs) {
  const parts = pairs.filter(([, value]) => value !== null && value !== undefined).map(([label, value]) => `${label} ${value}`);
  if (parts.length === 0) {
    return null;
  }
  const text = parts.join(', ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** "Label: text." for a non-empty string; null otherwise. */
function textLine(label, text) {
  return typeof text === 'string' && text.trim() ? `${label}: ${text.trim()}` : null;
}

/** The emerging run's time steps, named by their first months: "24 time steps, 2024-11 to 2026-10." */
function describeSteps(steps) {
  if (!Array.isArray(steps) || steps.length === 0) {
    return null;
  }
  const range = steps.length > 1 ? `, ${steps[0]} to ${steps[steps.length - 1]}` : ` (${steps[0]})`;
  return `${plural(steps.length, 'time step')}${range}.`;
}

function serverWarnings(response) {
  return Array.isArray(response.warnings) ? response.warnings.filter((text) => typeof text === 'string' && text) : [];
}

function sumOf(counts, entries) {
  return entries.reduce((total, entry) => total + (Number.isFinite(counts[entry.id]) ? counts[entry.id] : 0), 0);
}

function metres(value) {
  return Number.isFinite(value) ? `${formatNumber(value, Number.isInteger(value) ? 0 : 1)} m` : null;
}

function plural(count, noun) {
  const shown = Number.isFinite(count) ? formatCount(count) : '?';
  return `${shown} ${noun}${count === 1 ? '' : 's'}`;
}
