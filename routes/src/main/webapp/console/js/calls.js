// Calls overview: every joint call with how many of its proposals are in each joint state, kept current
// by the live proposal events (counts change in place; a new call rebuilds the table).

import { api } from './api.js';
import { h, replace } from './dom.js';
import { t, timeElement, formatNumber } from './i18n.js';
import { JOINT_STATES, stateBadge } from './states.js';
import { refreshOn } from './live.js';

export async function renderCalls(container) {
  const calls = await api('/calls');
  const body = h('div', { id: 'calls-body' }, callsTable(calls));
  replace(container, h('h1', { id: 'view-title', tabindex: '-1' }, t('calls.heading')), body);
  // A proposal event does not carry its call's counts: read them again, once per burst.
  return refreshOn(['proposal'], async () => {
    try {
      const fresh = await api('/calls');
      if (!updateCounts(body, fresh)) replace(body, callsTable(fresh));
    } catch (error) {
      console.warn('calls overview not refreshed', error);
    }
  });
}

function callsTable(calls) {
  if (calls.length === 0) return h('p', {}, t('calls.none'));
  const head = h('tr', {},
    h('th', { scope: 'col' }, t('calls.call')),
    h('th', { scope: 'col' }, t('calls.title')),
    h('th', { scope: 'col' }, t('calls.agencies')),
    h('th', { scope: 'col' }, t('calls.decisionDeadline')),
    JOINT_STATES.map((state) => h('th', { scope: 'col', class: 'number' }, stateBadge(state))),
    h('th', { scope: 'col', class: 'number' }, t('calls.total')));
  const rows = calls.map((call) => h('tr', { dataset: { callId: call.callId } },
    h('th', { scope: 'row' }, h('a', { href: `#/calls/${encodeURIComponent(call.callId)}` }, call.callId)),
    h('td', {}, call.title, h('div', { class: 'muted' }, [call.programme, call.field].filter(Boolean).join(' · '))),
    h('td', {}, (call.agencies ?? []).join(', ')),
    h('td', {}, timeElement(call.decisionDeadline)),
    countCells(call).map(([key, count]) => h('td', { class: 'number', dataset: { count: key, value: count } }, formatNumber(count)))));
  return h('table', { id: 'calls-table' }, h('caption', {}, t('calls.caption')), h('thead', {}, head), h('tbody', {}, rows));
}

/** [key, count] for each joint state's column, then the total. */
function countCells(call) {
  return [...JOINT_STATES.map((state) => [state, call.counts?.[state] ?? 0]), ['total', call.total ?? 0]];
}

/**
 * Writes fresh counts into the rows shown, so focus and reading position stay; false when the calls differ
 * from the rows (one added or removed), which needs the table built again.
 */
function updateCounts(body, calls) {
  const rows = [...body.querySelectorAll('#calls-table tbody tr')];
  if (rows.length !== calls.length || calls.some((call, i) => rows[i].dataset.callId !== call.callId)) return false;
  calls.forEach((call, i) => {
    let changed = false;
    for (const [key, count] of countCells(call)) {
      const cell = rows[i].querySelector(`td[data-count="${key}"]`);
      if (cell.dataset.value === String(count)) continue;
      cell.dataset.value = String(count);
      cell.textContent = formatNumber(count);
      changed = true;
    }
    if (changed) highlight(rows[i]);
  });
  return true;
}

function highlight(row) {
  row.classList.remove('changed');
  void row.offsetWidth; // restart the highlight animation
  row.classList.add('changed');
}
