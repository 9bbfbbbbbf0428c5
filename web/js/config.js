/**
 * Viewer settings: fixed client-side limits plus the service's /api/viewer/config.
 */
import { fetchJson } from './api.js';

/** Incidents per request; the service's maximum `limit` is 10000. */
export const INCIDENT_LIMIT = 10000;

/** Boundary features per collection; each collection is fetched once. */
export const BOUNDARY_LIMIT = 1000;

/** Quiet time after a pan, zoom or filter change before incidents are re-fetched. */
export const REFRESH_DELAY_MS = 300;

/** The map's zoom range; markercluster needs a finite maxZoom. */
export const MIN_ZOOM = 6;
export const MAX_ZOOM = 19;

/** Melton Mowbray, used only when the service reports neither service area nor extent. */
export const FALLBACK_VIEW = { center: [52.7651, -0.8868], zoom: 11 };

/** The hot spot analysis endpoints (GET, JSON) and the density tile template (transparent PNG). */
export const ANALYSIS_PATHS = {
  clusters: '/api/hotspots/clusters',
  gistar: '/api/hotspots/gistar',
  emerging: '/api/hotspots/emerging',
  densityLegend: '/api/density/legend',
  densityContours: '/api/density/contours',
};
export const DENSITY_TILE_URL = '/tiles/density/{z}/{x}/{y}.png';

/** Above this many result features, the analysis layer draws on a canvas instead of SVG paths. */
export const ANALYSIS_CANVAS_THRESHOLD = 4000;

/** How long to wait for the first screen of density tiles before reporting the result anyway. */
export const DENSITY_TILES_TIMEOUT_MS = 30000;

/** The neighbourhood profile page (the viewer's static files are served under /viewer). */
export const PROFILE_PAGE = '/viewer/profile.html';

/** The neighbourhood profile endpoints; {id} is the neighbourhood id (its `code`). */
export const PROFILE_PATHS = {
  all: '/api/areas/profile',
  one: (id) => `/api/areas/${encodeURIComponent(id)}/profile`,
};

/** The reduction target, in percent against the baseline year, that the profile page starts with. */
export const DEFAULT_TARGET_PERCENT = -3;

/** The link to one neighbourhood's profile. */
export function profileUrl(areaId) {
  return areaId ? `${PROFILE_PAGE}?area=${encodeURIComponent(areaId)}` : PROFILE_PAGE;
}

/**
 * Shows where the incidents come from: the synthetic-sample notice, or the real source with its
 * licence (police.uk data must carry the OGL attribution wherever shown). Pages without a
 * data-source element show the notice only.
 */
export function showDataNotices(config) {
  document.getElementById('sample-notice').hidden = !config.sampleData;
  const source = document.getElementById('data-source');
  if (source) {
    source.textContent = config.dataSource;
    source.hidden = !config.dataSource;
  }
}

/** Fetches and normalises the viewer configuration (missing fields get safe defaults). */
export async function fetchViewerConfig() {
  const raw = await fetchJson('/api/viewer/config', {}, 'loading the viewer configuration');
  return {
    basemapUrl: typeof raw.basemapUrl === 'string' ? raw.basemapUrl.trim() : '',
    basemapAttribution: raw.basemapAttribution || '',
    dataAttribution: raw.dataAttribution || '',
    sampleData: raw.sampleData === true,
    dataSource: typeof raw.dataSource === 'string' ? raw.dataSource : '',
    store: raw.store || '',
    categories: Array.isArray(raw.categories) ? raw.categories : [],
    extent: raw.extent || null,
    serviceArea: Array.isArray(raw.serviceArea) ? raw.serviceArea : null,
    wardNames: Array.isArray(raw.wardNames) ? raw.wardNames : [],
    placeNames: Array.isArray(raw.placeNames) ? raw.placeNames : [],
    placesAttribution: raw.placesAttribution || '',
  };
}
