/**
 * Entry point of the patrol planning page (patrol.html): pick a shift and units, plan with
 * POST /api/patrols/plan, and see each unit's route in its own colour with numbered stops, a
 * timeline of the visits, and a link to the printable briefing. ?plan=<id> shows a stored plan.
 *
 * Test hooks on the map element (#patrol-map):
 *   data-state        "loading" | "ready" | "planning" | "error"
 *   data-plan-id      the plan shown; empty when none
 *   data-route-count  units with at least one visit
 *   data-stop-count   visits over all units
 */
import { fetchCollectionItems, fetchJson, postJson, postText } from './api.js';
import { BOUNDARY_LIMIT, fetchViewerConfig, showDataNotices } from './config.js';
import { createElement } from './dom.js';
import { createMap } from './map-view.js';
import { guardPage } from './navigation.js';
import { createPlanLayer } from './patrol-map.js';
import { download } from './download.js';
import { renderCompliance, renderTables, renderTimeline, renderWeek } from './patrol-timeline.js';

const PLAN_PATH = '/api/patrols/plan';
const SCHEDULE_PATH = '/api/patrols/schedule';

const mapElement = document.getElementById('patrol-map');
const statusLine = document.getElementById('status');
const form = document.getElementById('patrol-form');
const printLink = document.getElementById('patrol-print');
const field = (id) => document.getElementById(id);

let map;
let planLayer = null;

function show(state, message) {
  mapElement.dataset.state = state;
  statusLine.textContent = message;
  statusLine.classList.toggle('status--error', state === 'error');
}

/** Today 14:00-22:00, as datetime-local values (the browser's local time is taken as London time). */
function defaultShift() {
  const today = new Date();
  const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  field('patrol-start').value = `${day}T14:00`;
  field('patrol-end').value = `${day}T22:00`;
  field('patrol-week-start').value = day;
}

function request() {
  const body = {
    start: field('patrol-start').value,
    end: field('patrol-end').value,
    units: Number(field('patrol-units').value),
    mode: field('patrol-mode').value,
    visitMinutes: Number(field('patrol-visit').value),
    revisitMinutes: Number(field('patrol-revisit').value),
    maxHotspots: Number(field('patrol-max').value),
    hotspots: field('patrol-method').value,
    randomize: field('patrol-randomize').checked,
  };
  if (body.randomize && field('patrol-seed').value !== '') {
    body.seed = Number(field('patrol-seed').value);
  }
  if (field('patrol-area').value) {
    body.filter = { area: field('patrol-area').value };
  }
  return body;
}

function showPlan(plan) {
  if (planLayer) {
    map.removeLayer(planLayer);
  }
  planLayer = createPlanLayer(plan).addTo(map);
  renderSummary(plan);
  renderTimeline(field('patrol-timeline-chart'), plan);
  renderTables(field('patrol-tables'), plan);
  field('patrol-timeline').hidden = false;
  // The timeline takes height from the map: resize before fitting the routes.
  map.invalidateSize();
  if (planLayer.getBounds().isValid()) {
    map.fitBounds(planLayer.getBounds(), { padding: [30, 30] });
  }
  printLink.href = plan.links.print;
  printLink.hidden = false;
  mapElement.dataset.planId = plan.id;
  mapElement.dataset.routeCount = String(plan.units.filter((u) => u.visits.length > 0).length);
  mapElement.dataset.stopCount = String(plan.units.reduce((n, u) => n + u.visits.length, 0));
  window.history.replaceState(null, '', `?plan=${encodeURIComponent(plan.id)}`);
  field('patrol-tracks-form').hidden = false;
  field('patrol-compliance-total').textContent = '';
  show('ready', `${plan.summary.visited} visits planned for ${plan.units.length} unit${plan.units.length === 1 ? '' : 's'}.`);
}

function renderSummary(plan) {
  const s = plan.summary;
  const facts = [
    `${s.visited} visits to ${plan.hotspots.filter((h) => h.visits > 0).length} of ${plan.hotspots.length} hot spots (${s.hotspotsFound} found)`,
    `${(100 * s.shareOfShiftRisk).toFixed(0)} % of the shift's risk covered`,
    `Travel ${(s.distanceMetres / 1000).toFixed(1)} km, ${Math.round(s.travelMinutes)} min; on site ${Math.round(s.dwellMinutes)} min`,
    `Distances: ${plan.parameters.distance}`,
  ];
  field('patrol-facts').replaceChildren(...facts.map((text) => createElement('li', null, text)));
  field('patrol-notes').replaceChildren(...plan.notes.map((text) => createElement('li', null, text)));
  field('patrol-summary').hidden = false;
}

