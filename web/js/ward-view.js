/**
 * Councillor mode: wards shaded by the chosen metric (GET /api/wards/choropleth, counts rounded to
 * 5 and small ones suppressed by the service), a legend with the class breaks, and for a clicked
 * ward its figures and links to its report (page and PDF). No incident is ever requested.
 *
 * Test hooks on the map element: data-choropleth-state ("loading" | "ready" | "error"),
 * data-choropleth-wards, data-selected-ward.
 */
import { fetchJson, toQueryString } from './api.js';
import { createDefinitionPopup, createElement } from './dom.js';

/** ColorBrewer YlOrRd, as the server's report map. */
const FILLS = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
const SUPPRESSED_FILL = '#dddddd';
/**
 * Change is drawn on a diverging ramp centred on 0 with fixed, symmetric classes (ColorBrewer
 * RdBu, blue for a fall, red for a rise), so a fall is never drawn in the colour of a rise, as
 * ranked classes of the values would do.
 */
const CHANGE_CLASSES = [
  { upTo: -20, fill: '#0571b0', label: 'down 20 % or more' },
  { upTo: -5, fill: '#92c5de', label: 'down 5 % to 20 %' },
  { upTo: 5, fill: '#f7f7f7', label: 'within 5 % either way' },
  { upTo: 20, fill: '#f4a582', label: 'up 5 % to 20 %' },
  { upTo: Infinity, fill: '#ca0020', label: 'up 20 % or more' },
];

function changeFill(value) {
  return CHANGE_CLASSES.find((c) => value < c.upTo || c.upTo === Infinity).fill;
}
const METRIC_LABELS = {
  count: 'Incidents (rounded to 5)',
  rate: 'Incidents per 1,000 residents',
  change: '% change on a year earlier',
};

export function createWardView({ map, mapElement, panel, currentFilters, report }) {
  const metricSelect = panel.querySelector('#ward-metric');
  const legend = panel.querySelector('#ward-legend');
  const summary = panel.querySelector('#ward-summary');
  const layer = L.geoJSON(null, { style: () => ({}) }).addTo(map);
  let generation = 0;

  metricSelect.addEventListener('change', () => refresh());

  async function refresh() {
    const filters = currentFilters();
    if (filters.problem) {
      report(filters.problem, true);
      return;
    }
    const run = ++generation;
    mapElement.dataset.choroplethState = 'loading';
    const query = { metric: metricSelect.value, from: filters.fromMonth, to: filters.toMonth,
      types: filters.crimeTypes ? filters.crimeTypes.join(',') : null };
    try {
      const result = await fetchJson('/api/wards/choropleth', query, 'loading the ward map');
      if (run !== generation) {
        return;
      }
      draw(result, query);
      mapElement.dataset.choroplethWards = String(result.features.length);
      mapElement.dataset.choroplethState = 'ready';
      report(`Ward figures for ${result.period.from} to ${result.period.to}.`);
    } catch (error) {
      mapElement.dataset.choroplethState = 'error';
      report(error.message, true);
    }
  }

  function draw(result, query) {
    layer.clearLayers();
    const classes = result.breaks.length;
    layer.options.style = (feature) => {
      const p = feature.properties;
      let fill;
      if (result.metric === 'change') {
        fill = Number.isFinite(p.value) ? changeFill(p.value) : SUPPRESSED_FILL;
      } else {
        fill = p.class === null || p.class === undefined ? SUPPRESSED_FILL
          : FILLS[Math.round((p.class * (FILLS.length - 1)) / Math.max(1, classes - 1))];
      }
      return { color: '#37474f', weight: 1.5, fillColor: fill, fillOpacity: 0.75, className: 'ward-choropleth' };
    };
    layer.addData(result);
    layer.eachLayer((wardLayer) => {
      const p = wardLayer.feature.properties;
      // The figures open where the councillor clicked, and stay in the panel with the report links.
      wardLayer.bindPopup(() => createDefinitionPopup(`${p.name} ward`, figureRows(p, query)));
      wardLayer.on('click', () => select(p, result, query));
    });
    renderLegend(result);
  }

  function select(p, result, query) {
    mapElement.dataset.selectedWard = p.code;
    const reportQuery = toQueryString({ from: result.period.from, to: result.period.to });
    summary.replaceChildren(createDefinitionPopup(`${p.name} ward`, figureRows(p, query)));
    const links = createElement('p', 'ward__links');
    const page = createElement('a', null, 'Ward report');
    page.href = `/api/reports/ward/${encodeURIComponent(p.code)}?${reportQuery}`;
    page.id = 'ward-report-link';
    const pdf = createElement('a', null, 'PDF');
    pdf.href = `/api/reports/ward/${encodeURIComponent(p.code)}?${reportQuery}&format=pdf`;
    pdf.id = 'ward-report-pdf';
    links.append(page, ' · ', pdf);
    summary.appendChild(links);
    summary.hidden = false;
  }

  function renderLegend(result) {
    const title = createElement('p', 'legend__title', METRIC_LABELS[result.metric]);
    const list = createElement('ul', 'ward-legend__list');
    let lower = null;
    if (result.metric === 'change') {
      for (const c of CHANGE_CLASSES) {
        const swatch = createElement('span', 'ward-legend__swatch');
        swatch.style.background = c.fill;
        const item = createElement('li');
        item.append(swatch, ` ${c.label}`);
        list.appendChild(item);
      }
    }
    (result.metric === 'change' ? [] : result.breaks).forEach((upper, k) => {
      const item = createElement('li');
      const swatch = createElement('span', `ward-legend__swatch ward-legend__swatch--${swatchIndex(k, result.breaks.length)}`);
      const range = lower === null ? `up to ${format(upper)}` : `${format(lower)} to ${format(upper)}`;
      item.append(swatch, ` ${range}`);
      list.appendChild(item);
      lower = upper;
    });
    const suppressed = createElement('li');
    suppressed.append(createElement('span', 'ward-legend__swatch ward-legend__swatch--none'),
      ' fewer than 5, or not available');
    list.appendChild(suppressed);
    const note = createElement('p', 'analysis__hint', result.disclosure.rule);
    legend.replaceChildren(title, list, note, ...result.notes.map((n) => createElement('p', 'notice', n)));
  }

  return { refresh };
}

function figureRows(p, query) {
  return [
    ['Incidents', p.suppressed && p.count === null ? 'fewer than 5' : `about ${p.count}`],
    ['A year earlier', p.previousCount === null ? 'fewer than 5' : `about ${p.previousCount}`],
    [METRIC_LABELS[query.metric], p.value === null ? 'not shown' : p.value.toFixed(query.metric === 'count' ? 0 : 1)],
    ['Residents', p.population === null ? 'not loaded' : p.population],
  ];
}

function swatchIndex(k, classes) {
  return Math.round((k * (FILLS.length - 1)) / Math.max(1, classes - 1));
}

function format(value) {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
