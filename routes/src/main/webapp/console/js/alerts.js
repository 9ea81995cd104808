// Alerts: deadlines approaching, tracks lapsed, partners down, keys expiring, unmatched parts,
// discrepancies. New alerts appear live at the top.

import { api } from './api.js';
import { h, replace, plainText } from './dom.js';
import { t, tOr, timeElement } from './i18n.js';
import { stateBadge } from './states.js';
import { subscribe } from './live.js';
import { announce } from './announce.js';

export async function renderAlerts(container, { query }) {
  const openOnly = query.get('all') !== 'true';
  const alerts = await api('/alerts', { query: { open: openOnly } });
  const body = h('tbody', {}, alerts.map(alertRow));
  const none = h('p', { id: 'alerts-none' }, t('alerts.none'));
  // Rows come and go live; "No alert." follows whether any is left, so an empty table never stands alone.
  const showNoneWhenEmpty = () => { none.hidden = body.rows.length > 0; };
  showNoneWhenEmpty();
  replace(container,
    h('h1', { id: 'view-title', tabindex: '-1' }, t('alerts.heading')),
    h('p', {}, h('a', { id: 'alerts-toggle', href: openOnly ? '#/alerts?all=true' : '#/alerts' }, t(openOnly ? 'alerts.showAll' : 'alerts.showOpen'))),
    h('table', { id: 'alert-table' },
      h('caption', {}, t(openOnly ? 'alerts.captionOpen' : 'alerts.captionAll')),
      h('thead', {}, h('tr', {}, ['severity', 'kind', 'subject', 'detail', 'raisedAt', 'resolvedAt']
        .map((column) => h('th', { scope: 'col' }, t(`alerts.column.${column}`))))),
      body),
    none);

  return subscribe('alert', (alert) => {
    body.querySelector(`tr[data-alert-id="${CSS.escape(String(alert.id))}"]`)?.remove();
    const leavesThisList = openOnly && alert.resolvedAt;
    if (!leavesThisList) body.prepend(alertRow(alert));
    showNoneWhenEmpty();
    if (leavesThisList) return;
    announce(t('alerts.new', { kind: tOr(`alert.${alert.kind}`, alert.kind), subject: alert.subject ?? '' }));
  });
}

function alertRow(alert) {
  return h('tr', { dataset: { alertId: alert.id, kind: alert.kind, severity: alert.severity } },
    h('td', {}, stateBadge(alert.severity)),
    h('th', { scope: 'row' }, tOr(`alert.${alert.kind}`, alert.kind)),
    h('td', {}, alert.subject ?? ''),
    h('td', {}, plainText(alert.detail)),
    h('td', {}, timeElement(alert.raisedAt)),
    h('td', {}, alert.resolvedAt ? timeElement(alert.resolvedAt) : '—'));
}
