/**
 * Renders neighbourhood profiles: the overview table of all priority neighbourhoods and the
 * detail of one (figures, monthly trend against the baseline year, category mix, top
 * locations, time of day and day of week, hot spot clusters). Text goes in through
 * textContent only.
 */
import { getColor } from './categories.js';
import { formatMonth, isMonth } from './dates.js';
import { createElement } from './dom.js';
import { createColumnChart, createHorizontalBarChart, createLineChart } from './profile-charts.js';

const integerFormat = new Intl.NumberFormat('en-GB');
const CURRENT_COLOUR = '#2f5d8a';
const BASELINE_COLOUR = '#8a939c';
const PROFILE_COLOUR = '#5b7fa6';
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const TIMES_UNKNOWN = 'Times not known: police.uk data record the month of an incident only.';

/**
 * Fills the overview table body with one row per neighbourhood.
 * @param {HTMLTableElement} table #profile-table
 * @param {Array<Object>} profiles
 * @param {function(string): string} hrefOf the link to a neighbourhood's detail
 */
export function renderOverview(table, profiles, hrefOf) {
  const baselineYears = [...new Set(profiles.map((profile) => profile.baselineYear).filter(Number.isFinite))];
  table.querySelector('.baseline-heading').textContent = baselineYears.length === 1
    ? `Same months of ${baselineYears[0]}`
    : 'Same months of the baseline year';
  const body = table.tBodies[0];
  body.replaceChildren(...profiles.map((profile) => overviewRow(profile, hrefOf)));
}

function overviewRow(profile, hrefOf) {
  const row = createElement('tr');
  row.dataset.areaId = profile.id;
  const name = createElement('th');
  name.scope = 'row';
  const link = createElement('a', 'profile-area-link', profile.name || profile.id);
  link.href = hrefOf(profile.id);
  link.dataset.areaId = profile.id;
  name.appendChild(link);
  if (profile.approximate) {
    name.appendChild(createElement('span', 'approximate-tag', ' (approximate boundary)'));
  }
  row.append(
    name,
    numberCell(formatCount(profile.total)),
    numberCell(formatCount(profile.currentTotal)),
    numberCell(formatCount(profile.baselineTotal)),
    numberCell(formatPercent(profile.changePercent)),
    targetCell(profile),
  );
  return row;
}

/** Marks the selected row (aria-current) in the overview table. */
export function markSelected(table, areaId) {
  for (const row of table.tBodies[0].rows) {
    const selected = row.dataset.areaId === areaId;
    row.classList.toggle('is-selected', selected);
    const link = row.querySelector('a');
    if (selected) {
      link.setAttribute('aria-current', 'true');
    } else {
      link.removeAttribute('aria-current');
    }
  }
}

/**
 * Replaces the detail section's content with one neighbourhood's profile.
 * @param {HTMLElement} section #profile-detail
 * @param {Object} profile
 * @param {Map<string, string>} categoryLabels slug -> label
 */
export function renderDetail(section, profile, categoryLabels) {
  const title = createElement('h2', null, profile.name || profile.id);
  title.id = 'detail-title';
  section.setAttribute('aria-labelledby', title.id);
  section.replaceChildren(
    title,
    createElement('p', 'profile-detail__meta', describePeriod(profile)),
    figures(profile),
    chartSection('Monthly incidents', monthlyChart(profile)),
    chartSection('Category mix', categoryChart(profile, categoryLabels)),
    listSection('Top locations', topLocations(profile)),
    chartSection('Time of day', hourChart(profile)),
    chartSection('Day of week', weekdayChart(profile)),
    listSection('Hot spot clusters', hotspots(profile)),
  );
  section.hidden = false;
}

function describePeriod(profile) {
  const parts = [];
  if (profile.from || profile.to) {
    parts.push(`Incidents from ${formatMonthOrDate(profile.from)} to ${formatMonthOrDate(profile.to)}.`);
  }
  if (profile.approximate) {
    parts.push('The boundary of this neighbourhood is approximate.');
  }
  return parts.join(' ');
}

