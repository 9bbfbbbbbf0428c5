/**
 * Entry point of the evaluation page (evaluation.html): pick a logged intervention, evaluate it
 * against a chosen or suggested comparison area, and see the three areas on the map, the
 * monthly series, the displacement quotient and the estimate. Analysts can log interventions
 * from a named area or a polygon drawn by clicking the map.
 *
 * Test hooks on the map element: data-state "loading" | "ready" | "error";
 * data-evaluation-state "idle" | "running" | "done" | "error".
 */
import { currentUser, fetchJson, postJson } from './api.js';
import { fetchViewerConfig } from './config.js';
import { createElement } from './dom.js';
import { createMap } from './map-view.js';
import { drawSeries } from './evaluation-chart.js';

const mapElement = document.getElementById('eval-map');
const statusLine = document.getElementById('status');
const select = document.getElementById('iv-select');
const STYLES = {
  target: { color: '#d1495b', weight: 2, fillOpacity: 0.35 },
  buffer: { color: '#edae49', weight: 1.5, fillOpacity: 0.25 },
  comparison: { color: '#2f5d8a', weight: 1.5, fillOpacity: 0.2 },
};

let map;
let areaLayers = null;
let drawing = [];
let drawingLayer = null;

function report(message, isError = false) {
  statusLine.textContent = message;
  statusLine.classList.toggle('status--error', isError);
}

async function loadInterventions(selectId) {
  const layer = await fetchJson('/api/interventions', {}, 'loading interventions');
  select.replaceChildren();
  for (const f of layer.features) {
    const option = createElement('option', null, `${f.properties.name} (${f.properties.kind}, ${f.properties.start})`);
    option.value = f.id;
    select.appendChild(option);
  }
  if (selectId) {
    select.value = selectId;
  }
  document.getElementById('iv-evaluate').disabled = layer.features.length === 0;
  return layer.features.length;
}

function evaluationQuery() {
  const params = new URLSearchParams();
  const comparison = document.getElementById('iv-comparison').value.trim();
  if (comparison) {
    params.set('comparison', comparison);
  }
  params.set('buffer', document.getElementById('iv-buffer').value || '500');
  return params;
}

async function evaluate(event) {
  event.preventDefault();
  const id = select.value;
  if (!id) {
    return;
  }
  mapElement.dataset.evaluationState = 'running';
  report('Evaluating…');
  try {
    const params = evaluationQuery();
    const e = await fetchJson(`/api/interventions/${encodeURIComponent(id)}/evaluation`,
      Object.fromEntries(params), 'evaluating the intervention');
    show(e, id, params);
    mapElement.dataset.evaluationState = 'done';
    report(`Evaluated ${e.intervention.name}.`);
  } catch (error) {
    mapElement.dataset.evaluationState = 'error';
    report(error.message, true);
  }
}

function show(e, id, params) {
  if (areaLayers) {
    areaLayers.remove();
  }
  areaLayers = L.featureGroup([
    L.geoJSON(e.areas.comparison, { style: STYLES.comparison, interactive: false }),
    L.geoJSON(e.areas.buffer, { style: STYLES.buffer, interactive: false }),
    L.geoJSON(e.areas.target, { style: STYLES.target, interactive: false }),
  ]).addTo(map);
  map.fitBounds(areaLayers.getBounds(), { padding: [20, 20] });

  const a = e.assessment;
  const p = e.periods;
  document.getElementById('iv-periods').textContent = `Before ${p.beforeFrom} to ${p.beforeTo} (${p.beforeMonths} `
    + `months); after ${p.afterFrom} to ${p.afterTo} (${p.afterMonths} months). Comparison: `
    + `${e.areas.comparisonNames.join(', ')}${e.areas.suggested ? ' (suggested)' : ''}.`;
  fillList('iv-summary', a.summary);
  fillList('iv-warnings', [...a.warnings, ...e.notes]);
  const body = document.querySelector('#iv-table tbody');
  body.replaceChildren();
  for (const [name, c] of [['Target', a.target], [`Buffer (${e.areas.bufferMetres} m)`, a.buffer],
    ['Comparison', a.comparison]]) {
    const row = createElement('tr');
    row.appendChild(createElement('td', null, name));
    row.appendChild(createElement('td', null, count(c.before)));
    row.appendChild(createElement('td', null, count(c.after)));
    row.appendChild(createElement('td', null, c.changePercent === undefined ? '–' : percent(c.changePercent)));
    body.appendChild(row);
  }
  const figures = document.getElementById('iv-figures');
  figures.replaceChildren();
  if (a.estimate) {
    figure(figures, 'Estimate (DiD)', `${percent(a.estimate.effectPercent)} (${Math.round(100 * a.estimate.confidence)}% `
      + `interval ${percent(a.estimate.effectLowerPercent)} to ${percent(a.estimate.effectUpperPercent)})`);
  }
  if (a.displacement) {
    figure(figures, 'WDQ', a.displacement.wdq === undefined ? a.displacement.meaning
      : `${a.displacement.wdq.toFixed(2)}: ${a.displacement.meaning}`);
  }
  if (a.harm) {
    figure(figures, 'Harm-weighted ratio', a.harm.ratio.toFixed(2));
  }
  if (a.valueForMoney && a.valueForMoney.costPerCrime !== undefined) {
    const v = a.valueForMoney;
    figure(figures, 'Cost per crime prevented (estimate)', `£${Math.round(v.costPerCrime).toLocaleString('en-GB')}`
      + (v.costPerCrimeUpper === undefined ? ' (no upper bound)' : ` (£${Math.round(v.costPerCrimeLower)
        .toLocaleString('en-GB')} to £${Math.round(v.costPerCrimeUpper).toLocaleString('en-GB')})`));
  }
  drawSeries(document.getElementById('iv-chart'), e);
  document.getElementById('iv-disclosure').textContent = `Counts: ${e.disclosure.rule}.`;
  const base = `/api/interventions/${encodeURIComponent(id)}/evaluation/print?${params}`;
  const print = document.getElementById('iv-print');
  print.href = base;
  print.hidden = false;
  const pdf = document.getElementById('iv-pdf');
  pdf.href = `${base}&format=pdf`;
  pdf.hidden = false;
  document.getElementById('iv-result').hidden = false;
}

