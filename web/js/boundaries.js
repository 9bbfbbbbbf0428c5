/**
 * Ward, LSOA and neighbourhood outline layers. Each collection is fetched once and drawn
 * in its own map pane (z-order set in app.css), below the incident markers.
 */
import { fetchCollectionItems } from './api.js';
import { BOUNDARY_LIMIT, profileUrl } from './config.js';
import { createDefinitionPopup, createElement } from './dom.js';

/** The boundary layers, with their styles; the legend reads these too. */
export const BOUNDARY_KINDS = [
  {
    id: 'wards',
    label: 'Ward',
    style: { color: '#37474f', weight: 2, fillColor: '#37474f', fillOpacity: 0.03 },
  },
  {
    id: 'lsoa',
    label: 'LSOA',
    style: { color: '#78909c', weight: 1, fillColor: '#78909c', fillOpacity: 0.03 },
  },
  {
    id: 'neighbourhoods',
    label: 'Neighbourhood',
    style: { color: '#7b1fa2', weight: 3, fillColor: '#ce93d8', fillOpacity: 0.18 },
  },
];

/** Extra style for neighbourhoods whose boundary is only approximate. */
export const APPROXIMATE_STYLE = { dashArray: '6 5' };

const HIGHLIGHT_EXTRA_WEIGHT = 2;

/**
 * Fetches all boundary collections in parallel.
 * @returns {Promise<Object<string, L.GeoJSON>>} layers by kind id (not yet on the map)
 */
export async function loadBoundaryLayers(map) {
  const entries = await Promise.all(BOUNDARY_KINDS.map(async (kind) => {
    const collection = await fetchCollectionItems(kind.id, { limit: BOUNDARY_LIMIT });
    ensurePane(map, paneName(kind));
    return [kind.id, createBoundaryLayer(kind, collection)];
  }));
  return Object.fromEntries(entries);
}

/** The areas of a boundary layer as [{code, name}], sorted by name (for the analysis Area select). */
export function listAreas(layer) {
  return layer.getLayers()
    .map((featureLayer) => (featureLayer.feature && featureLayer.feature.properties) || {})
    .filter((properties) => typeof properties.code === 'string' && properties.code)
    .map((properties) => ({ code: properties.code, name: properties.name || properties.code }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

function paneName(kind) {
  return `boundary-${kind.id}Pane`;
}

/** Leaflet names the pane element "leaflet-boundary-<id>-pane"; app.css gives it a z-index. */
function ensurePane(map, name) {
  if (!map.getPane(name)) {
    map.createPane(name);
  }
}

function createBoundaryLayer(kind, collection) {
  const layer = L.geoJSON(null, {
    pane: paneName(kind),
    style: (feature) => boundaryStyle(kind, feature),
    onEachFeature: (feature, featureLayer) => {
      featureLayer.bindTooltip(() => buildBoundaryTooltip(kind, feature), { sticky: true });
      featureLayer.bindPopup(() => buildBoundaryPopup(kind, feature));
      featureLayer.on({
        mouseover: highlightBoundary,
        mouseout: (event) => layer.resetStyle(event.target),
      });
    },
  });
  layer.addData(collection);
  return layer;
}

/** Style for one boundary feature; approximate neighbourhoods are dashed. */
export function boundaryStyle(kind, feature) {
  const approximate = isApproximate(feature);
  const classes = ['boundary', `boundary--${kind.id}`];
  if (approximate) {
    classes.push('boundary--approximate');
  }
  return {
    ...kind.style,
    ...(approximate ? APPROXIMATE_STYLE : {}),
    className: classes.join(' '),
  };
}

function isApproximate(feature) {
  return Boolean(feature && feature.properties && feature.properties.approximate === true);
}

function highlightBoundary(event) {
  const featureLayer = event.target;
  featureLayer.setStyle({ weight: featureLayer.options.weight + HIGHLIGHT_EXTRA_WEIGHT });
}

function buildBoundaryTooltip(kind, feature) {
  const { name, code } = feature.properties || {};
  const text = code && code !== name ? `${kind.label}: ${name || code} (${code})` : `${kind.label}: ${name || ''}`;
  const tooltip = document.createElement('span');
  tooltip.textContent = text;
  return tooltip;
}

function buildBoundaryPopup(kind, feature) {
  const properties = feature.properties || {};
  const approximate = isApproximate(feature);
  const rows = [
    ['Type', kind.label],
    ['Code', properties.code],
  ];
  if (kind.id === 'neighbourhoods') {
    rows.push(['Boundary', approximate ? 'Approximate' : 'Exact']);
  }
  const popup = createDefinitionPopup(properties.name || properties.code || kind.label, rows, properties.note);
  if (kind.id === 'neighbourhoods' && properties.code) {
    const link = createElement('a', null, 'Neighbourhood profile');
    link.href = profileUrl(properties.code);
    link.className = 'profile-link';
    const paragraph = createElement('p', 'feature-popup__link');
    paragraph.appendChild(link);
    popup.appendChild(paragraph);
  }
  return popup;
}
