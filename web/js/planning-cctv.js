/**
 * The CCTV part of the planning page: runs POST /api/placement/cctv, draws the ranked sites
 * as numbered draggable markers with their coverage shapes, lists them, draws the coverage
 * curve, and after a drag re-scores the moved layout with POST /api/placement/cctv/evaluate.
 *
 * Test hooks on the map element: data-cctv-state ("idle" | "running" | "ready" | "error"),
 * data-site-count, data-coverage-percent (covered share of weighted incidents).
 */
import { postJson } from './api.js';
import { createElement } from './dom.js';
import { download } from './download.js';
import { drawCurve } from './planning-chart.js';

const COVERAGE_STYLE = { color: '#d1495b', weight: 1, fillColor: '#d1495b', fillOpacity: 0.15 };

export function createCctvPlanner({ map, mapElement, filter, report }) {
  const form = document.getElementById('cctv-form');
  const summary = document.getElementById('cctv-summary');
  const table = document.getElementById('cctv-sites');
  const curveFigure = document.getElementById('cctv-curve-figure');
  const exportButton = document.getElementById('cctv-export');
  const logButton = document.getElementById('cctv-log');
  const layer = L.layerGroup().addTo(map);
  let last = null;
  let request = null;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      request = await readRequest();
    } catch (error) {
      fail(error);
      return;
    }
    await run('/api/placement/cctv', request, 'placing cameras', true);
  });

  exportButton.addEventListener('click', () => {
    if (last) {
      download('cctv-sites.geojson', JSON.stringify(last), 'application/geo+json');
    }
  });

  // One click logs the placed cameras for evaluation later: their coverage discs are the target.
  logButton.addEventListener('click', async () => {
    if (!last) {
      return;
    }
    const n = last.features.filter((f) => f.properties.kind === 'site').length;
    try {
      const created = await postJson('/api/interventions', {
        name: `${n} mobile cameras`, kind: 'cctv', start: new Date().toISOString().slice(0, 10),
        target: { sites: last, radius: request.radius },
      }, 'logging the cameras as an intervention');
      mapElement.dataset.interventionId = created.id;
      report(`Logged as intervention ${created.id}; evaluate it on the "Did it work?" page once data after it are in.`);
    } catch (error) {
      report(error.message, true);
    }
  });

  async function run(path, body, doing, fit) {
    mapElement.dataset.cctvState = 'running';
    report(`${doing[0].toUpperCase()}${doing.slice(1)}…`);
    try {
      const result = await postJson(path, body, doing);
      show(result, fit);
      mapElement.dataset.cctvState = 'ready';
    } catch (error) {
      fail(error);
    }
  }

  function fail(error) {
    mapElement.dataset.cctvState = 'error';
    report(error.message, true);
  }

  async function readRequest() {
    const k = Number(document.getElementById('cctv-k').value);
    if (!Number.isInteger(k) || k < 1 || k > 200) {
      throw new Error('Cameras must be a whole number from 1 to 200.');
    }
    const body = {
      k,
      radius: Number(document.getElementById('cctv-radius').value) || 100,
      fieldOfView: Number(document.getElementById('cctv-fov').value) || 360,
      weighting: document.getElementById('cctv-weighting').value,
      filter: filter(),
    };
    // Blank: the service's default, twice the range, so coverage areas do not overlap.
    const separation = document.getElementById('cctv-separation').value;
    if (separation !== '') {
      body.minSeparation = Number(separation);
    }
    const candidates = await readGeoJsonFile('cctv-candidates', 'candidate sites');
    if (candidates) {
      body.candidates = candidates;
    }
    const existing = await readGeoJsonFile('cctv-existing', 'existing cameras');
    if (existing) {
      body.existing = existing;
    }
    return body;
  }

  function show(result, fit) {
    last = result;
    layer.clearLayers();
    const sites = result.features.filter((f) => f.properties.kind === 'site');
    const shapes = result.features.filter((f) => f.properties.kind === 'coverage');
    const shapeLayers = new Map();
    for (const shape of shapes) {
      const drawn = L.geoJSON(shape, { style: COVERAGE_STYLE, interactive: false }).addTo(layer);
      shapeLayers.set(shape.properties.rank, drawn);
    }
    for (const site of sites) {
      const [lon, lat] = site.geometry.coordinates;
      const marker = L.marker([lat, lon], {
        draggable: true,
        title: `Camera ${site.properties.rank}`,
        icon: L.divIcon({ className: '', html: `<span class="site-marker">${site.properties.rank}</span>`,
          iconSize: [26, 26], iconAnchor: [13, 13] }),
      }).addTo(layer);
      marker.on('dragend', () => rescore(sites, site, marker.getLatLng()));
    }
    mapElement.dataset.siteCount = String(sites.length);
    mapElement.dataset.coveragePercent = result.summary.coveragePercent.toFixed(3);
    renderSummary(result);
    renderTable(sites);
    curveFigure.hidden = !result.curve || result.curve.length === 0;
    if (!curveFigure.hidden) {
      drawCurve(document.getElementById('cctv-curve'), result.curve, sites.length);
    }
    exportButton.disabled = false;
    logButton.disabled = false;
    if (fit && sites.length) {
      map.fitBounds(L.geoJSON({ type: 'FeatureCollection', features: shapes }).getBounds(), { padding: [30, 30] });
    }
    report(`${sites.length} camera sites cover ${result.summary.coveragePercent.toFixed(1)} % of harm-weighted incidents.`);
  }

  function rescore(sites, moved, latLng) {
    const features = sites.map((site) => {
      const position = site === moved ? [latLng.lng, latLng.lat] : site.geometry.coordinates;
      return { type: 'Feature', properties: { bearing: site.properties.bearing },
        geometry: { type: 'Point', coordinates: position } };
    });
    const body = { sites: { type: 'FeatureCollection', features }, radius: request.radius,
      fieldOfView: request.fieldOfView, weighting: request.weighting, filter: request.filter };
    if (request.existing) {
      body.existing = request.existing;
    }
    run('/api/placement/cctv/evaluate', body, 'scoring the moved sites', false);
  }

  function renderSummary(result) {
    const s = result.summary;
    const o = result.optimality;
    const items = [
      `Covered: ${s.coveragePercent.toFixed(1)} % of harm-weighted incidents (${s.coveredIncidents} of ${s.incidents} incidents)`,
      `Existing cameras: ${s.existingCameras}, already seeing ${s.existingIncidents} incidents`,
      o.method === 'evaluated'
        ? 'Sites as placed by hand: not optimised'
        : `Method: ${o.method}; gap to the ${o.bound}: ${o.gapPercent.toFixed(2)} % (heuristic alone ${o.heuristicGapPercent.toFixed(2)} %)`,
      `Candidate sites: ${s.candidateSites} (${s.candidateSource})`,
      ...(result.notes || []),
    ];
    summary.replaceChildren(...items.map((text) => createElement('li', null, text)));
    summary.hidden = false;
  }

  function renderTable(sites) {
    const body = table.querySelector('tbody');
    body.replaceChildren(...sites.map((site) => {
      const row = createElement('tr');
      row.append(createElement('td', null, site.properties.rank),
        createElement('td', 'planning__where', site.properties.label),
        createElement('td', null, site.properties.marginalIncidents),
        createElement('td', null, site.properties.marginalWeight.toFixed(0)),
        createElement('td', null, `${site.properties.cumulativeCoveragePercent.toFixed(1)} %`));
      return row;
    }));
    table.hidden = sites.length === 0;
  }
}

async function readGeoJsonFile(inputId, what) {
  const input = document.getElementById(inputId);
  if (!input.files || input.files.length === 0) {
    return null;
  }
  const text = await input.files[0].text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`The ${what} file is not valid JSON.`);
  }
}
