/**
 * The coverage-vs-k curve of a CCTV placement, drawn as SVG with presentation attributes
 * (the CSP forbids inline styles): covered share of weighted incidents for k = 1, 2, ...,
 * with the requested k marked, so diminishing returns are visible at a glance.
 */
import { createSvgElement } from './dom.js';

const WIDTH = 260;
const HEIGHT = 140;
const PAD = { left: 30, right: 8, top: 8, bottom: 22 };

export function drawCurve(svg, curve, chosenK) {
  svg.replaceChildren();
  if (!curve.length) {
    return;
  }
  const maxK = curve[curve.length - 1].k;
  const maxY = Math.max(1, ...curve.map((p) => p.weightPercent));
  const x = (k) => PAD.left + ((k - 1) / Math.max(1, maxK - 1)) * (WIDTH - PAD.left - PAD.right);
  const y = (v) => HEIGHT - PAD.bottom - (v / maxY) * (HEIGHT - PAD.top - PAD.bottom);
  svg.appendChild(createSvgElement('line', { class: 'curve__axis', x1: PAD.left, y1: HEIGHT - PAD.bottom,
    x2: WIDTH - PAD.right, y2: HEIGHT - PAD.bottom }));
  svg.appendChild(createSvgElement('line', { class: 'curve__axis', x1: PAD.left, y1: PAD.top,
    x2: PAD.left, y2: HEIGHT - PAD.bottom }));
  const points = curve.map((p) => `${x(p.k).toFixed(1)},${y(p.weightPercent).toFixed(1)}`).join(' ');
  svg.appendChild(createSvgElement('polyline', { class: 'curve__line', points }));
  for (const p of curve) {
    const dot = createSvgElement('circle', { class: p.k === chosenK ? 'curve__point curve__point--chosen' : 'curve__point',
      cx: x(p.k).toFixed(1), cy: y(p.weightPercent).toFixed(1), r: p.k === chosenK ? 4 : 2.5 });
    const title = createSvgElement('title', {});
    title.textContent = `${p.k} cameras: ${p.weightPercent.toFixed(1)} % of harm-weighted incidents`;
    dot.appendChild(title);
    svg.appendChild(dot);
  }
  label(svg, PAD.left - 4, y(maxY) + 3, `${maxY.toFixed(0)}%`, 'end');
  label(svg, PAD.left - 4, HEIGHT - PAD.bottom + 3, '0%', 'end');
  label(svg, x(1), HEIGHT - 6, '1', 'middle');
  label(svg, x(maxK), HEIGHT - 6, `${maxK} cameras`, 'end');
}

function label(svg, x, y, text, anchor) {
  const element = createSvgElement('text', { class: 'curve__label', x, y, 'text-anchor': anchor });
  element.textContent = text;
  svg.appendChild(element);
}
