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

export function renderTables(container, plan) {
  container.replaceChildren(...plan.units.map((unit) => {
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
      const place = visit.where ? `${visit.label}: ${visit.where}` : visit.label;
      for (const text of [visit.stop, clock(visit.arrival), clock(visit.departure), place, visit.reason]) {
        row.appendChild(createElement('td', null, text));
      }
      body.appendChild(row);
    }
    return table;
  }));
}
