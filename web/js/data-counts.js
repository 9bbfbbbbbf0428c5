/**
 * The count uploads of the data page: ward populations (rates for councillors) and households per
 * output area (doorbell risk per household). Each shows what is loaded (GET) and replaces it from
 * a CSV (PUT), with the service's message when the file is refused (which line, which field, why).
 *
 * Test hooks on each <section id="{prefix}-section">:
 *   data-state   "idle" | "uploading" | "done" | "error"
 *   data-loaded  areas with a count loaded
 */
import { fetchJson, sendBody } from './api.js';

/** Ward populations: PUT/GET /api/wards/populations. */
export const POPULATIONS = {
  prefix: 'population',
  path: '/api/wards/populations',
  valuesKey: 'populations',
  countKey: 'wards',
  what: 'the ward populations',
  none: 'No populations are loaded: the councillors\' rate map cannot be drawn until they are.',
  loaded: (areas, total) => `Loaded: ${areas} wards, ${total} residents in all`,
  done: (areas, file) => `Loaded populations for ${areas} wards from ${file}.`,
  missing: (codes) => `${codes.length} wards have none, so no rate: ${codes.join(', ')}.`,
};

/** Households per output area: PUT/GET /api/households. */
export const HOUSEHOLDS = {
  prefix: 'household',
  path: '/api/households',
  valuesKey: 'households',
  countKey: 'outputAreas',
  what: 'the households per output area',
  none: 'No households are loaded: doorbell allocations assume 125 households in every output area '
    + '(the ONS design size) and say so.',
  loaded: (areas, total) => `Loaded: ${areas} output areas, ${total} households in all`,
  done: (areas, file) => `Loaded households for ${areas} output areas from ${file}.`,
  missing: (codes) => `${codes.length} output areas have no count and keep the estimate of 125 households.`,
};

/** Wires one upload form and shows what is loaded. */
export async function createCountForm(kind) {
  const section = document.getElementById(`${kind.prefix}-section`);
  const form = document.getElementById(`${kind.prefix}-form`);
  const message = document.getElementById(`${kind.prefix}-message`);

  const say = (state, text) => {
    section.dataset.state = state;
    message.textContent = text;
    message.classList.toggle('status--error', state === 'error');
  };

  const showCurrent = async () => {
    const answer = await fetchJson(kind.path, {}, `loading ${kind.what}`);
    const counts = Object.values(answer[kind.valuesKey] || {});
    section.dataset.loaded = String(counts.length);
    const total = counts.reduce((sum, n) => sum + n, 0).toLocaleString('en-GB');
    document.getElementById(`${kind.prefix}-current`).textContent = counts.length === 0 ? kind.none
      : `${kind.loaded(counts.length, total)}${answer.source ? ` (source: ${answer.source})` : ''}.`;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = form.elements.file.files[0];
    if (!file) {
      say('error', 'Choose a CSV file first.');
      return;
    }
    const source = form.elements.source.value.trim();
    const query = source ? `?${new URLSearchParams({ source })}` : '';
    say('uploading', `Uploading ${file.name}…`);
    try {
      const answer = await sendBody('PUT', `${kind.path}${query}`, file, 'text/csv', `loading ${kind.what} from ${file.name}`);
      const missing = answer.missing || [];
      say('done', `${kind.done(answer[kind.countKey], file.name)}${missing.length ? ` ${kind.missing(missing)}` : ''}`);
      await showCurrent();
    } catch (error) {
      say('error', error.message);
    }
  });
  await showCurrent();
}
