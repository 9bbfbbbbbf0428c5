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
  return sendBody('POST', path, text, contentType, doing);
}

/**
 * Sends a body (text, a File or Blob) with any method that changes something (POST, PUT,
 * DELETE) and returns the JSON answer, or null when there is none (204). Errors read as for
 * fetchJson.
 */
export async function sendBody(method, path, body, contentType, doing) {
  const user = await currentUser();
  const headers = { Accept: 'application/json', 'X-CSRF-Token': user.csrfToken || '' };
  if (contentType) {
    headers['Content-Type'] = contentType;
  }
  return request(path, { method, headers, body }, doing,
    (response) => (response.status === 204 ? null : response.json()));
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
    throw new ApiError(`Error while ${doing}: ${await readErrorMessage(response)}`, response.status);
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

/**
 * Sends a file with XMLHttpRequest, whose upload events (unlike fetch's) report progress:
 * onProgress(fraction) runs from 0 to 1 while the body goes out; the promise resolves to the
 * JSON answer once the service has finished with it. Errors read as for fetchJson.
 */
export async function uploadWithProgress(method, path, file, doing, onProgress) {
  const user = await currentUser();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-CSRF-Token', user.csrfToken || '');
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress(event.loaded / event.total);
      }
    });
    xhr.upload.addEventListener('load', () => onProgress(1));
    xhr.addEventListener('error', () => reject(new ApiError(`Could not reach the SaferMap service while ${doing}.`, 0)));
    xhr.addEventListener('load', () => {
      if (xhr.status === 401) {
        window.location.assign(signInUrl());
        reject(new ApiError(`Signing in is needed while ${doing}.`, 401));
      } else if (xhr.status < 200 || xhr.status >= 300) {
        const message = errorMessageOf(xhr.responseText, xhr.statusText || 'request failed');
        reject(new ApiError(`Error while ${doing}: ${message}`, xhr.status));
      } else {
        try {
          resolve(JSON.parse(xhr.responseText));
        } catch {
          reject(new ApiError(`The service sent a response that could not be read while ${doing}.`, xhr.status));
        }
      }
    });
    xhr.send(file);
  });
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
  return errorMessageOf(text, fallback);
}

/**
 * The message in an error body as the service writes it (JSON `message`, or title/detail), else
 * a short plain-text body, else the fallback: never the raw JSON.
 */
function errorMessageOf(text, fallback) {
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