function figures(profile) {
  const list = createElement('dl', 'profile-figures');
  const rows = [
    ['Incidents in the period', formatCount(profile.total)],
    ['Months compared', formatCount(profile.currentTotal)],
    [Number.isFinite(profile.baselineYear) ? `Same months of ${profile.baselineYear}` : 'Same months of the baseline year',
      formatCount(profile.baselineTotal)],
    ['Change against the baseline', formatPercent(profile.changePercent)],
    ['Target', Number.isFinite(profile.targetPercent) ? `${formatPercent(profile.targetPercent)} or better` : '–'],
  ];
  for (const [label, value] of rows) {
    const item = createElement('div', 'profile-figures__item');
    item.append(createElement('dt', null, label), createElement('dd', null, value));
    list.appendChild(item);
  }
  const target = createElement('div', 'profile-figures__item');
  const outcome = createElement('dd');
  outcome.appendChild(targetBadge(profile.targetMet));
  target.append(createElement('dt', null, 'Target met'), outcome);
  list.appendChild(target);
  return list;
}

function monthlyChart(profile) {
  const months = Array.isArray(profile.byMonth) ? profile.byMonth : [];
  if (months.length === 0) {
    return createElement('p', 'profile-empty', 'No monthly counts for this neighbourhood.');
  }
  const baselineName = Number.isFinite(profile.baselineYear)
    ? `Same month of ${profile.baselineYear} (baseline)`
    : 'Same month of the baseline year';
  const total = sum(months.map((month) => month.count));
  const baselineTotal = sum(months.map((month) => month.baselineCount));
  return createLineChart({
    title: 'Monthly incidents against the baseline year',
    description: `${integerFormat.format(total)} incidents in ${months.length} months shown, against `
      + `${integerFormat.format(baselineTotal)} in the same months of the baseline year.`,
    labels: months.map((month) => formatMonth(month.month)),
    shortLabels: months.map((month) => shortMonth(month.month)),
    series: [
      { name: 'Incidents', values: months.map((month) => month.count), colour: CURRENT_COLOUR,
        className: 'chart__series--current' },
      { name: baselineName, values: months.map((month) => month.baselineCount), colour: BASELINE_COLOUR,
        dashed: true, className: 'chart__series--baseline' },
    ],
    columns: ['Month', 'Incidents', baselineName],
  });
}

function categoryChart(profile, categoryLabels) {
  const entries = Object.entries(profile.byCategory || {})
    .filter(([, count]) => Number.isFinite(count))
    .sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) {
    return createElement('p', 'profile-empty', 'No incidents in the period.');
  }
  const total = sum(entries.map(([, count]) => count));
  const [topSlug, topCount] = entries[0];
  return createHorizontalBarChart({
    title: 'Incidents by category',
    description: `${entries.length} categories; the largest is ${categoryLabels.get(topSlug) || topSlug} `
      + `with ${integerFormat.format(topCount)} of ${integerFormat.format(total)} incidents.`,
    items: entries.map(([slug, count]) => ({ label: categoryLabels.get(slug) || slug, value: count, colour: getColor(slug) })),
    total,
    columns: ['Category', 'Incidents', 'Share'],
  });
}

function hourChart(profile) {
  const hours = profile.hourProfile;
  if (!Array.isArray(hours) || hours.length !== 24) {
    return createElement('p', 'profile-empty times-unknown', TIMES_UNKNOWN);
  }
  const peak = hours.indexOf(Math.max(...hours));
  return createColumnChart({
    title: 'Incidents by hour of the day',
    description: `Incidents with a known time, by hour; the busiest hour starts at ${hourLabel(peak)}.`,
    labels: hours.map((_, hour) => `${hourLabel(hour)}–${hourLabel((hour + 1) % 24)}`),
    shortLabels: hours.map((_, hour) => String(hour).padStart(2, '0')),
    values: hours,
    colour: PROFILE_COLOUR,
    labelEvery: 3,
    columns: ['Hour', 'Incidents'],
  });
}

