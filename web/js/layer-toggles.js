/**
 * The panel's layer checkboxes (#layer-<id>): a ticked box puts its layer on the map. The folded
 * list's summary (#layer-count) names the layers shown.
 */

/**
 * Binds each checkbox #layer-<id> to layers[id] and applies the initial ticks.
 * @param {L.Map} map
 * @param {Object<string, L.Layer>} layers by id: wards, lsoa, neighbourhoods, incidents
 */
export function bindLayerToggles(map, layers) {
  for (const [id, layer] of Object.entries(layers)) {
    const checkbox = document.getElementById(`layer-${id}`);
    if (!checkbox) {
      continue;
    }
    const apply = () => {
      showLayer(map, layer, checkbox.checked);
      summarise();
    };
    checkbox.addEventListener('change', apply);
    apply();
  }
}

function summarise() {
  const shown = Array.from(document.querySelectorAll('input[name=layer]:checked'))
    .map((checkbox) => checkbox.parentElement.textContent.replace(/\(.*\)/, '').trim().toLowerCase());
  document.getElementById('layer-count').textContent = shown.length ? shown.join(', ') : 'none';
}

function showLayer(map, layer, visible) {
  if (visible && !map.hasLayer(layer)) {
    map.addLayer(layer);
  } else if (!visible && map.hasLayer(layer)) {
    map.removeLayer(layer);
  }
}
