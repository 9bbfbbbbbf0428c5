/**
 * Small accessible SVG charts for the neighbourhood profile page, built with DOM APIs only
 * (no chart library, no canvas, no inline styles: colours are SVG presentation attributes,
 * everything else is CSS classes in profile.css).
 *
 * Every chart is a <figure> holding the SVG (role="img", with <title> and <desc> named by
 * aria-labelledby / aria-describedby) and a <details> data table with the same numbers.
 */
import { createElement, createSvgElement } from './dom.js';

const integerFormat = new Intl.NumberFormat('en-GB');
/** viewBox widths: the monthly chart spans the page, the others sit in half-width cards. */
const WIDE = 640;
const NARROW = 400;
const MARGIN = { top: 12, right: 16, bottom: 34, left: 44 };
const Y_TICKS = 5;
let chartCounter = 0;

/**
 * A line chart of one or more series over the same categories (months).
 * @param {Object} spec
 * @param {string} spec.title      chart title (also the SVG <title>)
 * @param {string} spec.description one-sentence summary for screen readers
 * @param {string[]} spec.labels   x labels, one per point (full form, for the table and point titles)
 * @param {string[]} spec.shortLabels x axis labels (short form)
 * @param {Array<{name: string, values: Array<?number>, colour: string, dashed: boolean, className: string}>} spec.series
 * @param {string[]} spec.columns  table headings: the label column, then one per series
 */
export function createLineChart(spec) {
  const height = 240;
  const { svg, plot } = createChartSvg(spec, WIDE, height);
  const values = spec.series.flatMap((series) => series.values.filter(Number.isFinite));
  const scale = yScale(Math.max(1, ...values), plot.height);
  drawYAxis(svg, plot, scale);
  const step = spec.labels.length > 1 ? plot.width / (spec.labels.length - 1) : 0;
  const xOf = (index) => plot.left + (spec.labels.length > 1 ? index * step : plot.width / 2);
  drawXLabels(svg, plot, spec.shortLabels, xOf, labelEvery(spec.labels.length, 12));

  for (const series of spec.series) {
    const points = series.values
      .map((value, index) => (Number.isFinite(value) ? [xOf(index), plot.bottom - scale.toPixels(value), index] : null))
      .filter(Boolean);
    const group = createSvgElement('g', { class: `chart__series ${series.className || ''}`.trim() });
    if (points.length > 1) {
      const line = { class: 'chart__line', points: points.map(([x, y]) => `${round(x)},${round(y)}`).join(' '),
        fill: 'none', stroke: series.colour, 'stroke-width': 2.5 };
      if (series.dashed) {
        line['stroke-dasharray'] = '6 4';
      }
      group.appendChild(createSvgElement('polyline', line));
    }
    for (const [x, y, index] of points) {
      const dot = createSvgElement('circle', { class: 'chart__point', cx: round(x), cy: round(y), r: 3.5,
        fill: series.dashed ? '#ffffff' : series.colour, stroke: series.colour, 'stroke-width': 1.5 });
      dot.appendChild(svgTitle(`${series.name}, ${spec.labels[index]}: ${formatValue(series.values[index])}`));
      group.appendChild(dot);
    }
    svg.appendChild(group);
  }

  const rows = spec.labels.map((label, index) => [label, ...spec.series.map((series) => formatValue(series.values[index]))]);
  return createFigure(spec, svg, createSeriesKey(spec.series), createDataTable(spec.columns, rows, spec.title));
}

/**
 * A horizontal bar chart, one bar per item, in the given order (for the category mix).
 * @param {{title, description, items: Array<{label, value, colour}>, columns: string[], total: ?number}} spec
 */
