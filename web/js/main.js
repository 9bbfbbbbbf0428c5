/**
 * Entry point: loads the configuration, builds the map, draws the boundaries, then the
 * incidents, and wires the panel. The map element's data-state turns "ready" only once
 * the boundaries and the first incident page are drawn. The Analysis section has its own
 * state (data-analysis-state), "idle" until a run.
 */
import { analysisLayer } from './analysis-layer.js';
import { createAnalysisLegend } from './analysis-legend.js';
import { createAnalysisPanel } from './analysis-panel.js';
import { listAreas, loadBoundaryLayers } from './boundaries.js';
import { fetchViewerConfig } from './config.js';
import { createFilterPanel } from './filters.js';
import { incidentLayer } from './incidents.js';
import { bindLayerToggles } from './layer-toggles.js';
import { createLegendControl } from './legend.js';
import { createMap } from './map-view.js';
import { createAnalysisReporter, createStatusReporter } from './status.js';

async function start(mapElement, reporter) {
  reporter.loading('Loading viewer settings…');
  const config = await fetchViewerConfig();
  document.getElementById('sample-notice').hidden = !config.sampleData;

  const map = createMap(mapElement, config);
  createLegendControl(config.categories).addTo(map);

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

  // Adding the ticked layers draws the boundaries and starts the first incident fetch.
  bindLayerToggles(map, { ...boundaries, incidents });
  if (!map.hasLayer(incidents)) {
    reporter.ready('Incidents layer is hidden.');
  }
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
