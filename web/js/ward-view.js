/**
 * Councillor mode: wards shaded by the chosen figure: crime (GET /api/wards/choropleth), road
 * collisions or KSI (/api/wards/collisions) or council cases of all or one type
 * (/api/wards/council-cases), counts rounded to 5 and small ones suppressed by the service, which
 * also sends the class breaks; a legend with those breaks, and for a clicked ward its figures and
 * links to its report (page and PDF). No incident, collision or case point is ever requested, so a
 * fatal collision is only ever a count.
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
const COLLISION_LABELS = {
  collisions: 'Road collisions (rounded to 5)',
  ksi: 'Killed or seriously injured collisions (rounded to 5)',
};
const COUNCIL_METRIC = 'council-cases';
const OWN_PERIOD = 'The last 12 months of these data; the date range applies to crime only.';

/**
 * What the #ward-metric choice draws: the service to ask, the value shaded and its breaks, the
 * legend title and a ward's figure rows. Crime figures come classed from the choropleth service,
 * for the chosen months. Collisions and council cases take the last 12 months of their own data
 * (the services' default): STATS19 is published a year or more after police.uk crime, so the crime
 * months would often hold no collision at all.
 */
function figureOf(metric, filters, typeLabels) {
  if (COLLISION_LABELS[metric]) {
    return {
      path: '/api/wards/collisions', query: {}, label: COLLISION_LABELS[metric], note: OWN_PERIOD,
      value: (p) => p[metric], breaks: (result) => result.breaks[metric],
      rows: (p) => [['Road collisions', about(p.collisions)], ['Killed or seriously injured', about(p.ksi)],
        ['Fatal (counted, never mapped)', about(p.fatal)]],
    };
  }
  if (metric.startsWith(COUNCIL_METRIC)) {
    const type = metric.split(':')[1] || null;
    return {
      path: '/api/wards/council-cases', query: { types: type }, note: OWN_PERIOD,
      label: `${type ? typeLabels.get(type) || type : 'Council cases'} (rounded to 5)`,
      value: (p) => p.cases, breaks: (result) => result.breaks,
      rows: (p) => [['Council cases', about(p.cases)],
        ...Object.entries(p.byType).map(([slug, n]) => [typeLabels.get(slug) || slug, about(n)])],
    };
  }
  return {
    path: '/api/wards/choropleth', label: METRIC_LABELS[metric], rows: (p) => crimeRows(p, metric),
    query: { from: filters.fromMonth, to: filters.toMonth, metric, types: filters.crimeTypes ? filters.crimeTypes.join(',') : null },
  };
}

export function createWardView({ map, mapElement, panel, currentFilters, report }) {
  const metricSelect = panel.querySelector('#ward-metric');
  const legend = panel.querySelector('#ward-legend');
  const summary = panel.querySelector('#ward-summary');
  const layer = L.geoJSON(null, { style: () => ({}) }).addTo(map);
  const typeLabels = new Map();
  let generation = 0;

  metricSelect.addEventListener('change', () => refresh());
  // One choice per council case type, in the taxonomy's order, under "Council cases".
  const typesLoaded = fetchJson('/api/council/types', null, 'loading the council case types').then((answer) => {
    const group = metricSelect.querySelector('#ward-metric-council');
    for (const type of answer.types) {
      typeLabels.set(type.slug, type.label);
      const option = createElement('option', null, type.label);
      option.value = `${COUNCIL_METRIC}:${type.slug}`;
      group.appendChild(option);
    }
  }).catch((error) => report(error.message, true));

  async function refresh() {
    const filters = currentFilters();
    if (filters.problem) {
      report(filters.problem, true);
      return;
    }
    const run = ++generation;
    mapElement.dataset.choroplethState = 'loading';
    await typesLoaded;
    const figure = figureOf(metricSelect.value, filters, typeLabels);
    try {
      const result = await fetchJson(figure.path, figure.query, 'loading the ward map');
      if (run !== generation) {
        return;
      }
      draw(classify(result, figure), figure);
      mapElement.dataset.choroplethWards = String(result.features.length);
      mapElement.dataset.choroplethState = 'ready';
      report(`Ward figures for ${result.period.from} to ${result.period.to}.`);
    } catch (error) {
      mapElement.dataset.choroplethState = 'error';
      report(error.message, true);
    }
  }

  function draw(result, figure) {
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
      wardLayer.bindPopup(() => createDefinitionPopup(`${p.name} ward`, figure.rows(p)));
      wardLayer.on('click', () => select(p, result, figure));
    });
    renderLegend(result, figure);
  }

  function select(p, result, figure) {
    mapElement.dataset.selectedWard = p.code;
    const reportQuery = toQueryString({ from: result.period.from, to: result.period.to });
    summary.replaceChildren(createDefinitionPopup(`${p.name} ward`, figure.rows(p)));
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

  function renderLegend(result, figure) {
    const title = createElement('p', 'legend__title', figure.label);
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
    title.append(' ', createElement('span', 'ward-legend__period', `${result.period.from} to ${result.period.to}`));
    // The rounding rule folds to one line, so the legend fits beside the map on a laptop screen.
    const rule = createElement('details', 'panel__fold ward-legend__rule');
    rule.append(createElement('summary', null, 'How figures are rounded'),
      createElement('p', 'analysis__hint', result.disclosure.rule));
    const notes = [figure.note, ...(result.notes || [])].filter(Boolean);
    legend.replaceChildren(title, list, rule, ...notes.map((n) => createElement('p', 'notice', n)));
  }

  return { refresh };
}

function crimeRows(p, metric) {
  return [
    ['Incidents', p.suppressed && p.count === null ? 'fewer than 5' : `about ${p.count}`],
    ['A year earlier', p.previousCount === null ? 'fewer than 5' : `about ${p.previousCount}`],
    [METRIC_LABELS[metric], p.value === null ? 'not shown' : p.value.toFixed(metric === 'count' ? 0 : 1)],
    ['Residents', p.population === null ? 'not loaded' : p.population],
  ];
}

/**
 * Collision and council-case answers in the crime choropleth's shape: the shaded value and its
 * class (the first break it does not exceed; null when suppressed) on each ward, the breaks on top.
 */
function classify(result, figure) {
  if (!figure.value) {
    return result;
  }
  const breaks = figure.breaks(result);
  for (const feature of result.features) {
    const value = figure.value(feature.properties);
    feature.properties.value = value;
    const k = breaks.findIndex((upper) => value <= upper);
    feature.properties.class = value === null ? null : (k < 0 ? breaks.length - 1 : k);
  }
  return { ...result, metric: 'count', breaks };
}

function about(count) {
  return count === null || count === undefined ? 'fewer than 5' : `about ${count}`;
}

function swatchIndex(k, classes) {
  return Math.round((k * (FILLS.length - 1)) / Math.max(1, classes - 1));
}

function format(value) {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
