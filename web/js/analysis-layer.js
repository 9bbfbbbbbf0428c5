/**
 * The analysis result layer: fetches one hot spot analysis and draws it in its own map pane,
 * above the boundaries and the incident markers, so results are seen and clicked first (z-order in app.css).
 *
 *   clusters  DBSCAN cluster polygons, fill fading with rank, "#1: 512 incidents" labels
 *   gistar    Gi* cells coloured by class (not-significant cells are not drawn)
 *   emerging  emerging hot spot cells coloured by category ("no pattern" cells are not drawn)
 *   density   kernel density PNG tiles, plus contour lines when asked for
 *
 * Only the newest run may draw: starting a run or clearing aborts the one before. Results
 * with many features are drawn on a canvas rather than as SVG paths, so a fine Gi* grid
 * does not stall the browser. A Leaflet canvas takes every click over its pane, so while
 * such a result is shown the boundaries underneath cannot be clicked; the renderers are
 * taken off the map with each result, so a later SVG result (or none) does not block them.
 */
import { fetchJson, toQueryString } from './api.js';
import {
  ANALYSIS_CANVAS_THRESHOLD, ANALYSIS_PATHS, DENSITY_TILE_URL, DENSITY_TILES_TIMEOUT_MS, MAX_ZOOM,
} from './config.js';
import {
  buildClusterPopup, buildContourPopup, buildEmergingPopup, buildGiStarPopup, clusterLabel, createTooltipContent,
} from './analysis-popups.js';
import {
  CONTOUR_STYLE, DENSITY_TILE_OPACITY, cellStyle, clusterStyle, getEmergingColor, getGiStarColor, isEmergingDrawn,
  isGiStarDrawn, slugClassName,
} from './analysis-styles.js';

/** The pane name; Leaflet names its element "leaflet-analysis-pane". */
export const ANALYSIS_PANE = 'analysisPane';

/** Clusters ranked up to this get a permanent label; the others show it on hover. */
const LABELLED_CLUSTERS = 5;
const HIGHLIGHT_EXTRA_WEIGHT = 2;

const FIT_PADDING_PX = 24;

/** The widest control in the map's right corners (legends, notices), the attribution line aside. */
function rightControlsWidth(map) {
  const controls = map.getContainer()
    .querySelectorAll('.leaflet-right .leaflet-control:not(.leaflet-control-attribution)');
  return Array.from(controls).reduce((widest, control) => Math.max(widest, control.offsetWidth), 0);
}

