/**
 * Point overlays beside the incidents: road collisions (symbols by severity), speed concerns
 * (complaints and Speedwatch sessions) and council cases (coloured by case type). Each fetches its collection for the viewport on add and on `moveend`,
 * at most POINT_LIMIT features; only the newest request may draw. Popup text goes in through
 * textContent, never HTML.
 */
import { fetchCollectionItems } from './api.js';

const POINT_LIMIT = 2000;

/** Severity symbols: fatal largest and darkest, so the rarest, worst collisions stand out. */
const SEVERITY_STYLE = {
  fatal: { radius: 9, fillColor: '#000000', color: '#ffffff', weight: 2, fillOpacity: 1 },
  serious: { radius: 7, fillColor: '#d7191c', color: '#ffffff', weight: 1, fillOpacity: 0.95 },
  slight: { radius: 5, fillColor: '#fdae61', color: '#7f3b08', weight: 1, fillOpacity: 0.85 },
};

const PointOverlay = L.Layer.extend({
  initialize(collectionId, styleOf, describe) {
    this._collectionId = collectionId;
    this._styleOf = styleOf;
    this._describe = describe;
    this._group = L.layerGroup();
    this._request = null;
  },

  onAdd(map) {
    map.addLayer(this._group);
    map.on('moveend', this._refresh, this);
    this._refresh();
  },

  onRemove(map) {
    map.off('moveend', this._refresh, this);
    if (this._request) {
      this._request.abort();
    }
    map.removeLayer(this._group);
  },

  async _refresh() {
    if (this._request) {
      this._request.abort();
    }
    const request = new AbortController();
    this._request = request;
    const b = this._map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(5)).join(',');
    try {
      const page = await fetchCollectionItems(this._collectionId, { bbox, limit: POINT_LIMIT }, request.signal);
      if (request !== this._request) {
        return;
      }
      this._group.clearLayers();
      for (const feature of page.features) {
        const [lon, lat] = feature.geometry.coordinates;
        L.circleMarker([lat, lon], this._styleOf(feature.properties))
          .bindPopup(() => popup(this._describe(feature.properties)))
          .addTo(this._group);
      }
    } catch (error) {
      if (error.name !== 'AbortError') {
        console.warn(error.message);
      }
    }
  },
});

/** A popup body of label: value lines, as text nodes. */
function popup(lines) {
  const body = document.createElement('div');
  for (const [label, value] of lines) {
    if (value === null || value === undefined) {
      continue;
    }
    const line = document.createElement('div');
    line.textContent = `${label}: ${value}`;
    body.appendChild(line);
  }
  return body;
}

/** Road collisions (DfT STATS19), one symbol per severity. */
export function collisionLayer() {
  return new PointOverlay('collisions', (p) => SEVERITY_STYLE[p.severity] || SEVERITY_STYLE.slight, (p) => [
    ['Collision', p.collision_index], ['Severity', p.severity], ['Date', p.date], ['Time', p.time],
    ['Road', p.road], ['Speed limit', p.speed_limit], ['Casualties', p.casualties],
  ]);
}

/** A council case's symbol, in its type's colour. */
function caseStyle(colour) {
  return { radius: 5, fillColor: colour, color: '#ffffff', weight: 1, fillOpacity: 0.9 };
}

/** A speeding complaint (hollow) or a Community Speedwatch session (filled). */
function speedConcernStyle(source) {
  return { radius: 6, color: '#5e3c99', weight: 2, fillColor: '#5e3c99', fillOpacity: source === 'speedwatch' ? 0.8 : 0 };
}

/**
 * The overlays' legend sections for legend.js: severities, speed concern sources and the case
 * types ([{slug, label, colour}] from /api/council/types).
 */
export function overlayLegendSections(caseTypes) {
  return [
    { title: 'Road collisions', rows: [
      { style: SEVERITY_STYLE.fatal, label: 'Fatal' },
      { style: SEVERITY_STYLE.serious, label: 'Serious' },
      { style: SEVERITY_STYLE.slight, label: 'Slight' }] },
    { title: 'Speed concerns', rows: [
      { style: speedConcernStyle('complaint'), label: 'Complaint' },
      { style: speedConcernStyle('speedwatch'), label: 'Community Speedwatch' }] },
    { title: 'Council cases', rows: caseTypes.map((type) => ({ style: caseStyle(type.colour), label: type.label })) },
  ];
}

/** Council cases (fly-tipping, dog fouling, ...), in their type's colour. */
export function councilCaseLayer() {
  return new PointOverlay('council-cases', (p) => caseStyle(p.colour), (p) => [
    ['Case type', p.case_type_label], ['As recorded', p.label], ['Reference', p.reference], ['Date', p.date],
    ['Location', p.location],
  ]);
}

/** Speeding complaints (hollow) and Community Speedwatch sessions (filled), beside collisions. */
export function speedConcernLayer() {
  return new PointOverlay('speed-concerns', (p) => speedConcernStyle(p.source), (p) => [
    ['Source', p.source], ['Date', p.date], ['Location', p.location], ['Speed limit', p.speed_limit],
    ['Vehicles checked', p.vehicles_checked], ['Over the limit', p.vehicles_over], ['Highest speed', p.max_speed],
  ]);
}
