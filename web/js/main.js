/**
 * Entry point: checks who is signed in, loads the configuration, builds the map, draws the
 * boundaries, then the incidents, and wires the panel. The map element's data-state turns
 * "ready" only once the boundaries and the first incident page are drawn. The Analysis section
 * has its own state (data-analysis-state), "idle" until a run.
 *
 * Roles that may not see incidents (councillors, the public) get councillor mode instead
 * (data-mode="councillor"): the ward map and reports, and no incident, analysis or planning.
 */
import { analysisLayer } from './analysis-layer.js';
import { currentUser, fetchJson } from './api.js';
import { createAnalysisLegend } from './analysis-legend.js';
import { createAnalysisPanel } from './analysis-panel.js';
import { listAreas, loadBoundaryLayers } from './boundaries.js';
import { fetchViewerConfig, showDataNotices } from './config.js';
import { createFilterPanel } from './filters.js';
import { incidentLayer } from './incidents.js';
import { bindLayerToggles } from './layer-toggles.js';
import { createLegendControl } from './legend.js';
import { createMap } from './map-view.js';
import {
  collisionLayer, councilCaseLayer, overlayLegendSections, speedConcernLayer,
} from './point-overlay.js';
import { showAllowedLinks } from './navigation.js';
import { bindPrintView } from './print-view.js';
import { bindSearch } from './search.js';
import { createAnalysisReporter, createStatusReporter } from './status.js';
import { createWardView } from './ward-view.js';

async function start(mapElement, reporter) {
  reporter.loading('Checking who is signed in…');
  const user = await currentUser();
  showUser(user);
  showAllowedLinks(user.role);
  reporter.loading('Loading viewer settings…');
  const config = await fetchViewerConfig();
  showDataNotices(config);

  const map = createMap(mapElement, config);
  bindSearch(map, mapElement);
  if (!user.seesPoints) {
    const filters = await startCouncillorMode(map, mapElement, config, reporter);
    bindPrintView({ map, period: () => filters.current(), subject: () => `wards by ${selectedText('ward-metric').toLowerCase()}` });
    return;
  }
  mapElement.dataset.mode = 'full';
  // The legend still shows categories, severities and boundaries if the case types cannot load.
  const caseTypes = await fetchJson('/api/council/types', null, 'loading the council case types')
    .then((answer) => answer.types, (error) => {
      console.warn(error.message);
      return [];
    });
  createLegendControl(config.categories, overlayLegendSections(caseTypes)).addTo(map);

  reporter.loading('Loading boundaries…');
  const boundaries = await loadBoundaryLayers(map);
  reporter.boundariesLoaded({
    wards: boundaries.wards.getLayers().length,
    lsoa: boundaries.lsoa.getLayers().length,
    neighbourhoods: boundaries.neighbourhoods.getLayers().length,
  });

  const incidents = incidentLayer({ reporter });
  let analysisPanel = null;
  const filters = createFilterPanel({
    categories: config.categories,
    extent: config.extent,
    onChange: (current) => {
      incidents.setFilters(current);
      if (analysisPanel) {
        analysisPanel.filtersChanged();
      }
    },
  });
  incidents.setFilters(filters.current());

  analysisPanel = startAnalysisPanel(map, mapElement, config, boundaries, filters);
  bindPrintView({ map, period: () => filters.current(), subject: () => (mapElement.dataset.analysisState === 'ready'
    ? selectedText('analysis-method') : 'recorded crime incidents') });

  // Adding the ticked layers draws the boundaries and starts the first incident fetch.
  bindLayerToggles(map, { ...boundaries, incidents, collisions: collisionLayer(),
    'speed-concerns': speedConcernLayer(), 'council-cases': councilCaseLayer() });
  if (!map.hasLayer(incidents)) {
    reporter.ready('Incidents layer is hidden.');
  }
}

/** The signed-in user and a sign-out button. */
function showUser(user) {
  document.getElementById('user-name').textContent = `${user.name} (${user.role})`;
  document.getElementById('user-line').hidden = user.via !== 'session';
  document.getElementById('sign-out').addEventListener('click', async () => {
    await fetch('/api/logout', { method: 'POST', headers: { 'X-CSRF-Token': user.csrfToken || '' } });
    window.location.assign('/viewer/login.html');
  });
}

/** Ward figures only: no incident layer, no analysis, no planning links. */
async function startCouncillorMode(map, mapElement, config, reporter) {
  mapElement.dataset.mode = 'councillor';
  for (const id of ['layers-group', 'analysis-form', 'point-links']) {
    document.getElementById(id).hidden = true;
  }
  const panel = document.getElementById('ward-panel');
  panel.hidden = false;
  let view = null;
  const filters = createFilterPanel({
    categories: config.categories,
    extent: config.extent,
    onChange: () => view && view.refresh(),
  });
  view = createWardView({ map, mapElement, panel, currentFilters: () => filters.current(),
    report: (message, isError) => (isError ? reporter.failed(new Error(message)) : reporter.ready(message)) });
  await view.refresh();
  return filters;
}

/** The shown text of a select's chosen option, for the printed title. */
function selectedText(id) {
  const select = document.getElementById(id);
  const option = select.options[select.selectedIndex];
  return option ? option.text : '';
}

/** The analysis result layer (above the boundaries), its legend and the panel's Analysis section. */
function startAnalysisPanel(map, mapElement, config, boundaries, filters) {
  const categoryLabels = new Map(config.categories.map((category) => [category.slug, category.label]));
  const layer = analysisLayer({ categoryLabels }).addTo(map);
  const legend = createAnalysisLegend().addTo(map);
  const reporter = createAnalysisReporter(mapElement, document.getElementById('analysis-status'),
    document.getElementById('analysis-form'));
  return createAnalysisPanel({
    layer,
    legend,
    reporter,
    currentFilters: () => filters.current(),
    areas: { neighbourhoods: listAreas(boundaries.neighbourhoods), wards: listAreas(boundaries.wards) },
  });
}

const mapElement = document.getElementById('map');
const reporter = createStatusReporter(mapElement, document.getElementById('status'));
start(mapElement, reporter).catch((error) => reporter.failed(error));
