// Views by URL hash (#/calls, #/calls/{id}, #/proposals/{id}, ...): the page loads once, keeps its live
// connection, and the back button works. A view is render(container, params) returning an optional cleanup.

import { replace, h } from './dom.js';
import { t, tOr } from './i18n.js';

const routes = [];
let current = { cleanup: null, token: 0 };
let container;

/** pattern like '/calls/:callId'. */
export function route(pattern, render, navKey) {
  const names = [];
  const regex = new RegExp('^' + pattern.replace(/:(\w+)/g, (whole, name) => { names.push(name); return '([^/]+)'; }) + '$');
  routes.push({ regex, names, render, navKey });
}

export function startRouter(main, fallback) {
  container = main;
  // Moving focus to the new view's heading tells keyboard and screen-reader users the view changed.
  window.addEventListener('hashchange', () => {
    if (isView(location.hash)) show({ focus: true });
  });
  if (!isView(location.hash)) location.replace(fallback);
  show();
}

/** Views are #/…; any other hash (#main, from the skip link before the page was ready) is an in-page anchor. */
function isView(hash) {
  return hash.startsWith('#/');
}

/** Renders the current hash's view (again, after a language switch or to refresh: then focus stays where it is). */
export async function show({ focus = false } = {}) {
  const [path, search = ''] = location.hash.replace(/^#/, '').split('?');
  const match = routes.map((r) => ({ r, m: path.match(r.regex) })).find((candidate) => candidate.m);
  current.cleanup?.();
  current = { cleanup: null, token: current.token + 1 };
  const token = current.token;
  document.querySelectorAll('nav [data-nav]').forEach((link) => {
    if (match && link.dataset.nav === match.r.navKey) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
  if (!match) {
    replace(container, h('p', { role: 'alert' }, t('error.notFound')));
    return;
  }
  const params = Object.fromEntries(match.r.names.map((name, i) => [name, decodeURIComponent(match.m[i + 1])]));
  params.query = new URLSearchParams(search);
  container.setAttribute('aria-busy', 'true');
  try {
    const cleanup = await match.r.render(container, params, () => token !== current.token);
    if (token === current.token) {
      current.cleanup = cleanup ?? null;
      if (focus) container.querySelector('#view-title')?.focus();
    } else {
      cleanup?.();
    }
  } catch (error) {
    if (token === current.token) replace(container, errorMessage(error));
  } finally {
    if (token === current.token) container.removeAttribute('aria-busy');
  }
}

/**
 * Writes a view's filters and sort order into the address (#/exchange?agency=NWO&…) without rendering the view
 * again, so a reload, a bookmark, Back from another view and a language switch (which all render the address)
 * keep them. Empty values are left out. Replaces the history entry: Back leaves the view, not one filter.
 */
export function keepInAddress(query) {
  const [path] = location.hash.replace(/^#/, '').split('?');
  const search = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== null && value !== undefined && value !== '')).toString();
  const hash = `#${path}${search ? `?${search}` : ''}`;
  if (hash !== location.hash) history.replaceState(history.state, '', hash);
}

const PROBLEM_TYPE = /^https:\/\/jointcall\.org\/problems\/([a-z-]+)$/;

/**
 * A visible, announced error for a failed request. The server words its problems in English; the kind of problem is
 * named in the user's language (problem.<type> in the dictionaries), the server's detail kept beside it.
 */
export function errorMessage(error) {
  const problem = error?.problem ?? {};
  const detail = problem.detail || problem.title || error?.message || String(error);
  const type = PROBLEM_TYPE.exec(problem.type ?? '')?.[1];
  const title = type ? tOr(`problem.${type}`, null) : null;
  const text = title ? t('error.problem', { title, detail }) : t('error.request', { detail });
  return h('p', { class: 'error', role: 'alert' }, text);
}
