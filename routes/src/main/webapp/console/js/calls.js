// Calls overview: every joint call with how many of its proposals are in each joint state.

import { api } from './api.js';
import { h, replace } from './dom.js';
import { t, timeElement, formatNumber } from './i18n.js';
import { JOINT_STATES, stateBadge } from './states.js';

export async function renderCalls(container) {
  const calls = await api('/calls');
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
    JOINT_STATES.map((state) => h('td', { class: 'number', dataset: { count: state } }, formatNumber(call.counts?.[state] ?? 0))),
    h('td', { class: 'number', dataset: { count: 'total' } }, formatNumber(call.total ?? 0))));
  replace(container,
    h('h1', { id: 'view-title', tabindex: '-1' }, t('calls.heading')),
    calls.length === 0
      ? h('p', {}, t('calls.none'))
      : h('table', { id: 'calls-table' }, h('caption', {}, t('calls.caption')), h('thead', {}, head), h('tbody', {}, rows)));
}
