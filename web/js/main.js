/**
 * Entry point: loads the configuration, builds the map, draws the boundaries, then the
 * incidents, and wires the panel. The map element's data-state turns "ready" only once
 * the boundaries and the first incident page are drawn.
 */
import { loadBoundaryLayers } from './boundaries.js';
import { fetchViewerConfig } from './config.js';
import { createFilterPanel } from './filters.js';
import { incidentLayer } from './incidents.js';
import { bindLayerToggles } from './layer-toggles.js';
import { createLegendControl } from './legend.js';
import { createMap } from './map-view.js';
import { createStatusReporter } from './status.js';

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
  const filters = createFilterPanel({
    categories: config.categories,
    extent: config.extent,
    onChange: (current) => incidents.setFilters(current),
  });
  incidents.setFilters(filters.current());

  // Adding the ticked layers draws the boundaries and starts the first incident fetch.
  bindLayerToggles(map, { ...boundaries, incidents });
  if (!map.hasLayer(incidents)) {
    reporter.ready('Incidents layer is hidden.');
  }
}

const mapElement = document.getElementById('map');
const reporter = createStatusReporter(mapElement, document.getElementById('status'));
start(mapElement, reporter).catch((error) => reporter.failed(error));
