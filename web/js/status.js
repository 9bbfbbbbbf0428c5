/**
 * The status line and the map element's data-* test hooks:
 *   data-state              "loading" | "ready" | "error"
 *   data-incident-count     incident features currently drawn
 *   data-incidents-matched  numberMatched of the last incident fetch
 *   data-incidents-query    query string of the last drawn incident fetch
 *   data-incident-fetches   how many incident fetches have been drawn (only ever grows)
 *   data-ward-count, data-lsoa-count, data-neighbourhood-count   boundary features loaded
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
