// One call's proposals × agencies matrix: each track's state per agency, filtered, sorted and paged by
// keyset cursor on the server; rows change in place when a live proposal event arrives.

import { api } from './api.js';
import { h, replace, field } from './dom.js';
import { t, tOr, tCount, timeElement } from './i18n.js';
import { JOINT_STATES, TRACK_STATES, stateBadge } from './states.js';
import { subscribe } from './live.js';
import { announce } from './announce.js';
import { sortableHeader } from './sortable.js';
import { keysetPager } from './pager.js';
import { errorMessage, keepInAddress } from './router.js';

const PAGE_SIZE = 50;
const DEFAULT_SORT = { key: 'reference', dir: 'asc' };

export async function renderMatrix(container, { callId, query }, isStale) {
  const view = {
    callId,
    filters: { jointState: query.get('jointState') ?? '', agency: query.get('agency') ?? '',
      trackState: query.get('trackState') ?? '', q: query.get('q') ?? '' },
    sort: { key: query.get('sort') || DEFAULT_SORT.key, dir: query.get('dir') || DEFAULT_SORT.dir },
    agencies: [],
  };
  const summary = h('p', { id: 'matrix-summary', 'aria-live': 'polite' });
  const notice = h('div', { id: 'matrix-notice' });
  const table = h('table', { id: 'matrix', class: 'matrix', dataset: { callId } });
  const filters = h('form', { id: 'matrix-filters', class: 'filters', role: 'search' });
  const pager = keysetPager(async (after) => {
    const data = await api(`/calls/${encodeURIComponent(callId)}/matrix`, { query: {
      ...view.filters, sort: view.sort.key, dir: view.sort.dir, after, limit: PAGE_SIZE,
    } });
    if (view.agencies.length === 0) {
      view.agencies = data.agencies ?? [];
      renderFilters(filters, view, pager.first);
    }
    replace(summary, tCount('matrix.summary', data.total ?? 0, { page: pager.page() }));
    renderTable(table, view, data.rows ?? [], pager.first);
    notice.replaceChildren();
    if (!isStale()) keepInAddress(addressQuery(view));
    return data.next;
  }, (error) => {
    // No rows rather than the previous filter's rows under the new filter.
    table.replaceChildren();
    summary.replaceChildren();
    replace(notice, errorMessage(error));
  });
  replace(container,
    h('p', {}, h('a', { href: '#/calls' }, t('nav.backToCalls'))),
    h('h1', { id: 'view-title', tabindex: '-1' }, t('matrix.heading', { callId })),
    filters, summary, notice, h('div', { class: 'table-scroll' }, table), pager.element);
  await pager.first();

  return subscribe('proposal', (event) => {
    if (event.callId !== callId) return;
    const row = table.querySelector(`tr[data-joint-id="${CSS.escape(String(event.jointId))}"]`);
    if (!row) {
      replace(notice, h('p', { class: 'notice' }, t('matrix.outsideChanges'), ' ',
        h('button', { type: 'button', id: 'matrix-refresh', onclick: () => pager.again() }, t('action.refresh'))));
      return;
    }
    updateRow(row, event, view.agencies);
    refreshUpdated(row, callId, event);
    announce(t('live.proposalChanged', { reference: event.jointReference, state: tOr(`state.${event.jointState}`, event.jointState) }));
  });
}

/** The filters and the order as the address keeps them; the default order (by reference, ascending) is left out. */
function addressQuery(view) {
  const byDefault = view.sort.key === DEFAULT_SORT.key && view.sort.dir === DEFAULT_SORT.dir;
  return { ...view.filters, sort: byDefault ? '' : view.sort.key, dir: byDefault ? '' : view.sort.dir };
}