function fillList(id, items) {
  const list = document.getElementById(id);
  list.replaceChildren(...items.map((s) => createElement('li', null, s)));
}

function figure(list, term, value) {
  list.appendChild(createElement('dt', null, term));
  list.appendChild(createElement('dd', null, value));
}

function count(n) {
  return n === undefined || n === null ? 'fewer than 5' : String(n);
}

function percent(p) {
  return `${p >= 0 ? '+' : ''}${Math.round(p)}%`;
}

/** Clicks on the map add corners to the drawn target while the log form is shown. */
function addCorner(event) {
  drawing.push([event.latlng.lng, event.latlng.lat]);
  if (drawingLayer) {
    drawingLayer.remove();
  }
  drawingLayer = L.polygon(drawing.map(([lon, lat]) => [lat, lon]), STYLES.target).addTo(map);
}

function clearDrawing() {
  drawing = [];
  if (drawingLayer) {
    drawingLayer.remove();
    drawingLayer = null;
  }
}

async function logIntervention(event) {
  event.preventDefault();
  const area = document.getElementById('log-area').value.trim();
  let target;
  if (drawing.length >= 3) {
    target = { geometry: { type: 'Polygon', coordinates: [[...drawing, drawing[0]]] } };
  } else if (area) {
    target = { area };
  } else {
    report('Give a target area, or click at least three corners on the map.', true);
    return;
  }
  const body = {
    name: document.getElementById('log-name').value,
    kind: document.getElementById('log-kind').value,
    start: document.getElementById('log-start').value,
    target,
  };
  const end = document.getElementById('log-end').value;
  if (end) {
    body.end = end;
  }
  const cost = document.getElementById('log-cost').value;
  if (cost !== '') {
    body.cost = Number(cost);
  }
  try {
    const created = await postJson('/api/interventions', body, 'logging the intervention');
    clearDrawing();
    await loadInterventions(created.id);
    report(`Logged ${created.properties.name}.`);
  } catch (error) {
    report(error.message, true);
  }
}

async function start() {
  const [config, user] = await Promise.all([fetchViewerConfig(), currentUser()]);
  document.getElementById('sample-notice').hidden = !config.sampleData;
  map = createMap(mapElement, config);
  document.getElementById('evaluate-form').addEventListener('submit', evaluate);
  if (user.role === 'analyst' || user.role === 'admin') {
    const form = document.getElementById('log-form');
    form.hidden = false;
    form.addEventListener('submit', logIntervention);
    document.getElementById('log-clear').addEventListener('click', clearDrawing);
    map.on('click', addCorner);
  }
  const n = await loadInterventions(new URLSearchParams(window.location.search).get('id'));
  mapElement.dataset.state = 'ready';
  report(n ? 'Choose an intervention and evaluate it.' : 'No intervention is logged yet.');
}

start().catch((error) => {
  mapElement.dataset.state = 'error';
  report(error.message, true);
});