export function createHorizontalBarChart(spec) {
  const rowHeight = 22;
  const labelWidth = 170;
  const height = Math.max(1, spec.items.length) * rowHeight + 8;
  const svg = chartSvg(spec, NARROW, height);
  const barLeft = labelWidth + 8;
  const barWidth = NARROW - barLeft - 48;
  const max = Math.max(1, ...spec.items.map((item) => (Number.isFinite(item.value) ? item.value : 0)));
  spec.items.forEach((item, index) => {
    const y = 4 + index * rowHeight;
    const value = Number.isFinite(item.value) ? item.value : 0;
    const width = Math.max(value > 0 ? 1 : 0, (value / max) * barWidth);
    svg.appendChild(svgText(item.label, { class: 'chart__label', x: labelWidth, y: y + rowHeight / 2 + 4,
      'text-anchor': 'end' }));
    const bar = createSvgElement('rect', { class: 'chart__bar', x: barLeft, y: y + 3, width: round(width),
      height: rowHeight - 6, fill: item.colour });
    bar.appendChild(svgTitle(`${item.label}: ${formatValue(item.value)}`));
    svg.appendChild(bar);
    svg.appendChild(svgText(formatValue(item.value), { class: 'chart__value', x: round(barLeft + width + 4),
      y: y + rowHeight / 2 + 4 }));
  });
  const rows = spec.items.map((item) => [item.label, formatValue(item.value), share(item.value, spec.total)]);
  return createFigure(spec, svg, null, createDataTable(spec.columns, rows, spec.title));
}

/**
 * A column chart over ordered categories (hours of the day, days of the week).
 * @param {{title, description, labels: string[], shortLabels: string[], values: number[], colour: string,
 *          columns: string[], labelEvery: number}} spec
 */
export function createColumnChart(spec) {
  const height = 200;
  const { svg, plot } = createChartSvg(spec, NARROW, height);
  const scale = yScale(Math.max(1, ...spec.values.filter(Number.isFinite)), plot.height);
  drawYAxis(svg, plot, scale);
  const slot = plot.width / Math.max(1, spec.values.length);
  const xOf = (index) => plot.left + slot * (index + 0.5);
  drawXLabels(svg, plot, spec.shortLabels, xOf, spec.labelEvery || 1);
  spec.values.forEach((value, index) => {
    const barHeight = Number.isFinite(value) ? scale.toPixels(value) : 0;
    const bar = createSvgElement('rect', { class: 'chart__bar', x: round(xOf(index) - slot * 0.4),
      y: round(plot.bottom - barHeight), width: round(slot * 0.8), height: round(barHeight), fill: spec.colour });
    bar.appendChild(svgTitle(`${spec.labels[index]}: ${formatValue(value)}`));
    svg.appendChild(bar);
  });
  const rows = spec.labels.map((label, index) => [label, formatValue(spec.values[index])]);
  return createFigure(spec, svg, null, createDataTable(spec.columns, rows, spec.title));
}

