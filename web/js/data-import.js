/**
 * The import form of the data page: sends the chosen file to POST /api/imports with a progress
 * bar for the upload, then shows the service's import report as tables (what happened to the
 * rows, and each rejected row with its line and reason).
 *
 * Test hooks on <section id="import-section">:
 *   data-state  "idle" | "uploading" | "importing" | "done" | "error"
 */
import { uploadWithProgress } from './api.js';
import { createElement } from './dom.js';

/** The report's counters, in the order shown, with their words; absent ones are left out. */
const COUNTS = [
  ['imported', 'Rows imported'],
  ['duplicates', 'Already stored (duplicates, not added again)'],
  ['outsideArea', 'Outside the service area (counted, not imported)'],
  ['noLocation', 'Published without a location (counted, not imported)'],
  ['outcomesUpdated', 'Outcomes updated on stored crimes'],
  ['stopAndSearch', 'Stop-and-search rows (counted, not imported)'],
  ['rejectedCount', 'Rejected rows'],
];

const section = document.getElementById('import-section');
const form = document.getElementById('import-form');
const progress = document.getElementById('import-progress');
const message = document.getElementById('import-message');

function say(state, text) {
  section.dataset.state = state;
  message.textContent = text;
  message.classList.toggle('status--error', state === 'error');
}

function count(value) {
  return Number(value).toLocaleString('en-GB');
}

function renderCounts(report) {
  const body = document.querySelector('#import-counts tbody');
  body.replaceChildren(...COUNTS.filter(([key]) => Number.isFinite(report[key])).map(([key, label]) => {
    const row = createElement('tr');
    row.dataset.count = key;
    row.append(createElement('th', null, label), createElement('td', 'data-table__number', count(report[key])));
    return row;
  }));
  const files = document.getElementById('import-files');
  files.hidden = !(report.files && report.files.length);
  files.textContent = files.hidden ? '' : `Files read from the archive: ${report.files.join(', ')}.`;
}

function renderRejections(report) {
  const rejected = report.rejected || [];
  document.getElementById('import-rejections').hidden = rejected.length === 0;
  document.querySelector('#import-rejected tbody').replaceChildren(...rejected.map((r) => {
    const row = createElement('tr');
    row.append(createElement('td', 'data-table__number', r.line), createElement('td', null, r.file || ''),
      createElement('td', null, r.field || ''), createElement('td', 'import-value', r.value ?? '(empty)'),
      createElement('td', null, r.reason));
    return row;
  }));
  const caption = document.getElementById('import-rejected-caption');
  caption.dataset.truncated = String(Boolean(report.rejectedTruncated));
  if (report.rejectedTruncated) {
    caption.textContent = `The first ${count(rejected.length)} of ${count(report.rejectedCount)} rejected rows, `
      + 'with the reason. Correct them in the file and import it again: rows already stored are not added twice.';
  }
}

/** A one-line summary of the report, in words. */
function summary(report, fileName) {
  const parts = [`${count(report.imported)} imported`];
  if (report.duplicates) {
    parts.push(`${count(report.duplicates)} already stored`);
  }
  if (report.outsideArea) {
    parts.push(`${count(report.outsideArea)} outside the service area`);
  }
  parts.push(`${count(report.rejectedCount || 0)} rejected`);
  return `Imported ${fileName}: ${parts.join(', ')}.`;
}

async function submit(event) {
  event.preventDefault();
  const file = form.elements.file.files[0];
  if (!file) {
    say('error', 'Choose a file to import.');
    return;
  }
  const format = form.elements.format.value;
  const path = `/api/imports?${new URLSearchParams({ format, name: file.name })}`;
  document.getElementById('import-report').hidden = true;
  form.elements['import-run'].disabled = true;
  progress.hidden = false;
  progress.value = 0;
  say('uploading', `Uploading ${file.name}…`);
  try {
    const report = await uploadWithProgress('POST', path, file, `importing ${file.name}`, (fraction) => {
      progress.value = Math.round(fraction * 100);
      if (fraction >= 1) {
        say('importing', `Uploaded ${file.name}: the service is reading it…`);
      } else {
        say('uploading', `Uploading ${file.name}: ${progress.value} %`);
      }
    });
    progress.value = 100;
    renderCounts(report);
    renderRejections(report);
    document.getElementById('import-report').hidden = false;
    say('done', summary(report, file.name));
  } catch (error) {
    say('error', error.message);
  } finally {
    form.elements['import-run'].disabled = false;
  }
}

/** Wires the import form. */
export function createImportForm() {
  form.addEventListener('submit', submit);
}
