/**
 * The plan as time: one SVG row per unit across the shift, a block for each visit (numbered
 * like the map), and a table per unit with arrival and departure times and the reason.
 */
import { createElement, createSvgElement } from './dom.js';
import { clock } from './patrol-map.js';

const WIDTH = 1000;
const LABEL_WIDTH = 110;
const ROW_HEIGHT = 26;
const AXIS_HEIGHT = 20;

export function renderTimeline(chart, plan) {
  const start = Date.parse(plan.shift.start);
  const end = Date.parse(plan.shift.end);
  const height = AXIS_HEIGHT + ROW_HEIGHT * plan.units.length;
  const x = (time) => LABEL_WIDTH + ((Date.parse(time) - start) / (end - start)) * (WIDTH - LABEL_WIDTH - 10);
  const svg = createSvgElement('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`, class: 'timeline__svg', role: 'img', 'aria-labelledby': 'timeline-svg-title',
  });
  const title = createSvgElement('title', { id: 'timeline-svg-title' });
  title.textContent = 'Each unit\'s visits across the shift';
  svg.appendChild(title);
  drawHours(svg, plan, x, height);
  plan.units.forEach((unit, row) => {
    const y = AXIS_HEIGHT + row * ROW_HEIGHT;
    const label = createSvgElement('text', { x: 0, y: y + 16, class: 'timeline__label' });
    label.textContent = unit.name;
    svg.appendChild(label);
    for (const visit of unit.visits) {
      const left = x(visit.arrival);
      const block = createSvgElement('rect', {
        x: left, y: y + 3, width: Math.max(2, x(visit.departure) - left), height: ROW_HEIGHT - 6,
        fill: unit.colour, class: 'timeline__visit',
      });
      const tip = createSvgElement('title', {});
      tip.textContent = `${unit.name} stop ${visit.stop}, ${clock(visit.arrival)}–${clock(visit.departure)}: ${visit.label}`;
      block.appendChild(tip);
      svg.appendChild(block);
      const number = createSvgElement('text', { x: left + 2, y: y + 17, class: 'timeline__stop' });
      number.textContent = String(visit.stop);
      svg.appendChild(number);
    }
  });
  chart.replaceChildren(svg);
}

/** A tick and label at each whole hour of the shift (London time, as the times are written). */
function drawHours(svg, plan, x, height) {
  const first = new Date(Date.parse(plan.shift.start));
  first.setMinutes(0, 0, 0);
  for (let t = first.getTime() + 3600000; t < Date.parse(plan.shift.end); t += 3600000) {
    const iso = new Date(t).toISOString();
    const left = x(iso);
    svg.appendChild(createSvgElement('line', { x1: left, x2: left, y1: AXIS_HEIGHT - 4, y2: height, stroke: '#d9dee3' }));
    const label = createSvgElement('text', { x: left - 14, y: 12, class: 'timeline__tick' });
    label.textContent = londonHour(t);
    svg.appendChild(label);
  }
}

function londonHour(epochMillis) {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' })
    .format(new Date(epochMillis));
}

/** A table with a caption, a header row and one row per item. */
function table(caption, headings, rows) {
  const out = createElement('table', 'patrol-table');
  out.appendChild(createElement('caption', null, caption));
  const head = createElement('tr');
  for (const text of headings) {
    const th = createElement('th', null, text);
    th.scope = 'col';
    head.appendChild(th);
  }
  out.appendChild(createElement('thead')).appendChild(head);
  const body = out.appendChild(createElement('tbody'));
  for (const cells of rows) {
    const row = createElement('tr');
    for (const text of cells) {
      row.appendChild(createElement('td', null, String(text)));
    }
    body.appendChild(row);
  }
  return out;
}

const percent = (share) => `${Math.round(100 * share)} %`;

