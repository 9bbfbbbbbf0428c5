/**
 * The hot spot analysis methods the panel offers, with their parameters: the single place
 * for query names, units, defaults and the bounds the panel checks before asking the service
 * (the service validates again and answers 400 with a message for anything it rejects).
 *
 * A parameter is {name, label, unit, kind, default, min, max, step, optional, hint}:
 *   kind     "number" (an <input type="number">), "select" (options [{value, label}]) or "checkbox"
 *   optional an empty number input is left out of the query, so the service chooses the value
 *   query    false for panel-only settings that are not sent as they are (the density contours switch)
 */

/** Method ids, in the order of the method select. */
export const METHODS = [
  {
    id: 'clusters',
    label: 'Density clusters (DBSCAN)',
    description: 'Groups incidents that have at least "minimum incidents" neighbours within the search '
      + 'distance; the rest is noise. Clusters are ranked by size, #1 the largest.',
    parameters: [
      { name: 'eps', label: 'Search distance', unit: 'm', kind: 'number', default: 50, min: 5, max: 1000, step: 1 },
      { name: 'minPts', label: 'Minimum incidents', unit: '', kind: 'number', default: 20, min: 2, max: 1000, step: 1 },
    ],
  },
  {
    id: 'density',
    label: 'Kernel density heatmap',
    description: 'A smoothed surface of incidents per km² (quartic kernel). Leave the bandwidth or cell '
      + 'empty to let the service choose them from the data.',
    parameters: [
      { name: 'bandwidth', label: 'Bandwidth', unit: 'm', kind: 'number', default: null, min: 25, max: 5000, step: 1,
        optional: true, hint: 'empty = chosen by the service' },
      { name: 'cell', label: 'Cell size', unit: 'm', kind: 'number', default: null, min: 5, max: 1000, step: 1,
        optional: true, hint: 'empty = chosen by the service' },
      { name: 'contours', label: 'Show contours', kind: 'checkbox', default: false, query: false },
    ],
  },
  {
    id: 'gistar',
    label: 'Gi* hot spots',
    description: 'Getis-Ord Gi* on a grid of square cells: cells whose neighbourhood has significantly '
      + 'more (hot) or fewer (cold) incidents than expected. Leave the band empty to let the service choose it.',
    parameters: [
      { name: 'cell', label: 'Cell size', unit: 'm', kind: 'number', default: 100, min: 25, max: 2000, step: 1 },
      { name: 'band', label: 'Distance band', unit: 'm', kind: 'number', default: null, min: 25, max: 10000, step: 1,
        optional: true, hint: 'empty = chosen by the service' },
    ],
  },
  {
    id: 'emerging',
    label: 'Emerging hot spots',
    description: 'Gi* for every time step, then a Mann-Kendall trend per cell: new, intensifying, '
      + 'persistent, diminishing… hot and cold spots.',
    parameters: [
      { name: 'cell', label: 'Cell size', unit: 'm', kind: 'number', default: 200, min: 50, max: 2000, step: 1 },
      { name: 'band', label: 'Distance band', unit: 'm', kind: 'number', default: 400, min: 50, max: 10000, step: 1 },
      { name: 'step', label: 'Time step', kind: 'select', default: 'month',
        options: [{ value: 'month', label: 'Month' }, { value: 'quarter', label: 'Quarter' }] },
    ],
  },
];

/** The method with the given id, or undefined. */
export function findMethod(id) {
  return METHODS.find((method) => method.id === id);
}

/**
 * Checks one number input's text against its parameter.
 * @returns {{value: ?number, problem: ?string}} value null when an optional input is empty
 */
export function checkNumber(parameter, text) {
  const trimmed = String(text === undefined || text === null ? '' : text).trim();
  if (trimmed === '') {
    return parameter.optional
      ? { value: null, problem: null }
      : { value: null, problem: `${parameter.label} is required.` };
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value)) {
    return { value: null, problem: `${parameter.label} must be a number.` };
  }
  if (parameter.step === 1 && !Number.isInteger(value)) {
    return { value: null, problem: `${parameter.label} must be a whole number.` };
  }
  if (value < parameter.min || value > parameter.max) {
    const unit = parameter.unit ? ` ${parameter.unit}` : '';
    return { value: null, problem: `${parameter.label} must be between ${parameter.min} and ${parameter.max}${unit}.` };
  }
  return { value, problem: null };
}
