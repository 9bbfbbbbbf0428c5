/**
 * The neighbourhood editor of the data page: the priority neighbourhoods (GET /api/areas) on a
 * map, a form for one of them or a new one, outlines drawn and their corners moved with
 * Leaflet.draw, saved with PUT /api/areas/{id} and removed with DELETE /api/areas/{id}. Each
 * drawn polygon is one part: one part is saved as a Polygon, several as a MultiPolygon.
 *
 * Test hooks on <section id="area-section">:
 *   data-state       "loading" | "ready" | "saving" | "saved" | "deleted" | "error"
 *   data-area-count  neighbourhoods listed
 *   data-parts       polygons in the outline being edited
 */
import { fetchCollectionItems, fetchJson, sendBody } from './api.js';
import { BOUNDARY_LIMIT } from './config.js';
import { createElement } from './dom.js';

/** The service's rule for ids (NeighbourhoodService), checked here to say so before sending. */
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,59}$/;
const NEW_AREA = '';

const EDITED_STYLE = { color: '#b42318', weight: 3, fillOpacity: 0.15 };
const OTHER_STYLE = { color: '#2f5d8a', weight: 2, fillOpacity: 0.05 };
const APPROXIMATE_DASH = '6 6';
const WARD_STYLE = { color: '#37474f', weight: 1, fillOpacity: 0, interactive: false };

const section = document.getElementById('area-section');
const form = document.getElementById('area-form');
const select = document.getElementById('area-select');
const message = document.getElementById('area-message');

function say(state, text) {
  section.dataset.state = state;
  message.textContent = text;
  message.classList.toggle('status--error', state === 'error');
}

/** The polygons of a Polygon or MultiPolygon geometry, each as Leaflet rings. */
function parts(geometry) {
  const polygons = geometry.type === 'MultiPolygon' ? geometry.coordinates : [geometry.coordinates];
  return polygons.map((rings) => L.GeoJSON.coordsToLatLngs(rings, 1));
}