const AnalysisLayer = L.Layer.extend({
  options: {
    /** slug -> readable label, for cluster popups. */
    categoryLabels: new Map(),
  },

  initialize(options) {
    L.setOptions(this, options);
    this._group = L.layerGroup();
    this._request = null;
    this._svg = L.svg({ pane: ANALYSIS_PANE });
    this._canvas = L.canvas({ pane: ANALYSIS_PANE });
  },

  onAdd(map) {
    if (!map.getPane(ANALYSIS_PANE)) {
      map.createPane(ANALYSIS_PANE);
    }
    map.addLayer(this._group);
  },

  onRemove(map) {
    this.clear();
    map.removeLayer(this._group);
  },

  /**
   * Runs one analysis and draws its result in place of the previous one.
   * @param {string} methodId clusters | gistar | emerging | density
   * @param {Object} query the method's parameters plus from, to, types and area
   * @param {{contours: boolean}} [extras] density only: also fetch and draw contours
   * @returns {Promise<?Object>} {featureCount, response, tileErrors}; null when a newer run or a clear superseded it
   * @throws ApiError with the service's message
   */
  async run(methodId, query, extras = {}) {
    this._abort();
    const request = new AbortController();
    this._request = request;
    try {
      const result = methodId === 'density'
        ? await this._runDensity(query, extras, request)
        : await this._runVector(methodId, query, request);
      return this._request === request ? result : null;
    } catch (error) {
      if (error.name === 'AbortError' || this._request !== request) {
        return null;
      }
      this._show([]);
      throw error;
    } finally {
      if (this._request === request) {
        this._request = null;
      }
    }
  },

  /**
   * Brings the drawn result into view (hot cells of 100 m are invisible at borough zoom);
   * a result with nothing drawn, or tiles only, leaves the view alone.
   */
  fitToResult() {
    const bounds = L.latLngBounds([]);
    this._group.eachLayer((layer) => {
      if (typeof layer.getBounds === 'function') {
        bounds.extend(layer.getBounds());
      }
    });
    if (this._map && bounds.isValid()) {
      // The legends and notices stand in the map's right corners: keep the result clear of them.
      const right = rightControlsWidth(this._map) + FIT_PADDING_PX;
      this._map.fitBounds(bounds, {
        paddingTopLeft: [FIT_PADDING_PX, FIT_PADDING_PX],
        paddingBottomRight: [right, FIT_PADDING_PX],
        maxZoom: 16,
      });
    }
  },

  /** Removes the result and aborts a run in progress. */
  clear() {
    this._abort();
    if (this._map) {
      this._map.closePopup();
    }
    this._show([]);
  },

  /** Replaces the drawn result; Leaflet adds a renderer back to the map when a path needs it. */
  _show(layers) {
    this._group.clearLayers();
    if (this._map) {
      this._map.removeLayer(this._svg);
      this._map.removeLayer(this._canvas);
    }
    for (const layer of layers) {
      this._group.addLayer(layer);
    }
  },

  _abort() {
    if (this._request) {
      this._request.abort();
      this._request = null;
    }
  },

  async _runVector(methodId, query, request) {
    const path = ANALYSIS_PATHS[methodId];
    if (!path) {
      throw new Error(`Unknown analysis method "${methodId}".`);
    }
    const response = await fetchJson(path, query, `running the ${methodId} analysis`, request.signal);
    if (this._request !== request) {
      return null;
    }
    const features = Array.isArray(response.features) ? response.features : [];
    const drawer = VECTOR_DRAWERS[methodId];
    const layer = drawer.call(this, features);
    this._show([layer]);
    return { featureCount: layer.getLayers().length, response, tileErrors: 0 };
  },

  async _runDensity(query, extras, request) {
    const doing = 'running the kernel density analysis';
    const [legend, contours] = await Promise.all([
      fetchJson(ANALYSIS_PATHS.densityLegend, query, doing, request.signal),
      extras.contours ? fetchJson(ANALYSIS_PATHS.densityContours, query, doing, request.signal) : null,
    ]);
    if (this._request !== request) {
      return null;
    }
    const queryString = toQueryString(query);
    const tiles = L.tileLayer(queryString ? `${DENSITY_TILE_URL}?${queryString}` : DENSITY_TILE_URL, {
      pane: ANALYSIS_PANE,
      opacity: DENSITY_TILE_OPACITY,
      maxZoom: MAX_ZOOM,
      className: 'density-tiles',
    });
    let tileErrors = 0;
    tiles.on('tileerror', () => {
      tileErrors += 1;
    });
    const tilesLoaded = waitForLoad(tiles, DENSITY_TILES_TIMEOUT_MS, request.signal);
    const layers = [tiles];
    if (contours) {
      const unit = legend && legend.unit ? legend.unit : 'per km²';
      layers.push(this._drawContours(Array.isArray(contours.features) ? contours.features : [], unit));
    }
    this._show(layers);
    const featureCount = layers.length > 1 ? layers[1].getLayers().length : 0;
    await tilesLoaded;
    return { featureCount, response: { legend, contours }, tileErrors };
  },

  _rendererFor(featureCount) {
    return featureCount > ANALYSIS_CANVAS_THRESHOLD ? this._canvas : this._svg;
  },

  _geoJson(features, options) {
    const layer = L.geoJSON(null, {
      pane: ANALYSIS_PANE,
      renderer: this._rendererFor(features.length),
      ...options,
      onEachFeature: (feature, featureLayer) => {
        options.onEachFeature(feature, featureLayer);
        featureLayer.on({
          mouseover: highlight,
          mouseout: (event) => layer.resetStyle(event.target),
        });
      },
    });
    layer.addData(features);
    return layer;
  },

  _drawClusters(features) {
    const clusterCount = features.length;
    // Smallest first, so the largest clusters are drawn on top where outlines touch.
    const ordered = [...features].sort((a, b) => rankOf(b) - rankOf(a));
    return this._geoJson(ordered, {
      style: (feature) => ({
        ...clusterStyle(rankOf(feature), clusterCount),
        className: 'analysis-feature analysis-cluster',
      }),
      onEachFeature: (feature, featureLayer) => {
        const properties = feature.properties || {};
        featureLayer.bindTooltip(() => createTooltipContent(clusterLabel(properties)), {
          permanent: rankOf(feature) <= LABELLED_CLUSTERS,
          direction: 'center',
          className: 'analysis-label',
        });
        featureLayer.bindPopup(() => buildClusterPopup(properties, this.options.categoryLabels));
      },
    });
  },

  _drawGiStar(features) {
    const drawn = features.filter((feature) => isGiStarDrawn(propertiesOf(feature).class));
    return this._geoJson(drawn, {
      style: (feature) => {
        const classId = propertiesOf(feature).class;
        return {
          ...cellStyle(getGiStarColor(classId)),
          className: `analysis-feature analysis-cell ${slugClassName('gistar', classId)}`.trim(),
        };
      },
      onEachFeature: (feature, featureLayer) => {
        featureLayer.bindPopup(() => buildGiStarPopup(propertiesOf(feature)));
      },
    });
  },

  _drawEmerging(features) {
    const drawn = features.filter((feature) => isEmergingDrawn(propertiesOf(feature).category));
    return this._geoJson(drawn, {
      style: (feature) => {
        const category = propertiesOf(feature).category;
        return {
          ...cellStyle(getEmergingColor(category)),
          className: `analysis-feature analysis-cell ${slugClassName('emerging', category)}`.trim(),
        };
      },
      onEachFeature: (feature, featureLayer) => {
        featureLayer.bindPopup(() => buildEmergingPopup(propertiesOf(feature)));
      },
    });
  },

  _drawContours(features, unit) {
    return this._geoJson(features, {
      style: () => ({ ...CONTOUR_STYLE, className: 'analysis-feature analysis-contour' }),
      onEachFeature: (feature, featureLayer) => {
        featureLayer.bindPopup(() => buildContourPopup(propertiesOf(feature), unit));
      },
    });
  },
});

