/**
 * Small DOM helpers. Feature text always goes in through textContent, never innerHTML,
 * so incident and boundary properties cannot inject markup.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an element with an optional class and text content. */
export function createElement(tagName, className, text) {
  const element = document.createElement(tagName);
  if (className) {
    element.className = className;
  }
  if (text !== undefined && text !== null) {
    element.textContent = String(text);
  }
  return element;
}

/** Creates an SVG element with the given attributes (presentation attributes, not inline styles). */
export function createSvgElement(tagName, attributes) {
  const element = document.createElementNS(SVG_NS, tagName);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  return element;
}

/**
 * A popup/tooltip body: a title line plus a definition list of label/value rows.
 * Rows whose value is empty are left out.
 */
export function createDefinitionPopup(title, rows, note) {
  const container = createElement('div', 'feature-popup');
  container.appendChild(createElement('p', 'feature-popup__title', title));
  const list = createElement('dl');
  for (const [label, value] of rows) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    list.appendChild(createElement('dt', null, label));
    list.appendChild(createElement('dd', null, value));
  }
  container.appendChild(list);
  if (note) {
    container.appendChild(createElement('p', 'feature-popup__note', note));
  }
  return container;
}

/**
 * Escapes plain text for the few Leaflet APIs that only take HTML strings
 * (attribution control). Configured attribution texts are treated as plain text.
 */
export function escapeHtml(text) {
  const holder = document.createElement('div');
  holder.textContent = text;
  return holder.innerHTML;
}
