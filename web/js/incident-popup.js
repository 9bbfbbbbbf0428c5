/**
 * The popup for one incident, built with DOM nodes and textContent only.
 */
import { formatMonth } from './dates.js';
import { createDefinitionPopup } from './dom.js';

/** Builds the popup content for an incident GeoJSON feature. */
export function buildIncidentPopup(feature) {
  const properties = feature.properties || {};
  const lsoa = properties.lsoa_name && properties.lsoa_code
    ? `${properties.lsoa_name} (${properties.lsoa_code})`
    : properties.lsoa_name || properties.lsoa_code;
  return createDefinitionPopup(properties.category_label || properties.category || 'Incident', [
    ['When', describeWhen(properties)],
    ['Location', properties.location],
    ['Outcome', properties.outcome],
    ['LSOA', lsoa],
    ['Crime ID', properties.crime_id],
  ]);
}

/** The incident's time, as precise as it was recorded: a month, a day or a time. */
export function describeWhen(properties) {
  const occurredAt = properties.occurred_at;
  if (properties.precision === 'day' && occurredAt) {
    return formatDay(occurredAt.slice(0, 10));
  }
  if (properties.precision === 'time' && occurredAt) {
    return formatDateTime(occurredAt);
  }
  return formatMonth(properties.month);
}

function formatDay(isoDate) {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) {
    return isoDate;
  }
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Times are shown in UK local time, whatever zone the browser is in. */
function formatDateTime(isoDateTime) {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) {
    return isoDateTime;
  }
  return date.toLocaleString('en-GB', {
    day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London',
  });
}
