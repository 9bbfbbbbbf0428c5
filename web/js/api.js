/**
 * Fetch helpers for the SaferMap JSON API. Every failure becomes an ApiError whose
 * message says what was being done and, for HTTP errors, the server's own message.
 */

/** A readable API failure; status is the HTTP status, or 0 when the service was unreachable. */
export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

/** Builds a query string from params, leaving out null, undefined and empty values. */
export function toQueryString(params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== '') {
      query.set(name, String(value));
    }
  }
  return query.toString();
}

/**
 * GETs JSON from path with the given query params.
 * @param {string} doing what the caller is doing, for error messages ("loading wards")
 * @param {AbortSignal} [signal] aborting rejects with the browser's AbortError, unwrapped
 */
export async function fetchJson(path, params, doing, signal) {
  const query = toQueryString(params);
  const url = query ? `${path}?${query}` : path;
  return request(url, { headers: { Accept: 'application/json' }, signal }, doing, (response) => response.json());
}

/**
 * POSTs a JSON body and returns the JSON answer (or, with asText, the raw text, for CSV
 * downloads). Errors read as for fetchJson.
 */
export async function postJson(path, body, doing, { signal, asText = false } = {}) {
  const user = await currentUser();
  const init = {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: asText ? 'text/csv' : 'application/json',
      // The session cookie alone is not enough to change anything: the page proves it is ours.
      'X-CSRF-Token': user.csrfToken || '',
    },
    body: JSON.stringify(body),
    signal,
  };
  return request(path, init, doing, (response) => (asText ? response.text() : response.json()));
}

/** POSTs a file's text (GPX, CSV) and returns the JSON answer. Errors read as for fetchJson. */
export async function postText(path, text, contentType, doing) {
  const user = await currentUser();
  const init = {
    method: 'POST',
    headers: { 'Content-Type': contentType, Accept: 'application/json', 'X-CSRF-Token': user.csrfToken || '' },
    body: text,
  };
  return request(path, init, doing, (response) => response.json());
}

let me = null;

/**
 * Who is signed in ({name, role, seesPoints, csrfToken}), asked once per page. Nobody signed in
 * sends the browser to the sign-in page, which brings it back here afterwards.
 */
export function currentUser() {
  if (!me) {
    me = request('/api/me', { headers: { Accept: 'application/json' } }, 'checking who is signed in',
      (response) => response.json()).then((user) => {
      if (!user.signedIn) {
        window.location.assign(signInUrl());
        throw new ApiError('Signing in is needed.', 401);
      }
      return user;
    });
  }
  return me;
}

/** The sign-in page for coming back to where we are. */
export function signInUrl() {
  return `/viewer/login.html?next=${encodeURIComponent(window.location.pathname + window.location.search)}`;
}

/** One fetch with readable errors: unreachable service, HTTP error (with the server's message), unreadable body. */
async function request(url, init, doing, read) {
  let response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(`Could not reach the SaferMap service while ${doing}.`, 0);
  }
  if (response.status === 401) {
    window.location.assign(signInUrl());
    throw new ApiError(`Signing in is needed while ${doing}.`, 401);
  }
  if (!response.ok) {
    const message = await readErrorMessage(response);
    throw new ApiError(`Error while ${doing}: ${message} (HTTP ${response.status})`, response.status);
  }
  try {
    return await read(response);
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(`The service sent a response that could not be read while ${doing}.`, response.status);
  }
}

/** GETs an OGC API Features items page: a GeoJSON FeatureCollection. */
export function fetchCollectionItems(collectionId, params, signal) {
  const path = `/collections/${encodeURIComponent(collectionId)}/items`;
  return fetchJson(path, params, `loading ${collectionId}`, signal);
}

/** The server's error message: JSON `message` (or title/detail), else a short plain-text body. */
async function readErrorMessage(response) {
  const fallback = response.statusText || 'request failed';
  let text;
  try {
    text = await response.text();
  } catch {
    return fallback;
  }
  try {
    const body = JSON.parse(text);
    const message = body && (body.message || body.title || body.detail || body.description);
    if (typeof message === 'string' && message.trim()) {
      return message.trim();
    }
  } catch {
    // Not JSON: fall through to the plain-text body.
  }
  const plain = text.trim();
  if (!plain || plain.startsWith('<')) {
    return fallback;
  }
  return plain.length > 200 ? `${plain.slice(0, 200)}…` : plain;
}