async function uploadTracks(event) {
  event.preventDefault();
  const file = field('patrol-tracks-file').files[0];
  const planId = mapElement.dataset.planId;
  if (!file || !planId) {
    return;
  }
  const gpx = file.name.toLowerCase().endsWith('.gpx');
  show('planning', 'Measuring the dose…');
  try {
    const report = await postText(`${PLAN_PATH}/${encodeURIComponent(planId)}/tracks?format=${gpx ? 'gpx' : 'csv'}`,
      await file.text(), gpx ? 'application/gpx+xml' : 'text/csv', 'uploading tracks');
    renderCompliance(field('patrol-compliance'), report);
    field('patrol-compliance-total').textContent = `${Math.round(100 * report.total.compliance)} % of the planned `
      + `dose delivered (${report.total.deliveredMinutes} of ${report.total.plannedMinutes} min, ${report.points} fixes).`;
    show('ready', 'Dose measured.');
  } catch (error) {
    show('error', error.message || String(error));
  }
}

/** The week schedule's request: the shift hours and units of the plan form, the days and places here. */
function weekRequest() {
  return {
    firstDay: field('patrol-week-start').value,
    days: Number(field('patrol-week-days').value),
    places: Number(field('patrol-week-places').value),
    units: Number(field('patrol-units').value),
    shifts: [{ start: field('patrol-start').value.slice(11, 16), end: field('patrol-end').value.slice(11, 16) }],
    hotspots: field('patrol-method').value,
  };
}

let lastWeek = null;

async function scheduleWeek(event) {
  event.preventDefault();
  show('planning', 'Scheduling the week…');
  try {
    const body = weekRequest();
    const schedule = await postJson(SCHEDULE_PATH, body, 'scheduling the week');
    // The calendar file comes from the same seed, so it matches the table.
    lastWeek = { ...body, seed: schedule.seed };
    renderWeek(field('patrol-week-calendar'), schedule);
    field('patrol-week').hidden = false;
    field('patrol-week-ics').hidden = false;
    show('ready', `${schedule.visits.length} visits scheduled over ${schedule.days} days.`);
  } catch (error) {
    show('error', error.message || String(error));
  }
}

async function downloadWeek() {
  if (lastWeek) {
    const ics = await postJson(`${SCHEDULE_PATH}?format=ics`, lastWeek, 'exporting the calendar', { asText: true });
    download(`patrol-schedule-${lastWeek.firstDay}.ics`, ics, 'text/calendar');
  }
}

async function plan(event) {
  event.preventDefault();
  show('planning', 'Planning patrols…');
  field('patrol-run').disabled = true;
  try {
    showPlan(await postJson(PLAN_PATH, request(), 'planning patrols'));
  } catch (error) {
    show('error', error.message || String(error));
  } finally {
    field('patrol-run').disabled = false;
  }
}

/** Neighbourhoods and wards as filter areas. */
async function loadAreas(wards) {
  const neighbourhoods = await fetchCollectionItems('neighbourhoods', { limit: BOUNDARY_LIMIT });
  const select = field('patrol-area');
  for (const [kind, label, collection] of [['neighbourhood', 'Neighbourhood', neighbourhoods], ['ward', 'Ward', wards]]) {
    const group = createElement('optgroup');
    group.label = label;
    for (const feature of collection.features) {
      const option = createElement('option', null, feature.properties.name || feature.properties.code);
      option.value = `${kind}:${feature.properties.code}`;
      group.appendChild(option);
    }
    select.appendChild(group);
  }
}

async function start() {
  if (!(await guardPage('patrol'))) {
    return;
  }
  const config = await fetchViewerConfig();
  showDataNotices(config);
  map = createMap(mapElement, config);
  const wards = await fetchCollectionItems('wards', { limit: BOUNDARY_LIMIT });
  L.geoJSON(wards, { style: { color: '#37474f', weight: 1.5, fillOpacity: 0 }, interactive: false }).addTo(map);
  await loadAreas(wards);
  defaultShift();
  form.addEventListener('submit', plan);
  field('patrol-tracks-form').addEventListener('submit', uploadTracks);
  field('patrol-week-form').addEventListener('submit', scheduleWeek);
  field('patrol-week-ics').addEventListener('click', downloadWeek);
  const stored = new URLSearchParams(window.location.search).get('plan');
  if (stored) {
    showPlan(await fetchJson(`${PLAN_PATH}/${encodeURIComponent(stored)}`, {}, 'loading the plan'));
  } else {
    show('ready', 'Choose a shift and units, then plan.');
  }
}

start().catch((error) => show('error', error.message || String(error)));
