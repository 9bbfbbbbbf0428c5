/**
 * Category colours: the single place that maps a police.uk category slug to a colour.
 * Markers, the legend and the filter panel all ask getColor().
 */
import { createSvgElement } from './dom.js';

const CATEGORY_COLOURS = {
  'anti-social-behaviour': '#1f77b4',
  'bicycle-theft': '#17becf',
  'burglary': '#d62728',
  'criminal-damage-arson': '#ff7f0e',
  'drugs': '#9467bd',
  'other-theft': '#8c564b',
  'possession-of-weapons': '#e377c2',
  'public-order': '#bcbd22',
  'robbery': '#393b79',
  'shoplifting': '#2ca02c',
  'theft-from-the-person': '#98df8a',
  'vehicle-crime': '#ffbb78',
  'violent-crime': '#843c39',
  'other-crime': '#7f7f7f',
};

/** Colour for slugs the viewer does not know (a category added server-side later). */
const UNKNOWN_CATEGORY_COLOUR = '#444444';

/** The fill colour for a category slug. */
export function getColor(slug) {
  return CATEGORY_COLOURS[slug] || UNKNOWN_CATEGORY_COLOUR;
}

/** A CSS class naming the category, for styling and tests; empty for unsafe slugs. */
export function categoryClassName(slug) {
  return typeof slug === 'string' && /^[a-z0-9-]+$/.test(slug) ? `category--${slug}` : '';
}

/** A small decorative circle in the category's colour (SVG attributes, no inline styles). */
export function createCategorySwatch(slug) {
  const svg = createSvgElement('svg', {
    class: 'swatch', width: 14, height: 14, viewBox: '0 0 14 14', 'aria-hidden': 'true', focusable: 'false',
  });
  svg.appendChild(createSvgElement('circle', {
    cx: 7, cy: 7, r: 6, fill: getColor(slug), stroke: '#ffffff', 'stroke-width': 1,
  }));
  return svg;
}
