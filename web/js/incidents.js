/**
 * The incident layer: circle markers coloured by category, clustered with
 * Leaflet.markercluster only while zoomed out; from street zoom every incident is its own
 * category-coloured point, so a town centre reads as crimes by kind rather than count bubbles. It re-fetches when the filters change and on map `moveend`
 * (viewport bbox, debounced), skipping the fetch when the last complete result already
 * covers the new view. Only the newest request may draw; older ones are aborted.
 * Popups are opened on the map rather than bound to markers, so a redraw does not
 * close the popup the user is reading.
 */
import { fetchCollectionItems, toQueryString } from './api.js';
import { categoryClassName, getColor } from './categories.js';
import { INCIDENT_LIMIT, REFRESH_DELAY_MS } from './config.js';
import { buildIncidentPopup } from './incident-popup.js';

/** The fetched bbox is the viewport grown by this fraction on each side, so small pans need no fetch. */
const VIEWPORT_PADDING = 0.25;

/**
 * From this zoom (a few streets on screen) incidents are clustered only where they share one
 * police.uk snap point: such a stack is drawn in its commonest category's colour with its count,
 * and fans out on click (markercluster spiderfies a cluster whose points coincide).
 */
const POINTS_ZOOM = 15;
const CLUSTER_RADIUS_PX = 45;

const MARKER_STYLE = { radius: 6, color: '#ffffff', weight: 1, opacity: 1, fillOpacity: 0.9 };

const IncidentLayer = L.Layer.extend({
  options: {
    limit: INCIDENT_LIMIT,
    delayMs: REFRESH_DELAY_MS,
    reporter: null,
  },

  initialize(options) {
    L.setOptions(this, options);
    this._cluster = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: (zoom) => (zoom >= POINTS_ZOOM ? 1 : CLUSTER_RADIUS_PX),
      iconCreateFunction: clusterIcon,
    });
    this._filters = null;
    this._coverage = null;
    this._timer = null;
    this._request = null;
    this._popup = L.popup({ maxWidth: 320 });
  },

  onAdd(map) {
    map.addLayer(this._cluster);
    map.on('movestart', this._onMoveStart, this);
    map.on('moveend', this._onMoveEnd, this);
    this._refresh();
  },

  onRemove(map) {
    map.off('movestart', this._onMoveStart, this);
    map.off('moveend', this._onMoveEnd, this);
    map.closePopup(this._popup);
    this._cancelPending();
    this._showNothing('Incidents layer is hidden.');
    map.removeLayer(this._cluster);
  },

  /** Applies new filters ({datetime, crimeTypes, problem}, from filters.js). */
  setFilters(filters) {
    this._filters = filters;
    this._coverage = null;
    if (this._map) {
      this._map.closePopup(this._popup);
      this._scheduleRefresh();
    }
  },

  /** The view is changing: what is drawn may soon be out of date. */
  _onMoveStart() {
    this.options.reporter.loading('Loading incidents…');
  },

  _onMoveEnd() {
    if (!this._isPending() && this._coversViewport()) {
      this.options.reporter.incidentsUnchanged();
      return;
    }
    this._scheduleRefresh();
  },

  /** Reports "loading" at once, so tests and users never see a stale "ready" during the debounce. */
  _scheduleRefresh() {
    this.options.reporter.loading('Loading incidents…');
    clearTimeout(this._timer);
    this._timer = setTimeout(() => this._refresh(), this.options.delayMs);
  },

  _isPending() {
    return this._timer !== null || this._request !== null;
  },

  _cancelPending() {
    clearTimeout(this._timer);
    this._timer = null;
    if (this._request) {
      this._request.abort();
      this._request = null;
    }
  },

  _coversViewport() {
    const coverage = this._coverage;
    return Boolean(coverage && coverage.complete && coverage.bounds.contains(this._map.getBounds()));
  },

  async _refresh() {
    this._cancelPending();
    const filters = this._filters;
    const reporter = this.options.reporter;
    if (filters && filters.problem) {
      this._showNothing(null);
      reporter.failed(new Error(filters.problem));
      return;
    }
    if (filters && filters.crimeTypes && filters.crimeTypes.length === 0) {
      this._showNothing('No categories selected: tick at least one to show incidents.');
      return;
    }
    const bounds = fetchBounds(this._map, VIEWPORT_PADDING);
    const params = incidentParams(filters, bounds, this.options.limit);
    const request = new AbortController();
    this._request = request;
    reporter.loading('Loading incidents…');
    try {
      const collection = await fetchCollectionItems('incidents', params, request.signal);
      if (this._request !== request) {
        return;
      }
      this._request = null;
      const features = Array.isArray(collection.features) ? collection.features : [];
      const returned = Number.isFinite(collection.numberReturned) ? collection.numberReturned : features.length;
      const matched = Number.isFinite(collection.numberMatched) ? collection.numberMatched : returned;
      const drawn = this._draw(features);
      this._coverage = { bounds, complete: matched <= returned };
      reporter.incidentsDrawn(drawn, matched, toQueryString(params));
    } catch (error) {
      if (error.name === 'AbortError' || this._request !== request) {
        return;
      }
      this._request = null;
      // Clear rather than keep markers that may not match the current filters.
      this._showNothing(null);
      reporter.failed(error);
    }
  },

  _draw(features) {
    const markers = features.map(toCircleMarker).filter(Boolean);
    for (const marker of markers) {
      marker.on('click', () => this._showPopup(marker));
    }
    this._cluster.clearLayers();
    this._cluster.addLayers(markers);
    return markers.length;
  },

  _showPopup(marker) {
    this._popup
      .setLatLng(marker.getLatLng())
      .setContent(buildIncidentPopup(marker.feature))
      .openOn(this._map);
  },

  /** Clears the markers; reports ready with the message, or leaves the state to the caller. */
  _showNothing(message) {
    this._coverage = null;
    this._cluster.clearLayers();
    this.options.reporter.incidentsShown(0, 0, '');
    if (message) {
      this.options.reporter.ready(message);
    }
  },
});

