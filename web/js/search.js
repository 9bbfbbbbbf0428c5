/**
 * The map's search box: a place, ward, LSOA (name or code), street or OS grid reference, answered by
 * GET /api/search. Choosing a result moves the map there and marks it; the map element's
 * data-search-result holds the chosen name once the map has moved there (a test hook).
 */
import { fetchJson } from './api.js';
import { createElement } from './dom.js';

const ZOOM = { place: 14, ward: 14, lsoa: 15, street: 17, gridref: 17 };

export function bindSearch(map, mapElement) {
  const form = document.getElementById('search-form');
  const input = document.getElementById('search-input');
  const results = document.getElementById('search-results');
  let marker = null;

  function go(match) {
    // The hook is set once the map has settled: the names are decluttered on zoomend, which
    // Leaflet fires before moveend, so a reader of the hook sees the names of the new view.
    delete mapElement.dataset.searchResult;
    map.once('moveend', () => { mapElement.dataset.searchResult = match.name; });
    map.setView([match.lat, match.lon], ZOOM[match.kind] || 14);
    if (marker) {
      marker.remove();
    }
    marker = L.circleMarker([match.lat, match.lon], { radius: 8, color: '#111', weight: 2, fillOpacity: 0 })
      .bindTooltip(match.name, { permanent: true, direction: 'top', className: 'search-label' }).addTo(map);
    results.replaceChildren();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const q = input.value.trim();
    if (!q) {
      return;
    }
    try {
      const answer = await fetchJson('/api/search', { q }, 'searching');
      if (answer.matches.length === 1) {
        go(answer.matches[0]);
        return;
      }
      results.replaceChildren(...(answer.matches.length === 0
        ? [createElement('li', null, `Nothing found for "${q}".`)]
        : answer.matches.map((match) => {
          const button = createElement('button', 'search__result', match.name);
          button.type = 'button';
          button.addEventListener('click', () => go(match));
          const item = createElement('li');
          item.appendChild(button);
          return item;
        })));
    } catch (error) {
      results.replaceChildren(createElement('li', 'status--error', error.message));
    }
  });
}
