/**
 * The status line and the map element's data-* test hooks:
 *   data-state              "loading" | "ready" | "error"
 *   data-incident-count     incident features currently drawn
 *   data-incidents-matched  numberMatched of the last incident fetch
 *   data-incidents-query    query string of the last drawn incident fetch
 *   data-incident-fetches   how many incident fetches have been drawn (only ever grows)
 *   data-ward-count, data-lsoa-count, data-neighbourhood-count   boundary features loaded
 * and, for the analysis panel (createAnalysisReporter):
 *   data-analysis-state          "idle" | "running" | "ready" | "error"
 *   data-analysis-method         clusters | density | gistar | emerging; empty when idle
 *   data-analysis-feature-count  result features drawn (density: contour features; tiles are not features)
 *   data-analysis-query          query string of the running or drawn analysis
 *   data-analysis-stale          "true" when the filters changed after the drawn analysis ran
 */

const numberFormat = new Intl.NumberFormat('en-GB');

/** Creates the reporter that every loader tells about progress, results and failures. */
export function createStatusReporter(mapElement, statusElement) {
  let incidentFetches = 0;
  let incidentMessage = '';

  function show(state, message) {
    mapElement.dataset.state = state;
    mapElement.setAttribute('aria-busy', String(state === 'loading'));
    statusElement.textContent = message;
    statusElement.classList.toggle('status--error', state === 'error');
  }

  return {
    loading(message) {
      show('loading', message);
    },

    ready(message) {
      show('ready', message);
    },

    failed(error) {
      show('error', errorMessage(error));
    },

    boundariesLoaded(counts) {
      mapElement.dataset.wardCount = String(counts.wards);
      mapElement.dataset.lsoaCount = String(counts.lsoa);
      mapElement.dataset.neighbourhoodCount = String(counts.neighbourhoods);
    },

    /** Records what the incident layer now shows, without changing the state. */
    incidentsShown(drawn, matched, query) {
      mapElement.dataset.incidentCount = String(drawn);
      mapElement.dataset.incidentsMatched = String(matched);
      mapElement.dataset.incidentsQuery = query;
    },

    /** Records a completed incident fetch and reports ready. */
    incidentsDrawn(drawn, matched, query) {
      this.incidentsShown(drawn, matched, query);
      incidentFetches += 1;
      mapElement.dataset.incidentFetches = String(incidentFetches);
      incidentMessage = describeIncidentCount(drawn, matched);
      show('ready', incidentMessage);
    },

    /** The map moved but the drawn incidents still cover the view: ready again, no fetch. */
    incidentsUnchanged() {
      show('ready', incidentMessage);
    },
  };
}

/** "Showing 120 of 120 incidents", plus a hint when the service capped the page. */
export function describeIncidentCount(drawn, matched) {
  const text = `Showing ${numberFormat.format(drawn)} of ${numberFormat.format(matched)} incidents`;
  return drawn < matched ? `${text}. Zoom in or narrow the filters to see them all.` : text;
}

function errorMessage(error) {
  if (error && typeof error.message === 'string' && error.message) {
    return error.message;
  }
  return String(error || 'Something went wrong.');
}

/**
 * The analysis panel's status line and the map element's data-analysis-* hooks. The panel
 * has its own status line, so an analysis never hides the incident count, and vice versa.
 */
export function createAnalysisReporter(mapElement, statusElement, busyElement) {
  function show(state, methodId, message) {
    mapElement.dataset.analysisState = state;
    mapElement.dataset.analysisMethod = methodId || '';
    busyElement.setAttribute('aria-busy', String(state === 'running'));
    statusElement.textContent = message;
    statusElement.hidden = !message;
    statusElement.classList.toggle('status--error', state === 'error');
  }

  function setFeatureCount(count, query) {
    mapElement.dataset.analysisFeatureCount = String(count);
    mapElement.dataset.analysisQuery = query;
    mapElement.dataset.analysisStale = 'false';
  }

  const reporter = {
    idle() {
      setFeatureCount(0, '');
      show('idle', '', '');
    },

    running(methodId, query, message) {
      setFeatureCount(0, query);
      show('running', methodId, message);
    },

    ready(methodId, featureCount, query, message) {
      setFeatureCount(featureCount, query);
      show('ready', methodId, message);
    },

    failed(methodId, error, query) {
      setFeatureCount(0, query || '');
      show('error', methodId, errorMessage(error));
    },

    /** The drawn result no longer matches the filters; state and count stay as they are. */
    stale(isStale) {
      mapElement.dataset.analysisStale = String(Boolean(isStale));
    },

    state() {
      return mapElement.dataset.analysisState;
    },
  };
  reporter.idle();
  return reporter;
}