/** Factory, Leaflet style: incidentLayer({reporter}). */
export function incidentLayer(options) {
  return new IncidentLayer(options);
}

/** The query for one incidents page; all categories ticked means no crime_type filter. */
function incidentParams(filters, bounds, limit) {
  return {
    limit,
    bbox: toBboxParam(bounds),
    datetime: filters ? filters.datetime : null,
    crime_type: filters && filters.crimeTypes ? filters.crimeTypes.join(',') : null,
  };
}

/** The padded viewport, clamped to valid longitudes and latitudes. */
function fetchBounds(map, padding) {
  const padded = map.getBounds().pad(padding);
  return L.latLngBounds(
    [clamp(padded.getSouth(), -90, 90), clamp(padded.getWest(), -180, 180)],
    [clamp(padded.getNorth(), -90, 90), clamp(padded.getEast(), -180, 180)],
  );
}

/** OGC bbox order: minLon,minLat,maxLon,maxLat (Leaflet bounds are lat/lng). */
function toBboxParam(bounds) {
  return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]
    .map((value) => value.toFixed(6))
    .join(',');
}

function clamp(value, min, max) {
  return Math.min(max, Math.max(min, value));
}

/**
 * The icon of a markercluster cluster: incidents stacked on one snap point are one point in
 * their commonest category's colour with the count; a spread cluster is the neutral bubble.
 */
function clusterIcon(cluster) {
  const bounds = cluster.getBounds();
  if (!bounds.getNorthEast().equals(bounds.getSouthWest())) {
    return L.MarkerClusterGroup.prototype._defaultIconCreateFunction(cluster);
  }
  const counts = new Map();
  for (const marker of cluster.getAllChildMarkers()) {
    const slug = marker.feature.properties ? marker.feature.properties.category : null;
    counts.set(slug, (counts.get(slug) || 0) + 1);
  }
  const [slug] = [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  const span = document.createElement('span');
  span.className = 'incident-stack__count';
  span.style.backgroundColor = getColor(slug);
  span.textContent = String(cluster.getChildCount());
  const html = document.createElement('div');
  html.appendChild(span);
  return L.divIcon({ html, className: `incident-stack ${categoryClassName(slug)}`.trim(), iconSize: [22, 22] });
}

/** A circle marker for a GeoJSON Point feature ([lon, lat]); null for anything else. */
function toCircleMarker(feature) {
  const geometry = feature && feature.geometry;
  if (!geometry || geometry.type !== 'Point' || !Array.isArray(geometry.coordinates)) {
    return null;
  }
  const [lon, lat] = geometry.coordinates;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
    return null;
  }
  const slug = feature.properties ? feature.properties.category : null;
  const marker = L.circleMarker([lat, lon], {
    ...MARKER_STYLE,
    fillColor: getColor(slug),
    className: `incident-marker ${categoryClassName(slug)}`.trim(),
  });
  marker.feature = feature;
  return marker;
}
