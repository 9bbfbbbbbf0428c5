/**
 * Creates the Leaflet map: optional basemap, attribution, scale, and the initial view.
 */
import { FALLBACK_VIEW, MAX_ZOOM, MIN_ZOOM } from './config.js';
import { escapeHtml } from './dom.js';

/** Builds the map in element and fits it to the service area (or the data extent). */
export function createMap(element, config) {
  const map = L.map(element, { minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM });
  // Empty basemapUrl = no basemap: the viewer works offline over a plain background.
  if (config.basemapUrl) {
    L.tileLayer(config.basemapUrl, {
      maxZoom: MAX_ZOOM,
      attribution: escapeHtml(config.basemapAttribution),
    }).addTo(map);
  }
  // Leaflet renders attributions as HTML; the configured texts are plain text.
  if (config.dataAttribution) {
    map.attributionControl.addAttribution(escapeHtml(config.dataAttribution));
  }
  if (config.dataSource) {
    map.attributionControl.addAttribution(escapeHtml(config.dataSource));
  }
  map.attributionControl.addAttribution('SaferMap');
  L.control.scale({ imperial: false }).addTo(map);
  fitInitialView(map, config);
  return map;
}

function fitInitialView(map, config) {
  const bbox = validBbox(config.serviceArea) || validBbox(config.extent && config.extent.bbox);
  if (bbox) {
    const [minLon, minLat, maxLon, maxLat] = bbox;
    map.fitBounds([[minLat, minLon], [maxLat, maxLon]]);
  } else {
    map.setView(FALLBACK_VIEW.center, FALLBACK_VIEW.zoom);
  }
}

/** A [minLon, minLat, maxLon, maxLat] array of finite numbers, or null. */
function validBbox(bbox) {
  if (!Array.isArray(bbox) || bbox.length !== 4 || !bbox.every(Number.isFinite)) {
    return null;
  }
  const [minLon, minLat, maxLon, maxLat] = bbox;
  return minLon <= maxLon && minLat <= maxLat ? bbox : null;
}
