/**
 * Entry point of the neighbourhood profile page (profile.html): the overview of all
 * priority neighbourhoods (GET /api/areas/profile) and the detail of the one named by
 * ?area=<id> (GET /api/areas/{id}/profile), both for the baseline year and target in the form.
 *
 * Test hooks on <main id="profile">:
 *   data-state          "loading" | "ready" | "error"
 *   data-area-count     rows in the overview table
 *   data-selected-area  the id whose detail is shown; empty when none
 */
import { fetchJson } from './api.js';
import { DEFAULT_TARGET_PERCENT, PROFILE_PAGE, PROFILE_PATHS, fetchViewerConfig, showDataNotices } from './config.js';
import { isMonth } from './dates.js';
import { guardPage } from './navigation.js';
import { markSelected, renderDetail, renderOverview } from './profile-view.js';

const BASELINE_RANGE = { min: 2000, max: 2100 };
const TARGET_RANGE = { min: -100, max: 100 };

const main = document.getElementById('profile');
const statusLine = document.getElementById('profile-status');
const table = document.getElementById('profile-table');
const detail = document.getElementById('profile-detail');
const detailHint = document.getElementById('profile-detail-hint');
const form = document.getElementById('profile-options');
const baselineInput = document.getElementById('profile-baseline');
const targetInput = document.getElementById('profile-target');

let categoryLabels = new Map();
let generation = 0;

function show(state, message) {
  main.dataset.state = state;
  main.setAttribute('aria-busy', String(state === 'loading'));
  statusLine.textContent = message;
  statusLine.classList.toggle('status--error', state === 'error');
}

/** The baseline and target query for the current form values, or a problem message. */
function readOptions() {
  const baselineText = baselineInput.value.trim();
  const targetText = targetInput.value.trim();
  const baseline = baselineText === '' ? null : Number(baselineText);
  const target = targetText === '' ? null : Number(targetText);
  if (baseline !== null && (!Number.isInteger(baseline) || baseline < BASELINE_RANGE.min || baseline > BASELINE_RANGE.max)) {
    return { problem: `The baseline year must be a year from ${BASELINE_RANGE.min} to ${BASELINE_RANGE.max}.` };
  }
  if (target !== null && (!Number.isFinite(target) || target < TARGET_RANGE.min || target > TARGET_RANGE.max)) {
    return { problem: `The target must be a percentage from ${TARGET_RANGE.min} to ${TARGET_RANGE.max}.` };
  }
  return { params: { baseline, target }, problem: null };
}

/** The page URL for an area and the current options (kept in the address, so it can be shared). */
function pageUrl(areaId) {
  const query = new URLSearchParams();
  if (areaId) {
    query.set('area', areaId);
  }
  if (baselineInput.value.trim()) {
    query.set('baseline', baselineInput.value.trim());
  }
  if (targetInput.value.trim()) {
    query.set('target', targetInput.value.trim());
  }
  const text = query.toString();
  return text ? `${PROFILE_PAGE}?${text}` : PROFILE_PAGE;
}

function selectedArea() {
  return new URLSearchParams(window.location.search).get('area') || '';
}

/** Loads the overview and, when an area is selected, its detail; only the newest load draws. */
async function refresh({ overview }) {
  generation += 1;
  const thisLoad = generation;
  const { params, problem } = readOptions();
  if (problem) {
    show('error', problem);
    return;
  }
  const areaId = selectedArea();
  show('loading', areaId ? 'Loading the neighbourhood profile…' : 'Loading neighbourhood profiles…');
  // Settled separately, so the table is still shown when the selected area cannot be.
  const [all, one] = await Promise.allSettled([
    overview ? fetchJson(PROFILE_PATHS.all, params, 'loading the neighbourhood profiles') : null,
    areaId ? fetchJson(PROFILE_PATHS.one(areaId), params, `loading the profile of ${areaId}`) : null,
  ]);
  if (thisLoad !== generation) {
    return;
  }
  if (all.status === 'fulfilled' && all.value) {
    const profiles = Array.isArray(all.value.areas) ? all.value.areas : [];
    renderOverview(table, profiles, (id) => pageUrl(id));
    main.dataset.areaCount = String(profiles.length);
  }
  showDetail(one.status === 'fulfilled' ? one.value : null);
  const failure = [all, one].find((outcome) => outcome.status === 'rejected');
  if (failure) {
    show('error', failure.reason.message || String(failure.reason));
  } else {
    show('ready', describeLoaded());
  }
}

/** refresh() for event handlers: a rendering failure is shown, never left unhandled. */
function reload(options) {
  return refresh(options).catch((error) => show('error', error.message || String(error)));
}

function showDetail(profile) {
  if (profile) {
    renderDetail(detail, profile, categoryLabels);
    main.dataset.selectedArea = profile.id || selectedArea();
  } else {
    detail.hidden = true;
    detail.replaceChildren();
    main.dataset.selectedArea = '';
  }
  detailHint.hidden = Boolean(profile);
  markSelected(table, main.dataset.selectedArea);
}

function describeLoaded() {
  const count = Number(main.dataset.areaCount || 0);
  const areas = `${count} priority neighbourhood${count === 1 ? '' : 's'}`;
  const name = detail.hidden ? '' : detail.querySelector('h2').textContent;
  return name ? `Showing ${name}; ${areas} in the table.` : `${areas}. Choose one to see its profile.`;
}

/** Clicking a neighbourhood in the table shows its detail without reloading the page. */
function onTableClick(event) {
  const link = event.target.closest('a.profile-area-link');
  if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
    return;
  }
  event.preventDefault();
  window.history.pushState(null, '', pageUrl(link.dataset.areaId));
  reload({ overview: false }).then(() => {
    if (!detail.hidden) {
      detail.focus();
    }
  });
}

/** Options from the address (?baseline=&target=); the baseline defaults to the year before the data's last. */
function applyInitialOptions(config) {
  const query = new URLSearchParams(window.location.search);
  const lastMonth = config && config.extent ? config.extent.lastMonth : null;
  const defaultBaseline = isMonth(lastMonth) ? String(Number(lastMonth.slice(0, 4)) - 1) : '';
  baselineInput.value = query.get('baseline') || defaultBaseline;
  targetInput.value = query.get('target') || String(DEFAULT_TARGET_PERCENT);
}

async function start() {
  if (!(await guardPage('profile'))) {
    return;
  }
  show('loading', 'Loading neighbourhood profiles…');
  // The page works without the viewer settings (category slugs are shown as they are).
  const config = await fetchViewerConfig().catch(() => null);
  if (config) {
    categoryLabels = new Map(config.categories.map((category) => [category.slug, category.label]));
    showDataNotices(config);
  }
  applyInitialOptions(config);
  table.addEventListener('click', onTableClick);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.history.replaceState(null, '', pageUrl(selectedArea()));
    reload({ overview: true });
  });
  window.addEventListener('popstate', () => reload({ overview: false }));
  await refresh({ overview: true });
}

start().catch((error) => show('error', error.message || String(error)));