const VECTOR_DRAWERS = {
  clusters: AnalysisLayer.prototype._drawClusters,
  gistar: AnalysisLayer.prototype._drawGiStar,
  emerging: AnalysisLayer.prototype._drawEmerging,
};

/** Factory, Leaflet style: analysisLayer({categoryLabels}). */
export function analysisLayer(options) {
  return new AnalysisLayer(options);
}

function propertiesOf(feature) {
  return (feature && feature.properties) || {};
}

/** A cluster's rank (its clusterId, 1 = largest); unranked clusters sort last. */
function rankOf(feature) {
  const id = propertiesOf(feature).clusterId;
  return Number.isFinite(id) ? id : Number.MAX_SAFE_INTEGER;
}

function highlight(event) {
  const featureLayer = event.target;
  featureLayer.setStyle({ weight: (featureLayer.options.weight || 1) + HIGHLIGHT_EXTRA_WEIGHT });
}

/**
 * Resolves when the tile layer has loaded the tiles in view (failed tiles count as loaded),
 * after timeoutMs at the latest, or at once when the run is aborted.
 */
function waitForLoad(tileLayer, timeoutMs, signal) {
  return new Promise((resolve) => {
    let timer = null;
    const done = () => {
      clearTimeout(timer);
      tileLayer.off('load', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    timer = setTimeout(done, timeoutMs);
    tileLayer.on('load', done);
    signal.addEventListener('abort', done);
  });
}
