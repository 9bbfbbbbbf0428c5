/**
 * Month arithmetic for the date filter. Months are "YYYY-MM" strings, as used by
 * <input type="month"> and by the incidents' `month` property.
 */

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a well-formed "YYYY-MM" month. */
export function isMonth(text) {
  return typeof text === 'string' && MONTH_PATTERN.test(text);
}

/** The month `count` months after `month` (negative counts go back). */
export function addMonths(month, count) {
  const [year, monthNumber] = month.split('-').map(Number);
  const index = year * 12 + (monthNumber - 1) + count;
  const newYear = Math.floor(index / 12);
  const newMonth = (index % 12) + 1;
  return `${String(newYear).padStart(4, '0')}-${String(newMonth).padStart(2, '0')}`;
}

/** The later of two months (string order is date order for "YYYY-MM"). */
export function laterMonth(a, b) {
  return a > b ? a : b;
}

/** "2025-02" -> "2025-02-28". */
export function lastDayOfMonth(month) {
  const [year, monthNumber] = month.split('-').map(Number);
  const day = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/**
 * An RFC 3339 date interval covering whole months, e.g. "2025-01-01/2025-12-31".
 * An empty end is open (".."); null when both ends are open.
 */
export function toDateInterval(fromMonth, toMonth) {
  if (!fromMonth && !toMonth) {
    return null;
  }
  const start = fromMonth ? `${fromMonth}-01` : '..';
  const end = toMonth ? lastDayOfMonth(toMonth) : '..';
  return `${start}/${end}`;
}

/** "2025-03" -> "March 2025". */
export function formatMonth(month) {
  if (!isMonth(month)) {
    return month || '';
  }
  const [year, monthNumber] = month.split('-').map(Number);
  return new Date(Date.UTC(year, monthNumber - 1, 1))
    .toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}
