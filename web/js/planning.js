/**
 * Entry point of the placement planning page (planning.html): the map with ward outlines,
 * the CCTV planner and the doorbell planner, sharing the incident period.
 *
 * Test hook on the map element: data-state "loading" | "ready" | "error".
 */
import { fetchCollectionItems } from './api.js';
import { BOUNDARY_LIMIT, fetchViewerConfig, showDataNotices } from './config.js';
import { createMap } from './map-view.js';
import { guardPage } from './navigation.js';
import { createCctvPlanner } from './planning-cctv.js';
import { createDoorbellPlanner } from './planning-doorbells.js';
import { setDefaultMonths } from './filters.js';

const mapElement = document.getElementById('plan-map');
const statusLine = document.getElementById('status');

function report(message, isError = false) {
  statusLine.textContent = message;
  statusLine.classList.toggle('status--error', isError);
}

/** The incident filter of both planners: the period, as months. */
function filter() {
  const from = document.getElementById('plan-from').value;
  const to = document.getElementById('plan-to').value;
  const out = {};
  if (from) {
    out.from = from;
  }
  if (to) {
    out.to = to;
  }
  return out;
}

async function start() {
  if (!(await guardPage('planning'))) {
    return;
  }
  const config = await fetchViewerConfig();
  showDataNotices(config);
  // The same period as the map's by default, so the planners answer for what the map shows.
  setDefaultMonths(document.getElementById('plan-from'), document.getElementById('plan-to'), config.extent);
  const map = createMap(mapElement, config);
  const wards = await fetchCollectionItems('wards', { limit: BOUNDARY_LIMIT });
  L.geoJSON(wards, { style: { color: '#37474f', weight: 1.5, fillOpacity: 0 }, interactive: false }).addTo(map);
  createCctvPlanner({ map, mapElement, filter, report });
  createDoorbellPlanner({ map, mapElement, filter, report,
    onResult: () => { document.getElementById('plan-print').disabled = false; } });
  document.getElementById('plan-print').addEventListener('click', () => window.print());
  mapElement.dataset.state = 'ready';
  report('Choose the settings and run a planner.');
}

start().catch((error) => {
  mapElement.dataset.state = 'error';
  report(error.message, true);
});
