/**
 * The panel's Analysis section: method, its parameters, an optional area, Run and Clear.
 * A run sends the method's parameters plus the panel's filters (from, to, types) and the
 * area, and the analysis layer draws the result. Problems the panel can see (a parameter
 * out of range, no category ticked) are reported without asking the service; the service's
 * own 400 messages are shown as they come.
 */
import { checkNumber, findMethod, METHODS } from './analysis-methods.js';
import { describeResult } from './analysis-summary.js';
import { toQueryString } from './api.js';
import { createElement } from './dom.js';
import { download } from './download.js';

/**
 * Fills in and wires the Analysis section.
 * @param {Object} options
 * @param {Object} options.layer the analysis layer (analysis-layer.js), on the map
 * @param {Object} options.legend the analysis legend control (analysis-legend.js), on the map
 * @param {Object} options.reporter from createAnalysisReporter (status.js)
 * @param {function(): Object} options.currentFilters the filter panel's current filters
 * @param {{neighbourhoods: Array, wards: Array}} options.areas [{code, name}] for the Area select
 * @returns {{filtersChanged: function()}}
 */
export function createAnalysisPanel({ layer, legend, reporter, currentFilters, areas }) {
  const form = document.getElementById('analysis-form');
  const methodSelect = document.getElementById('analysis-method');
  const description = document.getElementById('analysis-description');
  const areaSelect = document.getElementById('analysis-area');
  const runButton = document.getElementById('analysis-run');
  const downloadButton = document.getElementById('analysis-download');
  // The last vector result (clusters, Gi* cells, emerging cells, contours) as the service sent it.
  let lastResult = null;
  const stale = document.getElementById('analysis-stale');
  const results = {
    summary: document.getElementById('analysis-summary'),
    warnings: document.getElementById('analysis-warnings'),
  };

  fillMethodSelect(methodSelect);
  const inputs = renderParameterInputs(document.getElementById('analysis-parameters'));
  fillAreaSelect(areaSelect, areas);

  const settings = document.getElementById('analysis-settings');
  const settingsSummary = document.getElementById('analysis-settings-summary');
  const summariseSettings = () => {
    settingsSummary.textContent = describeSettings(findMethod(methodSelect.value), inputs);
  };
  const showMethod = () => {
    const method = findMethod(methodSelect.value);
    description.textContent = method.description;
    for (const group of inputs.groups) {
      group.hidden = group.dataset.method !== method.id;
    }
    summariseSettings();
  };
  methodSelect.addEventListener('change', showMethod);
  settings.addEventListener('input', summariseSettings);
  settings.addEventListener('change', summariseSettings);
  showMethod();
  // The page starts with Run disabled, so nothing can be run before the panel is wired.
  runButton.disabled = false;

  let runCount = 0;

  async function run() {
    const method = findMethod(methodSelect.value);
    const filters = currentFilters();
    const { query, extras, problem } = buildRequest(method, inputs, filters, areaSelect.value);
    runCount += 1;
    const thisRun = runCount;
    // The previous result goes at once, so the map never shows it under a newer run's state.
    layer.clear();
    clearResults(results, stale, legend);
    lastResult = null;
    downloadButton.disabled = true;
    if (problem) {
      // The folded settings open, so the value at fault can be seen and corrected.
      settings.open = true;
      reporter.failed(method.id, problem, '');
      return;
    }
    const queryString = toQueryString(query);
    reporter.running(method.id, queryString, `Running ${method.label}…`);
    runButton.disabled = true;
    try {
      const result = await layer.run(method.id, query, extras);
      if (result === null || thisRun !== runCount) {
        return;
      }
      lastResult = geoJsonOf(method.id, result.response);
      downloadButton.disabled = lastResult === null;
      const summary = describeResult(method.id, result);
      showResults(results, summary);
      legend.show(method.id, result);
      layer.fitToResult();
      reporter.ready(method.id, result.featureCount, queryString, summary.headline);
    } catch (error) {
      if (thisRun === runCount) {
        reporter.failed(method.id, error, queryString);
      }
    } finally {
      if (thisRun === runCount) {
        runButton.disabled = false;
      }
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  downloadButton.addEventListener('click', () => {
    if (lastResult) {
      download(`${lastResult.name}.geojson`, JSON.stringify(lastResult.geojson), 'application/geo+json');
    }
  });
  document.getElementById('analysis-clear').addEventListener('click', () => {
    runCount += 1;
    lastResult = null;
    downloadButton.disabled = true;
    layer.clear();
    clearResults(results, stale, legend);
    runButton.disabled = false;
    reporter.idle();
  });

  return {
    /** The date range or categories changed: a drawn result no longer matches them. */
    filtersChanged() {
      if (reporter.state() === 'ready') {
        stale.hidden = false;
        reporter.stale(true);
      }
    },
  };
}

function fillMethodSelect(select) {
  for (const method of METHODS) {
    const option = createElement('option', null, method.label);
    option.value = method.id;
    select.appendChild(option);
  }
}

/**
 * One group of inputs per method (only the selected method's group is shown). Input ids are
 * analysis-<method>-<parameter>, e.g. analysis-gistar-band.
 */
function renderParameterInputs(container) {
  const groups = [];
  const byMethod = new Map();
  for (const method of METHODS) {
    const group = createElement('div', 'analysis__parameters');
    group.dataset.method = method.id;
    const controls = new Map();
    for (const parameter of method.parameters) {
      const control = createControl(method, parameter);
      controls.set(parameter.name, control);
      group.appendChild(createParameterRow(parameter, control));
    }
    container.appendChild(group);
    groups.push(group);
    byMethod.set(method.id, controls);
  }
  return { groups, byMethod };
}

function createControl(method, parameter) {
  const id = `analysis-${method.id}-${parameter.name}`;
  let control;
  if (parameter.kind === 'select') {
    control = createElement('select');
    for (const choice of parameter.options) {
      const option = createElement('option', null, choice.label);
      option.value = choice.value;
      control.appendChild(option);
    }
    control.value = parameter.default;
  } else if (parameter.kind === 'checkbox') {
    control = createElement('input');
    control.type = 'checkbox';
    control.checked = Boolean(parameter.default);
  } else {
    control = createElement('input');
    control.type = 'number';
    control.min = String(parameter.min);
    control.max = String(parameter.max);
    control.step = String(parameter.step || 'any');
    control.inputMode = 'numeric';
    control.required = !parameter.optional;
    control.value = parameter.default === null || parameter.default === undefined ? '' : String(parameter.default);
    if (parameter.hint) {
      control.placeholder = 'auto';
    }
  }
  control.id = id;
  control.name = parameter.name;
  return control;
}

function createParameterRow(parameter, control) {
  const row = createElement('div', `analysis__parameter analysis__parameter--${parameter.kind}`);
  const label = createElement('label');
  label.htmlFor = control.id;
  if (parameter.kind === 'checkbox') {
    label.append(control, createElement('span', null, parameter.label));
    row.appendChild(label);
    return row;
  }
  label.textContent = parameter.unit ? `${parameter.label} (${parameter.unit})` : parameter.label;
  row.append(label, control);
  if (parameter.kind === 'number') {
    const range = `${parameter.min}–${parameter.max}${parameter.unit ? ` ${parameter.unit}` : ''}`;
    const hint = createElement('span', 'analysis__hint', parameter.hint ? `${range}; ${parameter.hint}` : range);
    hint.id = `${control.id}-hint`;
    control.setAttribute('aria-describedby', hint.id);
    row.appendChild(hint);
  }
  return row;
}

/**
 * The folded settings' one-line summary: each parameter as it will be sent, e.g.
 * "search distance 50 m, minimum incidents 20"; an empty optional number reads "auto".
 */
function describeSettings(method, inputs) {
  const controls = inputs.byMethod.get(method.id);
  const parts = [];
  for (const parameter of method.parameters) {
    const control = controls.get(parameter.name);
    const label = parameter.label.toLowerCase();
    if (parameter.kind === 'checkbox') {
      if (control.checked) {
        parts.push(label);
      }
    } else if (parameter.kind === 'select') {
      parts.push(`${label} ${control.options[control.selectedIndex].text.toLowerCase()}`);
    } else {
      const value = control.value.trim();
      parts.push(value ? `${label} ${value}${parameter.unit ? ` ${parameter.unit}` : ''}` : `${label} auto`);
    }
  }
  return parts.join(', ');
}

/** "Whole borough", then the priority neighbourhoods and the wards, each sorted by name. */
function fillAreaSelect(select, areas) {
  const groups = [
    ['Priority neighbourhoods', 'neighbourhood', areas.neighbourhoods],
    ['Wards', 'ward', areas.wards],
  ];
  for (const [label, kind, list] of groups) {
    if (!list || list.length === 0) {
      continue;
    }
    const optgroup = createElement('optgroup');
    optgroup.label = label;
    for (const area of list) {
      const option = createElement('option', null, area.name || area.code);
      option.value = `${kind}:${area.code}`;
      optgroup.appendChild(option);
    }
    select.appendChild(optgroup);
  }
}

/**
 * The query for a run: the method's parameters, then from, to, types (left out when every
 * category is ticked) and area (left out for the whole borough).
 */
function buildRequest(method, inputs, filters, area) {
  const controls = inputs.byMethod.get(method.id);
  const query = {};
  const extras = {};
  for (const parameter of method.parameters) {
    const control = controls.get(parameter.name);
    if (parameter.kind === 'checkbox') {
      extras[parameter.name] = control.checked;
      continue;
    }
    if (parameter.kind === 'select') {
      query[parameter.name] = control.value;
      continue;
    }
    const { value, problem } = checkNumber(parameter, control.value);
    if (problem) {
      return { problem };
    }
    query[parameter.name] = value;
  }
  if (filters.problem) {
    return { problem: filters.problem };
  }
  if (filters.crimeTypes && filters.crimeTypes.length === 0) {
    return { problem: 'No categories selected: tick at least one to run an analysis.' };
  }
  query.from = filters.fromMonth;
  query.to = filters.toMonth;
  query.types = filters.crimeTypes ? filters.crimeTypes.join(',') : null;
  query.area = area || null;
  return { query, extras, problem: null };
}

function showResults(results, summary) {
  results.summary.replaceChildren(...summary.lines.map((line) => createElement('li', null, line)));
  results.summary.hidden = summary.lines.length === 0;
  results.warnings.replaceChildren(...summary.warnings.map((text) => createElement('li', null, text)));
  results.warnings.hidden = summary.warnings.length === 0;
}

function clearResults(results, stale, legend) {
  results.summary.replaceChildren();
  results.summary.hidden = true;
  results.warnings.replaceChildren();
  results.warnings.hidden = true;
  stale.hidden = true;
  legend.hide();
}

/** The downloadable GeoJSON of a result: the features for vector methods, the contours for density. */
function geoJsonOf(methodId, response) {
  const geojson = methodId === 'density' ? response && response.contours : response;
  return geojson && Array.isArray(geojson.features) ? { name: `safermap-${methodId}`, geojson } : null;
}
