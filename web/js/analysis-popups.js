/**
 * Popups and tooltips for analysis result features, built with DOM nodes and textContent only.
 */
import { formatMonth } from './dates.js';
import { createDefinitionPopup, createElement } from './dom.js';
import { emergingLabel, giStarLabel } from './analysis-styles.js';

const integerFormat = new Intl.NumberFormat('en-GB');
const TOP_CATEGORIES = 5;

/** "#1: 512 incidents", the label of a DBSCAN cluster. */
export function clusterLabel(properties) {
  const count = Number.isFinite(properties.count) ? integerFormat.format(properties.count) : '?';
  return `#${properties.clusterId}: ${count} incidents`;
}

/** A tooltip element holding plain text. */
export function createTooltipContent(text) {
  return createElement('span', null, text);
}

/**
 * Popup for a DBSCAN cluster polygon.
 * @param {Map<string, string>} categoryLabels slug -> readable label
 */
export function buildClusterPopup(properties, categoryLabels) {
  const rows = [
    ['Incidents', formatCount(properties.count)],
    ['Share', formatShare(properties.share)],
    ['Months', formatMonthRange(properties.firstMonth, properties.lastMonth)],
  ];
  const popup = createDefinitionPopup(`Cluster #${properties.clusterId}`, [...whereRows(properties), ...rows]);
  const categories = topCategories(properties.categories, categoryLabels);
  if (categories.length > 0) {
    popup.appendChild(createElement('p', 'feature-popup__subtitle', 'Main categories'));
    const list = createElement('ul', 'feature-popup__list');
    for (const [label, count] of categories) {
      list.appendChild(createElement('li', null, `${label}: ${formatCount(count)}`));
    }
    popup.appendChild(list);
  }
  return popup;
}

/** Popup for a Gi* grid cell. */
export function buildGiStarPopup(properties) {
  return createDefinitionPopup(giStarLabel(properties.class), [
    ...whereRows(properties),
    ['Incidents in cell', formatCount(properties.count)],
    ['Gi* z-score', formatNumber(properties.z, 2)],
    ['p-value', formatP(properties.p)],
  ]);
}

/** Popup for an emerging hot spot cell. */
export function buildEmergingPopup(properties) {
  return createDefinitionPopup(emergingLabel(properties.category), [
    ...whereRows(properties),
    ['Incidents in cell', formatCount(properties.count)],
    ['Trend z (Mann-Kendall)', formatNumber(properties.trendZ, 2)],
    ['Trend p-value', formatP(properties.trendP)],
    ['Hot time steps', formatCount(properties.hotBins)],
    ['Cold time steps', formatCount(properties.coldBins)],
  ]);
}

/** Popup for a kernel density contour. */
export function buildContourPopup(properties, unit) {
  const level = Number.isFinite(properties.level) ? `${formatNumber(properties.level, 1)} ${unit}` : null;
  return createDefinitionPopup('Density contour', [
    ['Level', level],
    ['Percentile', Number.isFinite(properties.percentile) ? `${formatNumber(properties.percentile, 0)}th` : null],
  ]);
}

/** Where a result is on the ground (street, place, ward) and its OS grid reference, when the service named it. */
function whereRows(properties) {
  if (!properties.gridRef) {
    return [];
  }
  const street = properties.street ? `${properties.street}, ` : '';
  const ward = properties.ward ? ` (${properties.ward} ward)` : '';
  return [['Where', `${street}${properties.place}${ward}`], ['OS grid ref', properties.gridRef]];
}

/** The largest categories of a {slug: count} object, as [label, count], largest first. */
function topCategories(categories, categoryLabels) {
  if (!categories || typeof categories !== 'object') {
    return [];
  }
  return Object.entries(categories)
    .filter(([, count]) => Number.isFinite(count))
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_CATEGORIES)
    .map(([slug, count]) => [categoryLabels.get(slug) || slug, count]);
}

export function formatCount(value) {
  return Number.isFinite(value) ? integerFormat.format(value) : null;
}

export function formatNumber(value, digits) {
  return Number.isFinite(value)
    ? value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : null;
}

/** A share 0..1 as "12.3 %". */
export function formatShare(share) {
  return Number.isFinite(share) ? `${formatNumber(share * 100, 1)} %` : null;
}

/** p-values below 0.001 are shown as "< 0.001", as in most statistics packages. */
export function formatP(p) {
  if (!Number.isFinite(p)) {
    return null;
  }
  return p < 0.001 ? '< 0.001' : formatNumber(p, 3);
}

function formatMonthRange(first, last) {
  if (!first && !last) {
    return null;
  }
  if (first === last) {
    return formatMonth(first);
  }
  return `${formatMonth(first)} – ${formatMonth(last)}`;
}
