/**
 * The filter panel: the month range and the category checkboxes. It reports the
 * current filters as {datetime, fromMonth, toMonth, crimeTypes, problem}:
 *   datetime   RFC 3339 date interval, or null for no date filter
 *   fromMonth, toMonth  the range's "YYYY-MM" months (null when empty), for the analysis endpoints
 *   crimeTypes null when every category is ticked (no filter), else the ticked slugs
 *   problem    a message when the inputs cannot be used (the layer shows it as an error)
 */
import { createCategorySwatch } from './categories.js';
import { addMonths, isMonth, laterMonth, toDateInterval } from './dates.js';
import { createElement } from './dom.js';

/** How many months the date range covers by default, ending at the data's last month. */
const DEFAULT_MONTHS = 12;

/**
 * Fills in and wires the panel.
 * @param {{categories: Array, extent: ?Object, onChange: function(Object)}} options
 * @returns {{current: function(): Object}}
 */
export function createFilterPanel({ categories, extent, onChange }) {
  const fromInput = document.getElementById('filter-from');
  const toInput = document.getElementById('filter-to');
  const list = document.getElementById('category-list');

  setDefaultMonths(fromInput, toInput, extent);
  const checkboxes = renderCategoryCheckboxes(list, categories);
  const current = () => readFilters(fromInput, toInput, checkboxes);
  const count = document.getElementById('category-count');
  const changed = () => {
    count.textContent = countText(checkboxes);
    onChange(current());
  };
  count.textContent = countText(checkboxes);

  fromInput.addEventListener('change', changed);
  toInput.addEventListener('change', changed);
  list.addEventListener('change', changed);
  document.getElementById('categories-all').addEventListener('click', () => {
    setAllChecked(checkboxes, true);
    changed();
  });
  document.getElementById('categories-none').addEventListener('click', () => {
    setAllChecked(checkboxes, false);
    changed();
  });
  return { current };
}

/** Defaults to the last DEFAULT_MONTHS months of the data, limited to the months the data has. */
export function setDefaultMonths(fromInput, toInput, extent) {
  if (!extent || !isMonth(extent.firstMonth) || !isMonth(extent.lastMonth)) {
    return;
  }
  for (const input of [fromInput, toInput]) {
    input.min = extent.firstMonth;
    input.max = extent.lastMonth;
  }
  toInput.value = extent.lastMonth;
  fromInput.value = laterMonth(extent.firstMonth, addMonths(extent.lastMonth, -(DEFAULT_MONTHS - 1)));
}

function renderCategoryCheckboxes(list, categories) {
  const checkboxes = [];
  for (const category of categories) {
    const checkbox = createElement('input');
    checkbox.type = 'checkbox';
    checkbox.name = 'category';
    checkbox.value = category.slug;
    checkbox.id = `category-${category.slug}`;
    checkbox.checked = true;

    const label = createElement('label');
    label.htmlFor = checkbox.id;
    label.append(checkbox, createCategorySwatch(category.slug), createElement('span', null, category.label));

    const item = createElement('li');
    item.appendChild(label);
    list.appendChild(item);
    checkboxes.push(checkbox);
  }
  return checkboxes;
}

function setAllChecked(checkboxes, checked) {
  for (const checkbox of checkboxes) {
    checkbox.checked = checked;
  }
}

/** The folded category list's summary: "all", "none" or "3 of 14". */
function countText(checkboxes) {
  const ticked = checkboxes.filter((checkbox) => checkbox.checked).length;
  if (ticked === checkboxes.length) {
    return 'all';
  }
  return ticked === 0 ? 'none' : `${ticked} of ${checkboxes.length}`;
}

function readFilters(fromInput, toInput, checkboxes) {
  const from = fromInput.value.trim();
  const to = toInput.value.trim();
  const ticked = checkboxes.filter((checkbox) => checkbox.checked).map((checkbox) => checkbox.value);
  return {
    datetime: toDateInterval(isMonth(from) ? from : '', isMonth(to) ? to : ''),
    fromMonth: isMonth(from) ? from : null,
    toMonth: isMonth(to) ? to : null,
    crimeTypes: ticked.length === checkboxes.length ? null : ticked,
    problem: dateRangeProblem(from, to),
  };
}

function dateRangeProblem(from, to) {
  if ((from && !isMonth(from)) || (to && !isMonth(to))) {
    return 'Enter months as YYYY-MM, e.g. 2025-03.';
  }
  if (from && to && from > to) {
    return 'The "From" month is after the "To" month.';
  }
  return null;
}
