/**
 * The panel's layer checkboxes (#layer-<id>): a ticked box puts its layer on the map.
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
    const apply = () => showLayer(map, layer, checkbox.checked);
    checkbox.addEventListener('change', apply);
    apply();
  }
}

function showLayer(map, layer, visible) {
  if (visible && !map.hasLayer(layer)) {
    map.addLayer(layer);
  } else if (!visible && map.hasLayer(layer)) {
    map.removeLayer(layer);
  }
}
