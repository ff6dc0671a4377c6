// The one place that talks to /api/v1: adds the bearer token, turns error bodies into ApiError,
// and follows live events. (Media URLs for <img>/<video> are built in media.js.)

const BASE = '/api/v1';
const TOKEN_KEY = 'reelsmith.token';
const REFRESH_KEY = 'reelsmith.refresh';
const EXPIRES_KEY = 'reelsmith.expires'; // when the access token ends, in ms since the epoch

// The access token lives minutes; the refresh token renews it (and is replaced each time) until sign-out.
export const session = {
  token: () => localStorage.getItem(TOKEN_KEY),
  signedIn: () => Boolean(localStorage.getItem(TOKEN_KEY)),
  /** Starts (or renews) the session from a login, sign-up or refresh answer. */
  start({token, refreshToken, expiresIn}) {
    localStorage.setItem(TOKEN_KEY, token);
    if (refreshToken) localStorage.setItem(REFRESH_KEY, refreshToken);
    if (expiresIn) localStorage.setItem(EXPIRES_KEY, String(Date.now() + expiresIn * 1000));
  },
  end() { [TOKEN_KEY, REFRESH_KEY, EXPIRES_KEY].forEach((k) => localStorage.removeItem(k)); },
};

let refreshing = null; // one refresh at a time, shared by every request that needs it

/** Swaps the refresh token for a new access token; false when the session is over. */
function refresh() {
  const refreshToken = localStorage.getItem(REFRESH_KEY);
  if (!refreshToken) return Promise.resolve(false);
  refreshing ??= fetch(`${BASE}/auth/refresh`, {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({refreshToken})})
    .then(async (res) => {
      if (!res.ok) return false;
      session.start(await res.json());
      return true;
    })
    .catch(() => false)
    .finally(() => { refreshing = null; });
  return refreshing;
}

/** Renews the access token a minute before it ends, so that media URLs built now still work for a while. */
export async function fresh() {
  const expires = Number(localStorage.getItem(EXPIRES_KEY) || 0);
  if (session.signedIn() && expires && expires - Date.now() < 60_000) await refresh();
}

/** Ends the session on the server too (its tokens stop working), then here. */
export async function signOut() {
  const token = session.token();
  session.end();
  if (token) await fetch(`${BASE}/auth/logout`, {method: 'POST', headers: {Authorization: `Bearer ${token}`}}).catch(() => {});
}

/** An error answer of the API: {"error": code, "message": text} with its HTTP status. */
export class ApiError extends Error {
  constructor(status, code, message, body = {}) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code;
    this.body = body; // the whole answer, e.g. estimateUsd and remainingUsd of a 402
  }
}

/** Called when the server refuses the token (expired, or signed out elsewhere). */
let onUnauthorized = () => {};
export function whenUnauthorized(handler) { onUnauthorized = handler; }

function headers(extra = {}) {
  const token = session.token();
  return token ? {Authorization: `Bearer ${token}`, ...extra} : extra;
}

async function failure(res) {
  let code = null;
  let message = null;
  let body = {};
  try {
    body = await res.json();
    code = body.error;
    message = body.message;
  } catch {
    message = `${res.status} ${res.statusText}`;
  }
  if (res.status === 401 && session.signedIn()) onUnauthorized();
  return new ApiError(res.status, code, message, body);
}

async function send(method, path, body, signal, retried = false) {
  if (!retried) await fresh();
  const init = {method, headers: headers(), signal};
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(BASE + path, init);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection and try again.');
  }
  // An access token that ended (or was refused) is renewed once and the request sent again.
  if (res.status === 401 && !retried && session.signedIn() && await refresh()) return send(method, path, body, signal, true);
  if (!res.ok) throw await failure(res);
  return res;
}

/** JSON in, JSON out; null for 204 No Content. */
export async function api(method, path, body, {signal} = {}) {
  const res = await send(method, path, body, signal);
  return res.status === 204 ? null : res.json();
}

export const get = (path, opts) => api('GET', path, undefined, opts);
export const post = (path, body, opts) => api('POST', path, body, opts);
export const put = (path, body, opts) => api('PUT', path, body, opts);
export const del = (path, opts) => api('DELETE', path, undefined, opts);

/**
 * Follows a Server-Sent Events stream with fetch (EventSource cannot carry the bearer token).
 * Calls onEvent(name, data) for each event; resolves when the server ends the stream.
 */
export async function events(path, onEvent, {signal} = {}) {
  await fresh();
  let res = await fetch(BASE + path, {headers: headers({Accept: 'text/event-stream'}), signal});
  if (res.status === 401 && session.signedIn() && await refresh()) {
    res = await fetch(BASE + path, {headers: headers({Accept: 'text/event-stream'}), signal});
  }
  if (!res.ok) throw await failure(res);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const {value, done} = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const raw = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = parseEvent(raw);
      if (event) onEvent(event.name, event.data);
    }
  }
}

function parseEvent(raw) {
  let name = 'message';
  const data = [];
  for (const line of raw.split('\n')) {
    if (line.startsWith(':')) continue; // keep-alive comment
    const colon = line.indexOf(':');
    const key = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (key === 'event') name = value;
    else if (key === 'data') data.push(value);
  }
  if (data.length === 0) return null;
  const text = data.join('\n');
  try {
    return {name, data: JSON.parse(text)};
  } catch {
    return {name, data: text};
  }
}