function weekdayChart(profile) {
  const days = profile.weekdayProfile;
  if (!Array.isArray(days) || days.length !== 7) {
    return createElement('p', 'profile-empty times-unknown', TIMES_UNKNOWN);
  }
  const peak = days.indexOf(Math.max(...days));
  return createColumnChart({
    title: 'Incidents by day of the week',
    description: `Incidents with a known day, Monday to Sunday; the busiest day is ${WEEKDAYS[peak]}.`,
    labels: WEEKDAYS,
    shortLabels: WEEKDAYS.map((day) => day.slice(0, 3)),
    values: days,
    colour: PROFILE_COLOUR,
    columns: ['Day', 'Incidents'],
  });
}

function topLocations(profile) {
  const locations = Array.isArray(profile.topLocations) ? profile.topLocations : [];
  if (locations.length === 0) {
    return createElement('p', 'profile-empty', 'No locations recorded.');
  }
  const list = createElement('ol', 'profile-list top-locations');
  for (const entry of locations) {
    const item = createElement('li');
    item.append(createElement('span', null, entry.location || 'Unknown location'),
      createElement('span', 'profile-list__count', formatCount(entry.count)));
    list.appendChild(item);
  }
  return list;
}

function hotspots(profile) {
  const clusters = Array.isArray(profile.hotspots) ? profile.hotspots : [];
  if (clusters.length === 0) {
    return createElement('p', 'profile-empty', 'No DBSCAN hot spot cluster lies in this neighbourhood.');
  }
  const list = createElement('ul', 'profile-list hotspot-list');
  for (const cluster of clusters) {
    const item = createElement('li');
    const inside = Number.isFinite(cluster.countInside) && cluster.countInside !== cluster.count
      ? `, ${formatCount(cluster.countInside)} inside`
      : '';
    item.append(createElement('span', null, `Cluster #${cluster.clusterId}`),
      createElement('span', 'profile-list__count', `${formatCount(cluster.count)} incidents${inside}`));
    list.appendChild(item);
  }
  return list;
}

function chartSection(heading, content) {
  const section = createElement('section', 'profile-card');
  section.append(createElement('h3', null, heading), content);
  return section;
}

function listSection(heading, content) {
  return chartSection(heading, content);
}

function numberCell(text) {
  return createElement('td', 'data-table__number', text);
}

function targetCell(profile) {
  const cell = createElement('td', 'data-table__target');
  cell.appendChild(targetBadge(profile.targetMet));
  return cell;
}

/** ✓ met / ✗ not met / – no baseline: the symbol is decorative, the words are read out. */
function targetBadge(met) {
  const badge = createElement('span', 'target');
  let symbol = '–';
  let words = 'no baseline';
  if (met === true) {
    badge.classList.add('target--met');
    symbol = '✓';
    words = 'met';
  } else if (met === false) {
    badge.classList.add('target--missed');
    symbol = '✗';
    words = 'not met';
  }
  const mark = createElement('span', 'target__symbol', symbol);
  mark.setAttribute('aria-hidden', 'true');
  badge.append(mark, createElement('span', 'target__words', ` ${words}`));
  return badge;
}

function formatCount(value) {
  return Number.isFinite(value) ? integerFormat.format(value) : '–';
}

/** "+4.2 %", "−4.2 %" (true minus sign), "0.0 %"; "–" when unknown (no baseline). */
export function formatPercent(value) {
  if (!Number.isFinite(value)) {
    return '–';
  }
  const text = Math.abs(value).toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  if (value > 0) {
    return `+${text} %`;
  }
  return value < 0 ? `−${text} %` : `${text} %`;
}

function formatMonthOrDate(value) {
  if (typeof value !== 'string' || !value) {
    return '…';
  }
  const month = value.slice(0, 7);
  return isMonth(month) ? formatMonth(month) : value;
}

/** "2025-03" -> "Mar 25". */
function shortMonth(month) {
  if (!isMonth(month)) {
    return month || '';
  }
  const [year, monthNumber] = month.split('-').map(Number);
  const name = new Date(Date.UTC(year, monthNumber - 1, 1)).toLocaleDateString('en-GB', { month: 'short', timeZone: 'UTC' });
  return `${name} ${String(year).slice(2)}`;
}

function hourLabel(hour) {
  return `${String(hour).padStart(2, '0')}:00`;
}

function sum(values) {
  return values.reduce((total, value) => total + (Number.isFinite(value) ? value : 0), 0);
}
