// The exchange log: every message in and out, newest first, filtered on the server and paged by keyset
// cursor; "Export CSV" downloads exactly the filtered view (all its rows, not just this page).

import { api, apiUrl } from './api.js';
import { h, replace, field } from './dom.js';
import { t, tOr, tCount, timeElement } from './i18n.js';
import { stateBadge } from './states.js';
import { keysetPager } from './pager.js';
import { errorMessage, keepInAddress } from './router.js';

const PAGE_SIZE = 100;
const KINDS = ['PROPOSAL_PART', 'REVIEW_RESULT', 'FUNDING_DECISION', 'JOINT_PROPOSAL_RECORD', 'JOINT_OUTCOME_NOTICE'];
const STATUSES = ['RECEIVED', 'APPLIED', 'HELD', 'REFUSED', 'PENDING', 'DELIVERED', 'DEAD', 'AWAITING_PULL', 'ACKNOWLEDGED'];
const FILTERS = ['agency', 'kind', 'direction', 'status', 'from', 'to', 'q'];

export async function renderExchangeLog(container, { query }, isStale) {
  const filters = Object.fromEntries(FILTERS.map((name) => [name, query.get(name) ?? '']));
  const agencies = await knownAgencies();
  const form = filterForm(filters, agencies);
  const exportLink = h('a', { id: 'export-csv', class: 'button', download: 'exchange-log.csv' }, t('log.exportCsv'));
  const exportParagraph = h('p', { hidden: true }, exportLink);
  const problem = h('div', { id: 'log-problem' });
  const table = h('table', { id: 'exchange-log' });
  const summary = h('p', { id: 'log-summary', 'aria-live': 'polite' });
  const pager = keysetPager(async (after) => {
    const chosen = serverFilters(filters);
    const data = await api('/exchange-log', { query: { ...chosen, after, limit: PAGE_SIZE } });
    // The export offers only a view the API accepted, so it never downloads a problem instead of rows.
    exportLink.href = apiUrl('/exchange-log.csv', chosen);
    exportParagraph.hidden = false;
    // Only a filter the API accepted goes into the address (and not once the user has gone to another view).
    if (!isStale()) keepInAddress(filters);
    problem.replaceChildren();
    renderRows(table, data.rows ?? []);
    replace(summary, tCount('log.summary', (data.rows ?? []).length, { page: pager.page() }));
    return data.next;
  }, (error) => {
    exportParagraph.hidden = true;
    exportLink.removeAttribute('href');
    table.replaceChildren();
    summary.replaceChildren();
    replace(problem, errorMessage(error));
  });
  replace(container, h('h1', { id: 'view-title', tabindex: '-1' }, t('log.heading')), form,
    exportParagraph, problem, summary, h('div', { class: 'table-scroll' }, table), pager.element);
  form.onsubmit = (event) => {
    event.preventDefault();
    for (const name of FILTERS) filters[name] = field(form, name);
    pager.first();
  };
  await pager.first();
}

/** The agencies of every call, for the agency filter. */
async function knownAgencies() {
  const calls = await api('/calls');
  return [...new Set(calls.flatMap((call) => call.agencies ?? []))].sort();
}

/** datetime-local inputs hold local wall time; the API wants an instant with offset. */
function serverFilters(filters) {
  const instant = (local) => (local ? new Date(local).toISOString() : '');
  return { ...filters, from: instant(filters.from), to: instant(filters.to) };
}

function filterForm(filters, agencies) {
  const select = (name, values, labelOf) => h('div', { class: 'field' },
    h('label', { for: `log-${name}` }, t(`log.${name}`)),
    h('select', { id: `log-${name}`, name }, h('option', { value: '' }, t('filter.any')),
      values.map((value) => h('option', { value, selected: filters[name] === value }, labelOf(value)))));
  const input = (name, type) => h('div', { class: 'field' },
    h('label', { for: `log-${name}` }, t(`log.${name}`)),
    h('input', { id: `log-${name}`, name, type, value: filters[name] }));
  return h('form', { id: 'log-filters', class: 'filters', role: 'search' },
    select('agency', agencies, (a) => a),
    select('kind', KINDS, (k) => tOr(`kind.${k}`, k)),
    select('direction', ['IN', 'OUT'], (d) => t(`direction.${d}`)),
    select('status', STATUSES, (s) => tOr(`delivery.${s}`, s)),
    input('from', 'datetime-local'),
    input('to', 'datetime-local'),
    input('q', 'search'),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'log-apply' }, t('action.apply'))));
}

function renderRows(table, rows) {
  replace(table,
    h('caption', {}, t('log.caption')),
    h('thead', {}, h('tr', {}, ['at', 'direction', 'agency', 'kind', 'messageId', 'reference', 'status', 'signature']
      .map((column) => h('th', { scope: 'col' }, t(`log.column.${column}`))))),
    h('tbody', {}, rows.length === 0
      ? h('tr', {}, h('td', { colspan: 8 }, t('log.empty')))
      : rows.map((row) => h('tr', { dataset: { id: row.id, direction: row.direction, agency: row.agency, status: row.status } },
        h('td', {}, timeElement(row.at)),
        h('td', {}, t(`direction.${row.direction}`)),
        h('td', {}, row.agency),
        h('td', {}, tOr(`kind.${row.kind}`, row.kind)),
        h('td', { class: 'mono' }, row.messageId),
        h('td', {}, row.jointId ? h('a', { href: `#/proposals/${encodeURIComponent(row.jointId)}` }, row.jointReference) : row.jointReference ?? ''),
        h('td', {}, stateBadge(row.status, 'delivery')),
        h('td', {}, row.signatureVerdict ? stateBadge(row.signatureVerdict, 'verdict') : '—')))));
}
