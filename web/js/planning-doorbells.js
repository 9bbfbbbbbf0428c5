/**
 * The doorbell part of the planning page: runs POST /api/placement/doorbells, shades output
 * areas by doorbells given (a sequential choropleth), lists ward totals, and exports the
 * allocation as CSV (per area, from the server) or GeoJSON (the answer as received).
 *
 * Test hooks on the map element: data-doorbell-state ("idle" | "running" | "ready" | "error"),
 * data-doorbell-total (sum over areas), data-doorbell-areas (areas receiving any).
 */
import { postJson } from './api.js';
import { createDefinitionPopup, createElement } from './dom.js';
import { download } from './download.js';

/** Class breaks on doorbells per area and their fills (ColorBrewer YlGnBu, 5 classes). */
const BREAKS = [1, 5, 10, 25, 50];
const FILLS = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];

export function createDoorbellPlanner({ map, mapElement, filter, report, onResult }) {
  const form = document.getElementById('doorbell-form');
  const summary = document.getElementById('doorbell-summary');
  const table = document.getElementById('doorbell-wards');
  const csvButton = document.getElementById('doorbell-csv');
  const geoJsonButton = document.getElementById('doorbell-geojson');
  // Below the overlay pane, so camera sites and coverage stay visible over the choropleth.
  map.createPane('doorbells').style.zIndex = 350;
  const layer = L.layerGroup().addTo(map);
  const legend = doorbellLegend();
  let last = null;
  let lastBody = null;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let body;
    try {
      body = readRequest();
    } catch (error) {
      fail(error);
      return;
    }
    mapElement.dataset.doorbellState = 'running';
    report('Allocating doorbells…');
    try {
      const result = await postJson('/api/placement/doorbells', body, 'allocating doorbells');
      last = result;
      lastBody = body;
      show(result);
      mapElement.dataset.doorbellState = 'ready';
      onResult();
    } catch (error) {
      fail(error);
    }
  });

  csvButton.addEventListener('click', async () => {
    try {
      const text = await postJson('/api/placement/doorbells?format=csv', lastBody, 'exporting doorbells', { asText: true });
      download('doorbells.csv', text, 'text/csv');
    } catch (error) {
      fail(error);
    }
  });

  geoJsonButton.addEventListener('click', () => {
    download('doorbells.geojson', JSON.stringify(last), 'application/geo+json');
  });

  function fail(error) {
    mapElement.dataset.doorbellState = 'error';
    report(error.message, true);
  }

  function readRequest() {
    const units = Number(document.getElementById('doorbell-units').value);
    if (!Number.isInteger(units) || units < 1) {
      throw new Error('Doorbells must be a whole number of at least 1.');
    }
    const body = {
      units,
      minPerWard: Number(document.getElementById('doorbell-floor').value) || 0,
      fairness: document.getElementById('doorbell-fairness').value,
      filter: filter(),
    };
    const area = document.getElementById('doorbell-phase-area').value;
    const phaseUnits = Number(document.getElementById('doorbell-phase-units').value) || 0;
    if (area && phaseUnits > 0) {
      body.phases = [{ area, units: phaseUnits }];
    }
    return body;
  }

  function show(result) {
    layer.clearLayers();
    legend.addTo(map);
    const given = result.features.filter((f) => f.properties.doorbells > 0);
    L.geoJSON(result, {
      pane: 'doorbells',
      style: (feature) => style(feature.properties.doorbells),
      onEachFeature: (feature, featureLayer) => {
        const p = feature.properties;
        featureLayer.bindPopup(() => createDefinitionPopup(p.street || p.place, [
          ['Where', p.label],
          ['Output area', p.code],
          ['Doorbells', p.doorbells],
          ['Households', `${p.households}${p.householdsEstimated ? ' (estimated)' : ''}`],
          ['Risk per household', p.riskPerHousehold.toFixed(2)],
        ]));
      },
    }).addTo(layer);
    const total = result.features.reduce((sum, f) => sum + f.properties.doorbells, 0);
    mapElement.dataset.doorbellTotal = String(total);
    mapElement.dataset.doorbellAreas = String(given.length);
    const s = result.summary;
    const items = [
      `${s.doorbells} doorbells to ${given.length} areas cover ${s.riskCoveredPercent.toFixed(1)} % of household burglary risk`,
      `Near-repeat window: ${s.recentBurglaries} burglaries before ${s.referenceDate}`,
      `Fairness: ${s.fairness}${s.minPerWard ? `, at least ${s.minPerWard} per ward` : ''}`,
      ...(result.notes || []),
    ];
    summary.replaceChildren(...items.map((text) => createElement('li', null, text)));
    summary.hidden = false;
    table.querySelector('tbody').replaceChildren(...result.wards.map((w) => {
      const row = createElement('tr');
      row.append(createElement('td', null, w.name), createElement('td', null, w.doorbells),
        createElement('td', null, `${w.riskPercent.toFixed(1)} %`));
      return row;
    }));
    table.hidden = false;
    csvButton.disabled = false;
    geoJsonButton.disabled = false;
    report(`${total} doorbells allocated.`);
  }
}

/** The doorbell map's legend: what each shade of output area means. */
function doorbellLegend() {
  const control = L.control({ position: 'bottomright' });
  control.onAdd = () => {
    const box = createElement('div', 'map-legend');
    box.id = 'doorbell-legend';
    box.appendChild(createElement('h2', null, 'Doorbells per output area'));
    const list = createElement('ul', 'ward-legend__list');
    BREAKS.forEach((lower, i) => {
      const upper = i + 1 < BREAKS.length ? BREAKS[i + 1] - 1 : null;
      const swatch = createElement('span', 'ward-legend__swatch');
      swatch.style.background = FILLS[i];
      const item = createElement('li');
      item.append(swatch, ` ${upper === null ? `${lower} or more` : lower === upper ? `${lower}` : `${lower} to ${upper}`}`);
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  };
  return control;
}

function style(doorbells) {
  let fill = null;
  for (let i = 0; i < BREAKS.length; i++) {
    if (doorbells >= BREAKS[i]) {
      fill = FILLS[i];
    }
  }
  return fill
    ? { color: '#555', weight: 0.5, fillColor: fill, fillOpacity: 0.75 }
    : { color: '#999', weight: 0.3, fillOpacity: 0 };
}