/** The dose each visited place gets, and how each unit spends the shift. */
function doseTables(plan) {
  const places = plan.hotspots.filter((h) => h.visits > 0).map((h) => [h.rank, h.label, h.visits, h.minutesOnSite,
    h.gapMinutes.length ? h.gapMinutes.join(', ') : '-']);
  const units = plan.units.map((u) => [u.name, percent(u.shares.atHotspots), percent(u.shares.travelling),
    percent(u.shares.onBeat), percent(u.shares.atBase)]);
  const dose = table('Dose per place', ['Rank', 'Place', 'Visits', 'Minutes on site', 'Gaps (min)'], places);
  dose.id = 'patrol-dose';
  const time = table('Share of the shift', ['Unit', 'At hot spots', 'Travelling', 'On the beat', 'At base'], units);
  time.id = 'patrol-shares';
  return [dose, time];
}

export function renderTables(container, plan) {
  container.replaceChildren(...doseTables(plan), ...plan.units.map((unit) => {
    const table = createElement('table', 'patrol-table');
    table.appendChild(createElement('caption', null,
      `${unit.name}: ${unit.visits.length} visit${unit.visits.length === 1 ? '' : 's'}, `
      + `${(unit.distanceMetres / 1000).toFixed(1)} km, back ${clock(unit.returnAt)}`));
    const head = createElement('tr');
    for (const text of ['Stop', 'Arrive', 'Leave', 'Place', 'Why']) {
      const th = createElement('th', null, text);
      th.scope = 'col';
      head.appendChild(th);
    }
    table.appendChild(createElement('thead')).appendChild(head);
    const body = table.appendChild(createElement('tbody'));
    for (const visit of unit.visits) {
      const row = createElement('tr');
      for (const text of [visit.stop, clock(visit.arrival), clock(visit.departure), visit.label, visit.reason]) {
        row.appendChild(createElement('td', null, text));
      }
      body.appendChild(row);
    }
    return table;
  }));
}

/** The dose GPS tracks delivered against the plan: per place, unit and day. */
export function renderCompliance(container, report) {
  const row = (name, dose) => [name, dose.plannedMinutes, dose.deliveredMinutes, percent(dose.compliance)];
  const headings = ['', 'Planned (min)', 'Delivered (min)', 'Compliance'];
  const places = table('Compliance per place', ['Place', ...headings.slice(1)],
    report.places.filter((p) => p.dose.plannedMinutes > 0).map((p) => row(`${p.rank}. ${p.label}`, p.dose)));
  places.id = 'patrol-compliance-places';
  const units = table('Compliance per unit', ['Unit', ...headings.slice(1)], report.units.map((u) => row(u.name, u.dose)));
  units.id = 'patrol-compliance-units';
  const days = table('Compliance per day', ['Day', ...headings.slice(1)], report.days.map((d) => row(d.day, d.dose)));
  days.id = 'patrol-compliance-days';
  container.replaceChildren(places, units, days);
}

/** A schedule as a calendar: one column per day, its visits in time order. */
export function renderWeek(container, schedule) {
  const out = createElement('table', 'patrol-table');
  out.id = 'patrol-week-table';
  out.appendChild(createElement('caption', null, `${schedule.places.length} places, ${schedule.days} days, `
    + `${schedule.visitMinutes}-minute visits; visits per unit: ${schedule.units.map((u) => `${u.name} ${u.visits}`).join(', ')}`));
  const days = [...new Set(schedule.visits.map((v) => v.day))];
  const head = createElement('tr');
  for (const day of days) {
    const th = createElement('th', null, new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB',
      { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }));
    th.scope = 'col';
    head.appendChild(th);
  }
  out.appendChild(createElement('thead')).appendChild(head);
  const row = out.appendChild(createElement('tbody')).appendChild(createElement('tr'));
  for (const day of days) {
    const cell = row.appendChild(createElement('td'));
    const list = cell.appendChild(createElement('ul', 'patrol-week__visits'));
    for (const v of schedule.visits.filter((visit) => visit.day === day)) {
      const unit = schedule.units[v.unit - 1];
      list.appendChild(createElement('li', null, `${clock(v.start)} ${unit.name}: ${v.place}. ${v.label}`));
    }
  }
  container.replaceChildren(out);
}
