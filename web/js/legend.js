/**
 * The map legend: category colours and the boundary line styles, as a collapsible
 * L.control. Colours and styles come from categories.js and boundaries.js, never
 * repeated here.
 */
import { APPROXIMATE_STYLE, BOUNDARY_KINDS } from './boundaries.js';
import { createCategorySwatch } from './categories.js';
import { createElement, createSvgElement } from './dom.js';

/** Same breakpoint as the narrow-screen layout in app.css. */
const NARROW_SCREEN = '(max-width: 40rem)';

/** Creates the legend control for the given categories ([{slug, label}]). */
export function createLegendControl(categories) {
  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => buildLegend(categories);
  return legend;
}

function buildLegend(categories) {
  const container = createElement('details', 'map-legend');
  // Open on wide screens; on narrow ones it would hide most of the map.
  container.open = !window.matchMedia(NARROW_SCREEN).matches;
  container.appendChild(createElement('summary', null, 'Legend'));

  container.appendChild(createElement('h2', null, 'Crime categories'));
  container.appendChild(buildList(categories.map((category) =>
    [createCategorySwatch(category.slug), category.label])));

  container.appendChild(createElement('h2', null, 'Boundaries'));
  const boundaryRows = BOUNDARY_KINDS.map((kind) => [createLineSwatch(kind.style), kind.label]);
  const neighbourhoods = BOUNDARY_KINDS.find((kind) => kind.id === 'neighbourhoods');
  if (neighbourhoods) {
    boundaryRows.push([createLineSwatch({ ...neighbourhoods.style, ...APPROXIMATE_STYLE }),
      'Neighbourhood (approximate)']);
  }
  container.appendChild(buildList(boundaryRows));

  // Let the legend scroll and be clicked without panning or zooming the map.
  L.DomEvent.disableClickPropagation(container);
  L.DomEvent.disableScrollPropagation(container);
  return container;
}

/** A legend list from [swatch element, label text] rows. */
export function buildList(rows) {
  const list = createElement('ul');
  for (const [swatch, label] of rows) {
    const item = createElement('li');
    item.append(swatch, createElement('span', null, label));
    list.appendChild(item);
  }
  return list;
}

/** A small box drawn with a style's fill, stroke colour, width and dashes (boundaries, analysis results). */
export function createLineSwatch(style) {
  const svg = createSvgElement('svg', {
    class: 'swatch', width: 24, height: 14, viewBox: '0 0 24 14', 'aria-hidden': 'true', focusable: 'false',
  });
  const attributes = { x: 1, y: 2, width: 22, height: 10, fill: style.fillColor || 'none',
    'fill-opacity': style.fillOpacity === undefined ? 1 : style.fillOpacity,
    stroke: style.color || 'none', 'stroke-width': style.weight || 0 };
  if (style.dashArray) {
    attributes['stroke-dasharray'] = style.dashArray;
  }
  svg.appendChild(createSvgElement('rect', attributes));
  return svg;
}