/** The SVG root with its accessible name and description. */
function chartSvg(spec, width, height) {
  chartCounter += 1;
  const id = `chart-${chartCounter}`;
  const svg = createSvgElement('svg', {
    class: 'chart__svg', viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-desc`, focusable: 'false',
  });
  const title = createSvgElement('title', { id: `${id}-title` });
  title.textContent = spec.title;
  const desc = createSvgElement('desc', { id: `${id}-desc` });
  desc.textContent = spec.description;
  svg.append(title, desc);
  return svg;
}

function createChartSvg(spec, width, height) {
  const svg = chartSvg(spec, width, height);
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    width: width - MARGIN.left - MARGIN.right,
    height: height - MARGIN.top - MARGIN.bottom,
    bottom: height - MARGIN.bottom,
  };
  return { svg, plot };
}

/** A linear y scale from 0 to a "nice" maximum, with about Y_TICKS whole-number ticks. */
function yScale(max, pixels) {
  const rawStep = max / Y_TICKS;
  const magnitude = 10 ** Math.floor(Math.log10(rawStep));
  const step = Math.max(1, [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rawStep));
  const top = Math.ceil(max / step) * step;
  const ticks = [];
  for (let value = 0; value <= top + step / 2; value += step) {
    ticks.push(value);
  }
  return { ticks, toPixels: (value) => (value / top) * pixels };
}

function drawYAxis(svg, plot, scale) {
  for (const tick of scale.ticks) {
    const y = round(plot.bottom - scale.toPixels(tick));
    svg.appendChild(createSvgElement('line', { class: 'chart__grid', x1: plot.left, x2: plot.left + plot.width,
      y1: y, y2: y, stroke: tick === 0 ? '#52606d' : '#d9dee3', 'stroke-width': 1 }));
    svg.appendChild(svgText(integerFormat.format(tick), { class: 'chart__tick', x: plot.left - 6, y: y + 4,
      'text-anchor': 'end' }));
  }
}

function drawXLabels(svg, plot, labels, xOf, every) {
  labels.forEach((label, index) => {
    if (index % every !== 0) {
      return;
    }
    svg.appendChild(svgText(label, { class: 'chart__tick', x: round(xOf(index)), y: plot.bottom + 18,
      'text-anchor': 'middle' }));
  });
}

/** Show every n-th x label so that at most `max` labels appear. */
function labelEvery(count, max) {
  return Math.max(1, Math.ceil(count / max));
}

/** A key naming each series, with its line style. */
function createSeriesKey(seriesList) {
  const key = createElement('ul', 'chart__key');
  for (const series of seriesList) {
    const item = createElement('li');
    const swatch = createSvgElement('svg', { class: 'chart__key-swatch', width: 28, height: 10, viewBox: '0 0 28 10',
      'aria-hidden': 'true', focusable: 'false' });
    const line = { x1: 1, x2: 27, y1: 5, y2: 5, stroke: series.colour, 'stroke-width': 2.5 };
    if (series.dashed) {
      line['stroke-dasharray'] = '6 4';
    }
    swatch.appendChild(createSvgElement('line', line));
    item.append(swatch, createElement('span', null, series.name));
    key.appendChild(item);
  }
  return key;
}

function createFigure(spec, svg, key, table) {
  const figure = createElement('figure', 'chart');
  figure.appendChild(svg);
  if (key) {
    figure.appendChild(key);
  }
  const details = createElement('details', 'chart__data');
  details.appendChild(createElement('summary', null, `Table: ${spec.title}`));
  details.appendChild(table);
  figure.appendChild(details);
  return figure;
}

/** A data table: first column as row headers. */
export function createDataTable(columns, rows, caption) {
  const table = createElement('table', 'data-table');
  if (caption) {
    table.appendChild(createElement('caption', 'visually-hidden', caption));
  }
  const head = createElement('thead');
  const headRow = createElement('tr');
  for (const column of columns) {
    const th = createElement('th', null, column);
    th.scope = 'col';
    headRow.appendChild(th);
  }
  head.appendChild(headRow);
  const body = createElement('tbody');
  for (const row of rows) {
    const tr = createElement('tr');
    row.forEach((cell, index) => {
      const element = createElement(index === 0 ? 'th' : 'td', index === 0 ? null : 'data-table__number', cell);
      if (index === 0) {
        element.scope = 'row';
      }
      tr.appendChild(element);
    });
    body.appendChild(tr);
  }
  table.append(head, body);
  return table;
}

function svgText(text, attributes) {
  const element = createSvgElement('text', attributes);
  element.textContent = text;
  return element;
}

function svgTitle(text) {
  const title = createSvgElement('title', {});
  title.textContent = text;
  return title;
}

function formatValue(value) {
  return Number.isFinite(value) ? integerFormat.format(value) : '–';
}

function share(value, total) {
  if (!Number.isFinite(value) || !Number.isFinite(total) || total <= 0) {
    return '–';
  }
  return `${(value / total * 100).toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} %`;
}

function round(value) {
  return Math.round(value * 10) / 10;
}
