/**
 * The map's print layout: a title, the period shown, the print date, the legends opened, a north
 * arrow, the scale bar and the full attribution (basemap, police.uk under the OGL, ONS/OS
 * boundaries, place names), on an A4 landscape page. "Print map" shows the layout on screen
 * first, so the map is drawn at the printed size before the browser's print dialog opens;
 * printing from the browser's menu gets the same page (the @media print rules in app.css).
 */
import { formatMonth } from './dates.js';

const EDGE_PX = 12;
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/**
 * Wires the "Print map" button.
 * @param {{map: L.Map, subject: function(): string, period: function(): {fromMonth: ?string, toMonth: ?string}}} options
 *   subject names what the map shows (the analysis drawn, or the incidents)
 */
export function bindPrintView({ map, subject, period }) {
  northArrow().addTo(map);
  const open = () => {
    const shown = map.getBounds();
    fillHeader(map, subject(), period());
    document.body.classList.add('print-view');
    for (const legend of map.getContainer().querySelectorAll('details.map-legend')) {
      legend.open = true;
    }
    map.invalidateSize({ pan: false });
    // What was on screen, on the printed page, clear of the opened legends on the right.
    map.fitBounds(shown, { paddingTopLeft: [EDGE_PX, EDGE_PX], paddingBottomRight: [legendsWidth(map) + EDGE_PX, EDGE_PX] });
  };
  const close = () => {
    document.body.classList.remove('print-view');
    map.invalidateSize({ pan: false });
  };
  document.getElementById('print-map').addEventListener('click', open);
  document.getElementById('print-close').addEventListener('click', close);
  document.getElementById('print-now').addEventListener('click', () => window.print());
  // Printing from the browser's menu: the panel is hidden by the print rules; name the page too.
  window.addEventListener('beforeprint', () => {
    if (!document.body.classList.contains('print-view')) {
      open();
      window.addEventListener('afterprint', close, { once: true });
    }
  });
}

function legendsWidth(map) {
  return Array.from(map.getContainer().querySelectorAll('.leaflet-right .map-legend'))
    .reduce((widest, legend) => Math.max(widest, legend.offsetWidth), 0);
}

function fillHeader(map, subject, { fromMonth, toMonth }) {
  document.getElementById('print-title').textContent = `Melton: ${subject}`;
  document.getElementById('print-period').textContent = fromMonth && toMonth
    ? `Period: ${formatMonth(fromMonth)} to ${formatMonth(toMonth)}`
    : 'Period: all months held';
  document.getElementById('print-date').textContent = `Printed ${DATE_FORMAT.format(new Date())}`;
  // The attribution control's own text, so the page credits exactly what the map shows.
  const attribution = map.attributionControl.getContainer().textContent.replace(/\s*\|\s*/g, ' · ').trim();
  document.getElementById('print-attribution').textContent = attribution;
}

/** A north arrow (the map is always drawn north up), top left under the scale bar. */
function northArrow() {
  const control = L.control({ position: 'topleft' });
  control.onAdd = () => {
    const element = L.DomUtil.create('div', 'north-arrow');
    element.id = 'north-arrow';
    element.setAttribute('role', 'img');
    element.setAttribute('aria-label', 'North is up');
    element.innerHTML = '<svg viewBox="0 0 24 36" width="24" height="36" aria-hidden="true">'
      + '<path d="M12 2 L21 26 L12 20 L3 26 Z" fill="#222" stroke="#fff" stroke-width="1"/>'
      + '<text x="12" y="35" text-anchor="middle" font-size="10" font-weight="700" fill="#222">N</text></svg>';
    return element;
  };
  return control;
}
