/**
 * The ward populations form of the data page: what is loaded (GET /api/wards/populations) and
 * a CSV upload that replaces it (PUT /api/wards/populations), with the service's message when
 * the file is refused (which line, which field, why).
 *
 * Test hooks on <section id="population-section">:
 *   data-state  "idle" | "uploading" | "done" | "error"
 *   data-wards  wards with a population loaded
 */
import { fetchJson, sendBody } from './api.js';

const section = document.getElementById('population-section');
const form = document.getElementById('population-form');
const message = document.getElementById('population-message');

function say(state, text) {
  section.dataset.state = state;
  message.textContent = text;
  message.classList.toggle('status--error', state === 'error');
}

async function showCurrent() {
  const loaded = await fetchJson('/api/wards/populations', {}, 'loading the ward populations');
  const wards = Object.keys(loaded.populations || {}).length;
  section.dataset.wards = String(wards);
  const total = Object.values(loaded.populations || {}).reduce((sum, n) => sum + n, 0);
  document.getElementById('population-current').textContent = wards === 0
    ? 'No populations are loaded: the councillors\' rate map cannot be drawn until they are.'
    : `Loaded: ${wards} wards, ${total.toLocaleString('en-GB')} residents in all`
      + `${loaded.source ? ` (source: ${loaded.source})` : ''}.`;
}

async function submit(event) {
  event.preventDefault();
  const file = form.elements.file.files[0];
  if (!file) {
    say('error', 'Choose a CSV file of ward populations.');
    return;
  }
  const source = form.elements.source.value.trim();
  const query = source ? `?${new URLSearchParams({ source })}` : '';
  say('uploading', `Uploading ${file.name}…`);
  try {
    const answer = await sendBody('PUT', `/api/wards/populations${query}`, file, 'text/csv',
      `loading the populations from ${file.name}`);
    const missing = answer.missing || [];
    say('done', `Loaded populations for ${answer.wards} wards from ${file.name}.`
      + (missing.length ? ` ${missing.length} wards have none, so no rate: ${missing.join(', ')}.` : ''));
    await showCurrent();
  } catch (error) {
    say('error', error.message);
  }
}

/** Wires the populations form and shows what is loaded. */
export async function createPopulationForm() {
  form.addEventListener('submit', submit);
  await showCurrent();
}