/** The edited outline as one GeoJSON geometry, or null when nothing is drawn. */
function outlineGeometry(editable) {
  const polygons = [];
  editable.eachLayer((layer) => {
    const geometry = layer.toGeoJSON().geometry;
    if (geometry.type === 'MultiPolygon') {
      polygons.push(...geometry.coordinates);
    } else {
      polygons.push(geometry.coordinates);
    }
  });
  if (polygons.length === 0) {
    return null;
  }
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/** Wires the editor to the map; resolves once the neighbourhoods are listed. */
export async function createAreaEditor(map) {
  const editable = new L.FeatureGroup().addTo(map);
  const others = L.layerGroup().addTo(map);
  let areas = [];

  const countParts = () => {
    section.dataset.parts = String(editable.getLayers().length);
  };

  map.addControl(new L.Control.Draw({
    position: 'topleft',
    draw: {
      polygon: { allowIntersection: false, showArea: false, shapeOptions: EDITED_STYLE },
      polyline: false,
      rectangle: false,
      circle: false,
      marker: false,
      circlemarker: false,
    },
    edit: { featureGroup: editable, remove: true },
  }));
  map.on(L.Draw.Event.CREATED, (event) => {
    editable.addLayer(event.layer);
    countParts();
    say('ready', 'Outline drawn: save the neighbourhood to keep it.');
  });
  map.on(L.Draw.Event.EDITED, () => say('ready', 'Corners moved: save the neighbourhood to keep them.'));
  map.on(L.Draw.Event.DELETED, () => {
    countParts();
    say('ready', 'Part removed: save the neighbourhood to keep the change.');
  });

  /** Shows one neighbourhood (or an empty form for a new one) in the form and on the map. */
  function choose(id) {
    const area = areas.find((f) => f.id === id);
    select.value = area ? id : NEW_AREA;
    form.elements.id.value = area ? id : '';
    form.elements.id.readOnly = Boolean(area);
    form.elements.name.value = area ? area.properties.name : '';
    form.elements.approximate.checked = Boolean(area && area.properties.approximate);
    form.elements.note.value = (area && area.properties.note) || '';
    document.getElementById('area-delete').disabled = !area;
    editable.clearLayers();
    if (area) {
      parts(area.geometry).forEach((latLngs) => editable.addLayer(L.polygon(latLngs, EDITED_STYLE)));
      map.fitBounds(editable.getBounds(), { padding: [24, 24] });
    }
    countParts();
    others.clearLayers();
    areas.filter((f) => f !== area).forEach((f) => {
      const style = { ...OTHER_STYLE, dashArray: f.properties.approximate ? APPROXIMATE_DASH : null };
      L.geoJSON(f, { style }).bindTooltip(f.properties.name).on('click', () => choose(f.id)).addTo(others);
    });
  }

  async function load(selected) {
    const collection = await fetchJson('/api/areas', {}, 'loading the neighbourhoods');
    areas = collection.features;
    section.dataset.areaCount = String(areas.length);
    const fresh = createElement('option', null, 'New neighbourhood…');
    fresh.value = NEW_AREA;
    select.replaceChildren(fresh, ...areas.map((f) => {
      const option = createElement('option', null, `${f.properties.name} (${f.id})`);
      option.value = f.id;
      return option;
    }));
    choose(selected);
  }

  async function save(event) {
    event.preventDefault();
    const id = form.elements.id.value.trim();
    const name = form.elements.name.value.trim();
    const geometry = outlineGeometry(editable);
    if (!ID_PATTERN.test(id)) {
      say('error', 'The id must be 1 to 60 lowercase letters, digits or hyphens, starting with a letter or digit.');
      return;
    }
    if (!name) {
      say('error', 'Give the neighbourhood a name.');
      return;
    }
    if (!geometry) {
      say('error', 'Draw the outline on the map first, with the polygon tool.');
      return;
    }
    const existed = areas.some((f) => f.id === id);
    const feature = { type: 'Feature', geometry, properties: {
      name, approximate: form.elements.approximate.checked, note: form.elements.note.value.trim() || null } };
    say('saving', `Saving ${name}…`);
    try {
      await sendBody('PUT', `/api/areas/${encodeURIComponent(id)}`, JSON.stringify(feature), 'application/geo+json',
        `saving the neighbourhood ${name}`);
      await load(id);
      say('saved', `${existed ? 'Saved the new outline of' : 'Added'} ${name}. Profiles and the map use it from now on.`);
    } catch (error) {
      say('error', error.message);
    }
  }

  async function remove() {
    const id = select.value;
    const area = areas.find((f) => f.id === id);
    if (!area || !window.confirm(`Delete the neighbourhood ${area.properties.name}? Its profile goes with it.`)) {
      return;
    }
    try {
      await sendBody('DELETE', `/api/areas/${encodeURIComponent(id)}`, null, null,
        `deleting the neighbourhood ${area.properties.name}`);
      await load(NEW_AREA);
      say('deleted', `Deleted ${area.properties.name}.`);
    } catch (error) {
      say('error', error.message);
    }
  }

  select.addEventListener('change', () => {
    choose(select.value);
    say('ready', select.value ? 'Move the corners with the edit tool, or draw more parts, then save.'
      : 'Type an id and a name, draw the outline with the polygon tool, then save.');
  });
  form.addEventListener('submit', save);
  document.getElementById('area-delete').addEventListener('click', remove);

  const wards = await fetchCollectionItems('wards', { limit: BOUNDARY_LIMIT });
  L.geoJSON(wards, { style: WARD_STYLE, interactive: false }).addTo(map);
  await load(NEW_AREA);
  // Neighbourhoods are a few streets across: start where they are, not on the whole borough.
  if (areas.length > 0) {
    map.fitBounds(L.geoJSON({ type: 'FeatureCollection', features: areas }).getBounds(), { padding: [24, 24] });
  }
  say('ready', 'Choose a neighbourhood, or draw a new one.');
}
