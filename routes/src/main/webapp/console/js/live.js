// Live updates: one EventSource on /api/v1/console/events for the whole page; views subscribe to an
// event name while they are shown. The browser reconnects by itself after a network failure.

import { API_BASE } from './api.js';
import { t } from './i18n.js';

const subscribers = new Map();
let source = null;

/**
 * Opens the stream; indicator gets data-live="connecting|open|reconnecting|closed" (tests and users can see
 * whether updates are flowing).
 */
export function startLive(indicator) {
  if (source) return;
  connect(indicator);
  // A page the browser keeps for "back" (back/forward cache) would otherwise hold its stream open, and a
  // browser keeps at most six connections per server: close it on leaving, open a new one on coming back.
  window.addEventListener('pagehide', () => source?.close());
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) connect(indicator);
  });
}

function connect(indicator) {
  const show = (state) => {
    if (!indicator) return;
    indicator.dataset.live = state;
    indicator.dataset.i18n = `live.${state}`;
    indicator.textContent = t(`live.${state}`);
  };
  show('connecting');
  const stream = new EventSource(`${API_BASE}/events`, { withCredentials: true });
  source = stream;
  stream.addEventListener('open', () => show('open'));
  stream.addEventListener('error', () => show(stream.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting'));
  for (const name of ['proposal', 'alert']) {
    stream.addEventListener(name, (event) => {
      let data;
      try {
        data = JSON.parse(event.data);
      } catch (malformed) {
        console.warn(`ignored malformed ${name} event`, event.data);
        return;
      }
      (subscribers.get(name) ?? []).forEach((listener) => listener(data));
    });
  }
}

/** Calls listener with each event's data until the returned function is called. */
export function subscribe(name, listener) {
  if (!subscribers.has(name)) subscribers.set(name, new Set());
  subscribers.get(name).add(listener);
  return () => subscribers.get(name).delete(listener);
}

/**
 * For views that re-fetch rather than patch: calls refresh() once per burst of the named events, at most
 * every wait ms (a decision fans out into several proposal and alert events; one reload covers them all).
 * Returns the function that stops it.
 */
export function refreshOn(names, refresh, wait = 1000) {
  let timer = null;
  const schedule = () => {
    if (timer === null) timer = setTimeout(() => { timer = null; refresh(); }, wait);
  };
  const stops = names.map((name) => subscribe(name, schedule));
  return () => {
    clearTimeout(timer);
    stops.forEach((stop) => stop());
  };
}
