// The one way the pages talk to /api/v1/console: JSON in and out, the session's CSRF token on every
// state-changing request, problem details turned into errors, and an expired session sent to the login page.

export const API_BASE = '/api/v1/console';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let session = null;

/** An RFC 9457 problem the API answered (or a transport failure dressed as one). */
export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** The API address of path with the non-empty query parameters. */
export function apiUrl(path, query = {}) {
  const url = new URL(API_BASE + path, location.origin);
  for (const [name, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && String(value) !== '') url.searchParams.set(name, value);
  }
  return url.pathname + url.search;
}

export function goToLogin() {
  const next = location.pathname + location.search + location.hash;
  location.assign(`login.html?next=${encodeURIComponent(next)}`);
}

/**
 * Calls the API. options: method, query, body (sent as JSON), loginOnUnauthorized (default true: a 401
 * means the session ended, so the user is sent to log in again).
 */
export async function api(path, { method = 'GET', query, body, loginOnUnauthorized = true } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (STATE_CHANGING.has(method) && session?.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;
  let response;
  try {
    response = await fetch(apiUrl(path, query), {
      method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (network) {
    throw new ProblemError(0, { title: 'network', detail: network.message });
  }
  if (response.status === 401 && loginOnUnauthorized) {
    goToLogin();
    throw new ProblemError(401, { title: 'Unauthorized' });
  }
  const text = await response.text();
  const json = text && /json/.test(response.headers.get('Content-Type') || '') ? JSON.parse(text) : null;
  if (!response.ok) throw new ProblemError(response.status, json || { title: `HTTP ${response.status}`, detail: text });
  return json;
}

/** The logged-in user {username, roles, csrfToken}; sends the user to log in when there is none. */
export async function loadSession() {
  session = await api('/session');
  return session;
}

export function currentSession() {
  return session;
}

export function hasRole(...roles) {
  return Boolean(session?.roles?.some((role) => roles.includes(role)));
}

/** Logs in; a wrong name or password is a ProblemError with status 401 (not a redirect). */
export async function logIn(username, password) {
  session = await api('/session', { method: 'POST', body: { username, password }, loginOnUnauthorized: false });
  return session;
}

export async function logOut() {
  try {
    await api('/session', { method: 'DELETE', loginOnUnauthorized: false });
  } finally {
    session = null;
  }
}
