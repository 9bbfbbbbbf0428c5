/**
 * The patrol plan on the map: each unit's route in its own colour (the colour the service gives
 * it, shared with the printed briefing), numbered stops, bases as squares, and the hot spots
 * left out as grey rings.
 */
import { createDefinitionPopup } from './dom.js';

const BASE_SIZE_PX = 12;

/** A layer group for one plan; the caller adds it to the map and removes the previous one. */
export function createPlanLayer(plan) {
  const group = L.featureGroup();
  L.geoJSON(plan.routes, {
    style: (feature) => ({
      color: feature.properties.colour,
      weight: 4,
      opacity: 0.85,
      className: `patrol-route patrol-route--unit${feature.properties.unit}`,
    }),
    interactive: false,
  }).addTo(group);
  for (const hotspot of plan.hotspots) {
    if (hotspot.unit === null || hotspot.unit === undefined) {
      L.circleMarker(toLatLng(hotspot.position), {
        radius: 6, color: '#777', weight: 2, fill: false, className: 'patrol-unvisited',
      }).bindPopup(() => hotspotPopup(hotspot, 'Not visited: it does not fit in the shift')).addTo(group);
    }
  }
  for (const unit of plan.units) {
    addBase(group, unit);
    for (const visit of unit.visits) {
      const hotspot = plan.hotspots[visit.hotspot - 1];
      L.circleMarker(toLatLng(visit.position), {
        radius: 10, color: '#fff', weight: 2, fillColor: unit.colour, fillOpacity: 1,
        className: `patrol-stop patrol-stop--unit${unit.unit}`,
      })
        .bindTooltip(String(visit.stop), { permanent: true, direction: 'center', className: 'patrol-stop-label' })
        .bindPopup(() => hotspotPopup(hotspot, `${unit.name}, stop ${visit.stop}: ${clock(visit.arrival)}–${clock(visit.departure)}`))
        .addTo(group);
    }
  }
  return group;
}

function addBase(group, unit) {
  const [lon, lat] = unit.start;
  const icon = L.divIcon({ className: 'patrol-base', iconSize: [BASE_SIZE_PX, BASE_SIZE_PX] });
  L.marker([lat, lon], { icon, title: `${unit.name} base`, keyboard: false }).addTo(group);
}

function hotspotPopup(hotspot, when) {
  return createDefinitionPopup(hotspot.street || hotspot.place, [
    ['When', when],
    ['Where', hotspot.label],
    ['Rank', hotspot.rank],
    ['Incidents', hotspot.incidents],
    ['Risk', `${hotspot.risk.toFixed(1)} (${(100 * hotspot.riskShare).toFixed(1)} % of the shift's risk)`],
    ['Top categories', Object.entries(hotspot.categories).slice(0, 3).map(([c, n]) => `${c} ${n}`).join(', ')],
  ]);
}

function toLatLng([lon, lat]) {
  return [lat, lon];
}

/** HH:MM of an ISO date-time with offset, as written (London time). */
export function clock(isoTime) {
  return isoTime.slice(11, 16);
}
