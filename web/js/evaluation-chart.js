/**
 * The monthly series of an evaluation as SVG (presentation attributes only, for the CSP):
 * target and comparison as an index, 100 being each area's monthly mean before, so areas of
 * very different size share one scale; the gap months are shaded.
 */
import { createSvgElement } from './dom.js';

const WIDTH = 360;
const HEIGHT = 170;
const PAD = { left: 30, right: 8, top: 8, bottom: 24 };

/** Each month over the before-period mean, x 100; null where suppressed or the mean is 0. */
export function indexSeries(values, beforeMonths) {
  const before = values.slice(0, beforeMonths).map((v) => v || 0);
  const mean = before.reduce((a, b) => a + b, 0) / beforeMonths;
  return values.map((v) => (mean > 0 && v !== null && v !== undefined ? (100 * v) / mean : null));
}

export function drawSeries(svg, evaluation) {
  svg.replaceChildren();
  const months = evaluation.monthly.months;
  const before = evaluation.periods.beforeMonths;
  const after = evaluation.periods.afterMonths;
  const target = indexSeries(evaluation.monthly.target, before);
  const comparison = indexSeries(evaluation.monthly.comparison, before);
  const maxY = Math.max(150, ...target.filter((v) => v !== null), ...comparison.filter((v) => v !== null));
  const x = (i) => PAD.left + (i / Math.max(1, months.length - 1)) * (WIDTH - PAD.left - PAD.right);
  const y = (v) => HEIGHT - PAD.bottom - (v / maxY) * (HEIGHT - PAD.top - PAD.bottom);
  const gap = months.length - before - after;
  if (gap > 0) {
    svg.appendChild(createSvgElement('rect', { class: 'chart__gap', x: x(before - 0.5), y: PAD.top,
      width: x(before + gap - 0.5) - x(before - 0.5), height: HEIGHT - PAD.top - PAD.bottom }));
  }
  svg.appendChild(createSvgElement('line', { class: 'chart__axis', x1: PAD.left, y1: HEIGHT - PAD.bottom,
    x2: WIDTH - PAD.right, y2: HEIGHT - PAD.bottom }));
  svg.appendChild(createSvgElement('line', { class: 'chart__axis', x1: PAD.left, y1: y(100),
    x2: WIDTH - PAD.right, y2: y(100) }));
  line(svg, comparison, x, y, 'chart__comparison');
  line(svg, target, x, y, 'chart__target');
  label(svg, PAD.left - 3, y(100) + 3, '100', 'end');
  label(svg, PAD.left - 3, HEIGHT - PAD.bottom + 3, '0', 'end');
  label(svg, x(0), HEIGHT - 8, months[0], 'start');
  label(svg, x(months.length - 1), HEIGHT - 8, months[months.length - 1], 'end');
  label(svg, WIDTH - PAD.right, PAD.top + 8, 'target', 'end', 'chart__label chart__label--target');
  label(svg, WIDTH - PAD.right, PAD.top + 18, 'comparison', 'end', 'chart__label chart__label--comparison');
}

/** One polyline per unbroken run of shown months. */
function line(svg, values, x, y, className) {
  let run = [];
  const flush = () => {
    if (run.length > 1) {
      svg.appendChild(createSvgElement('polyline', { class: className, points: run.join(' ') }));
    }
    run = [];
  };
  values.forEach((v, i) => {
    if (v === null) {
      flush();
    } else {
      run.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
    }
  });
  flush();
}

function label(svg, x, y, text, anchor, className = 'chart__label') {
  const element = createSvgElement('text', { class: className, x, y, 'text-anchor': anchor });
  element.textContent = text;
  svg.appendChild(element);
}
