/**
 * Creates the Leaflet map: basemap (OpenStreetMap by default), attribution, scale, ward and
 * place names, and the initial view. Without a basemap, or when its tiles cannot load, the map
 * still names the ground (wards and places) and says the basemap is offline.
 */
import { FALLBACK_VIEW, MAX_ZOOM, MIN_ZOOM } from './config.js';
import { escapeHtml } from './dom.js';

/** Names sit above boundaries and shaded wards, below incidents and results (see app.css). */
const LABEL_PANE = 'labelPane';
/** Below this zoom the borough is too small on screen for place names beside the ward names. */
const PLACE_NAMES_ZOOM = 12;

/** Builds the map in element and fits it to the service area (or the data extent). */
export function createMap(element, config) {
  const map = L.map(element, { minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM });
  map.createPane(LABEL_PANE);
  nameLayer(config.wardNames, 'map-label map-label--ward').addTo(map);
  const places = nameLayer(config.placeNames, 'map-label map-label--place');
  const notice = createNotice();
  if (config.basemapUrl) {
    const tiles = L.tileLayer(config.basemapUrl, {
      maxZoom: MAX_ZOOM,
      attribution: escapeHtml(config.basemapAttribution),
    }).addTo(map);
    // The basemap's own place names are lost with its tiles: draw ours instead.
    tiles.once('tileerror', () => {
      places.addTo(map);
      notice.show('Basemap offline: streets are not shown. Ward and place names are drawn instead.');
    });
  } else {
    places.addTo(map);
    notice.show('No basemap is configured: ward and place names are drawn instead.');
  }
  notice.addTo(map);
  // Leaflet renders attributions as HTML; the configured texts are plain text.
  if (config.dataAttribution) {
    map.attributionControl.addAttribution(escapeHtml(config.dataAttribution));
  }
  if (config.dataSource) {
    map.attributionControl.addAttribution(escapeHtml(config.dataSource));
  }
  if (config.placesAttribution) {
    map.attributionControl.addAttribution(escapeHtml(config.placesAttribution));
  }
  map.attributionControl.addAttribution('SaferMap');
  // Top left, under the zoom buttons, so the long attribution never covers it.
  L.control.scale({ imperial: false, position: 'topleft' }).addTo(map);
  fitInitialView(map, config);
  const showPlaceNames = () => {
    element.classList.toggle('map--far', map.getZoom() < PLACE_NAMES_ZOOM);
    declutter(map);
  };
  map.on('zoomend', showPlaceNames);
  places.on('add', () => declutter(map));
  showPlaceNames();
  return map;
}

/**
 * Hides names that would overprint one already placed: ward names first (a councillor must be
 * able to read every ward's name, and the figures are by ward), then place names (shown only when
 * zoomed in, where they orient in the gaps between ward names); each kind in order of the room
 * around it (distance to the nearest other name of the kind), so the large rural wards keep
 * theirs at borough zoom and the small town wards show theirs once zoomed in.
 * Greedy label placement, as in Imhof's rule that names must not overlap (Imhof 1975,
 * "Positioning names on maps", The American Cartographer 2(2)).
 */
function declutter(map) {
  const pane = map.getPane(LABEL_PANE);
  const placed = [];
  for (const kind of ['map-label--ward', 'map-label--place']) {
    const labels = Array.from(pane.getElementsByClassName(kind));
    for (const label of labels) {
      label.classList.remove('map-label--hidden');
      label.firstElementChild.style.transform = '';
    }
    const shown = labels.map((label) => ({ label, box: label.firstElementChild.getBoundingClientRect() }))
      .filter((entry) => entry.box.width > 0);
    const room = new Map(shown.map((entry) => [entry, nearestCentre(entry, shown)]));
    shown.sort((a, b) => room.get(b) - room.get(a));
    // A ward name stays on its ward's point; a place name may move a line up or down to find room.
    const shifts = kind === 'map-label--place' ? PLACE_SHIFTS : [0];
    for (const entry of shown) {
      const shift = shifts.find((dy) => !placed.some((box) => overlaps(box, moved(entry.box, dy))));
      if (shift === undefined) {
        entry.label.classList.add('map-label--hidden');
      } else {
        entry.label.firstElementChild.style.transform = `translate(-50%, calc(-50% + ${shift}px))`;
        placed.push(moved(entry.box, shift));
      }
    }
  }
}

/** Vertical offsets (px) a place name may take, nearest its point first. */
const PLACE_SHIFTS = [0, -16, 16, -32, 32];

function moved(box, dy) {
  return { left: box.left, right: box.right, top: box.top + dy, bottom: box.bottom + dy };
}

function nearestCentre(entry, entries) {
  const x = entry.box.left + entry.box.width / 2;
  const y = entry.box.top + entry.box.height / 2;
  return entries.reduce((nearest, other) => (other === entry ? nearest : Math.min(nearest,
    Math.hypot(other.box.left + other.box.width / 2 - x, other.box.top + other.box.height / 2 - y))), Infinity);
}

function overlaps(a, b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Non-interactive text labels, one per {name, lon, lat}. */
function nameLayer(labels, className) {
  return L.layerGroup((labels || []).map((label) => L.marker([label.lat, label.lon], {
    pane: LABEL_PANE,
    interactive: false,
    keyboard: false,
    icon: L.divIcon({ className, html: `<span>${escapeHtml(label.name)}</span>`, iconSize: null }),
  })));
}

/** A quiet notice in the map's top right corner, hidden until shown. */
function createNotice() {
  const control = L.control({ position: 'topright' });
  let text = '';
  control.onAdd = () => {
    const element = L.DomUtil.create('p', 'map-notice');
    element.id = 'basemap-notice';
    element.setAttribute('role', 'status');
    element.textContent = text;
    element.hidden = !text;
    return element;
  };
  control.show = (message) => {
    text = message;
    const element = control.getContainer();
    if (element) {
      element.textContent = message;
      element.hidden = false;
    }
  };
  return control;
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
