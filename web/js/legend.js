/**
 * The map legend: category colours, the point overlays' symbols (road collisions, speed concerns,
 * council cases) and the boundary line styles, as a collapsible L.control. Colours and styles
 * come from categories.js, point-overlay.js and boundaries.js, never repeated here.
 */
import { APPROXIMATE_STYLE, BOUNDARY_KINDS } from './boundaries.js';
import { createCategorySwatch } from './categories.js';
import { createElement, createSvgElement } from './dom.js';

/** Same breakpoint as the narrow-screen layout in app.css. */
const NARROW_SCREEN = '(max-width: 40rem)';

/**
 * Creates the legend control for the given categories ([{slug, label}]) and point overlay
 * sections ([{title, rows: [{style, label}]}], circle marker styles).
 */
export function createLegendControl(categories, overlays = []) {
  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => buildLegend(categories, overlays);
  return legend;
}

function buildLegend(categories, overlays) {
  const container = createElement('details', 'map-legend');
  // Open on wide screens; on narrow ones it would hide most of the map.
  container.open = !window.matchMedia(NARROW_SCREEN).matches;
  container.appendChild(createElement('summary', null, 'Legend'));

  container.appendChild(createElement('h2', null, 'Crime categories'));
  container.appendChild(buildList(categories.map((category) =>
    [createCategorySwatch(category.slug), category.label])));

  for (const overlay of overlays) {
    container.appendChild(createElement('h2', null, overlay.title));
    container.appendChild(buildList(overlay.rows.map((row) => [createPointSwatch(row.style), row.label])));
  }

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

/** A circle like a circle marker of the given style (fill, stroke, width; radius capped to fit the row). */
function createPointSwatch(style) {
  const svg = createSvgElement('svg', {
    class: 'swatch', width: 24, height: 20, viewBox: '0 0 24 20', 'aria-hidden': 'true', focusable: 'false',
  });
  svg.appendChild(createSvgElement('circle', { cx: 12, cy: 10, r: Math.min(style.radius || 5, 9),
    fill: style.fillOpacity === 0 ? 'none' : style.fillColor,
    'fill-opacity': style.fillOpacity === undefined ? 1 : style.fillOpacity, stroke: style.color || 'none', 'stroke-width': style.weight || 0 }));
  return svg;
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
