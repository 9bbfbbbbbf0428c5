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

/** Fetches and normalises the viewer configuration (missing fields get safe defaults). */
export async function fetchViewerConfig() {
  const raw = await fetchJson('/api/viewer/config', {}, 'loading the viewer configuration');
  return {
    basemapUrl: typeof raw.basemapUrl === 'string' ? raw.basemapUrl.trim() : '',
    basemapAttribution: raw.basemapAttribution || '',
    dataAttribution: raw.dataAttribution || '',
    sampleData: raw.sampleData === true,
    store: raw.store || '',
    categories: Array.isArray(raw.categories) ? raw.categories : [],
    extent: raw.extent || null,
    serviceArea: Array.isArray(raw.serviceArea) ? raw.serviceArea : null,
  };
}