function renderFilters(form, view, reload) {
  const select = (name, label, values, labelOf) => h('div', { class: 'field' },
    h('label', { for: `filter-${name}` }, t(label)),
    h('select', { id: `filter-${name}`, name },
      h('option', { value: '' }, t('filter.any')),
      values.map((value) => h('option', { value, selected: view.filters[name] === value }, labelOf(value)))));
  replace(form,
    select('jointState', 'matrix.jointState', JOINT_STATES, (s) => tOr(`state.${s}`, s)),
    select('agency', 'matrix.agency', view.agencies, (a) => a),
    select('trackState', 'matrix.trackState', TRACK_STATES, (s) => tOr(`state.${s}`, s)),
    h('div', { class: 'field' },
      h('label', { for: 'filter-q' }, t('matrix.search')),
      h('input', { id: 'filter-q', name: 'q', type: 'search', value: view.filters.q, placeholder: t('matrix.searchHint') })),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', id: 'matrix-apply' }, t('action.apply')),
      h('button', { type: 'reset', class: 'secondary' }, t('action.clear'))));
  form.onsubmit = (event) => {
    event.preventDefault();
    for (const name of Object.keys(view.filters)) view.filters[name] = field(form, name);
    reload();
  };
  form.onreset = () => {
    for (const name of Object.keys(view.filters)) view.filters[name] = '';
    setTimeout(reload);
  };
}

function renderTable(table, view, rows, reload) {
  const sortBy = (key, dir) => { view.sort = { key, dir }; reload(); };
  replace(table,
    h('caption', {}, t('matrix.caption')),
    h('thead', {}, h('tr', {},
      sortableHeader(t('matrix.reference'), 'reference', view.sort, sortBy),
      h('th', { scope: 'col' }, t('matrix.title')),
      sortableHeader(t('matrix.jointState'), 'state', view.sort, sortBy),
      h('th', { scope: 'col' }, t('matrix.decidedBy')),
      view.agencies.map((agency) => h('th', { scope: 'col', dataset: { agency } }, agency)),
      sortableHeader(t('matrix.updated'), 'updated', view.sort, sortBy))),
    h('tbody', {}, rows.length === 0
      ? h('tr', {}, h('td', { colspan: view.agencies.length + 5 }, t('matrix.empty')))
      : rows.map((row) => matrixRow(row, view.agencies))));
}

function matrixRow(row, agencies) {
  return h('tr', { dataset: { jointId: row.jointId, jointReference: row.jointReference } },
    h('th', { scope: 'row' }, h('a', { href: `#/proposals/${encodeURIComponent(row.jointId)}`, class: 'proposal-link' }, row.jointReference)),
    h('td', {}, row.title),
    h('td', { dataset: { column: 'jointState', state: row.jointState } }, stateBadge(row.jointState)),
    h('td', { dataset: { column: 'decidedBy' } }, row.decidedBy ?? ''),
    agencies.map((agency) => trackCell(agency, row.tracks?.[agency])),
    h('td', { dataset: { column: 'updated' } }, timeElement(row.updatedAt)));
}

function trackCell(agency, track) {
  const cell = h('td', { dataset: { agency, state: track?.state ?? '' }, title: track?.localProposalId ?? '' });
  return replace(cell, track ? stateBadge(track.state) : h('span', { class: 'muted' }, t('matrix.notParticipating')));
}

/**
 * The row's "Updated" time after a live change. The proposal event does not carry it, so it is read from the
 * matrix (searched by the reference, the row picked by its joint id) unless a later event does carry it.
 */
async function refreshUpdated(row, callId, event) {
  let updatedAt = event.updatedAt;
  if (!updatedAt) {
    try {
      const data = await api(`/calls/${encodeURIComponent(callId)}/matrix`, { query: { q: event.jointReference, limit: PAGE_SIZE } });
      updatedAt = (data.rows ?? []).find((candidate) => String(candidate.jointId) === String(event.jointId))?.updatedAt;
    } catch (error) {
      console.warn(`"Updated" of ${event.jointReference} not refreshed`, error);
    }
  }
  if (updatedAt) replace(row.querySelector('[data-column="updated"]'), timeElement(updatedAt));
}

function updateRow(row, event, agencies) {
  const joint = row.querySelector('[data-column="jointState"]');
  joint.dataset.state = event.jointState;
  replace(joint, stateBadge(event.jointState));
  replace(row.querySelector('[data-column="decidedBy"]'), event.decidedBy ?? '');
  for (const agency of agencies) {
    const track = event.tracks?.[agency];
    const cell = row.querySelector(`td[data-agency="${CSS.escape(agency)}"]`);
    if (track && cell) {
      cell.dataset.state = track.state;
      replace(cell, stateBadge(track.state));
    }
  }
  row.classList.remove('changed');
  void row.offsetWidth; // restart the highlight animation
  row.classList.add('changed');
}
