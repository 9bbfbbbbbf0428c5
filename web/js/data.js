/**
 * Entry point of the data page (data.html), for analysts and admins: incident imports with a
 * progress bar and the import report, ward populations, households per output area, and the
 * priority neighbourhoods drawn on a map.
 *
 * Test hook on <main id="data">: data-state "loading" | "ready" | "error".
 */
import { fetchViewerConfig, showDataNotices } from './config.js';
import { createAreaEditor } from './data-areas.js';
import { HOUSEHOLDS, POPULATIONS, createCountForm } from './data-counts.js';
import { createImportForm } from './data-import.js';
import { createMap } from './map-view.js';
import { guardPage } from './navigation.js';

const main = document.getElementById('data');
const statusLine = document.getElementById('data-status');

function show(state, message) {
  main.dataset.state = state;
  main.setAttribute('aria-busy', String(state === 'loading'));
  statusLine.textContent = message;
  statusLine.classList.toggle('status--error', state === 'error');
}

async function start() {
  if (!(await guardPage('data'))) {
    return;
  }
  const config = await fetchViewerConfig();
  showDataNotices(config);
  createImportForm();
  await Promise.all([createCountForm(POPULATIONS), createCountForm(HOUSEHOLDS)]);
  await createAreaEditor(createMap(document.getElementById('area-map'), config));
  show('ready', 'Import a file, load ward populations or households, or draw a neighbourhood.');
}

start().catch((error) => show('error', error.message));
