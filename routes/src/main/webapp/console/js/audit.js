// The console's audit log (auditors and administrators): who did what to which subject, newest first.

import { api } from './api.js';
import { h, replace, plainText } from './dom.js';
import { t, tOr, timeElement } from './i18n.js';
import { keysetPager } from './pager.js';
import { errorMessage } from './router.js';

const PAGE_SIZE = 100;

export async function renderAudit(container) {
  const table = h('table', { id: 'audit-log' });
  const problem = h('div', { id: 'audit-problem' });
  const pager = keysetPager(async (after) => {
    const data = await api('/audit', { query: { after, limit: PAGE_SIZE } });
    const rows = data.rows ?? [];
    replace(table,
      h('caption', {}, t('auditLog.caption')),
      h('thead', {}, h('tr', {}, ['at', 'actor', 'action', 'subject', 'detail'].map((column) => h('th', { scope: 'col' }, t(`auditLog.${column}`))))),
      h('tbody', {}, rows.length === 0
        ? h('tr', {}, h('td', { colspan: 5 }, t('auditLog.empty')))
        : rows.map((row) => h('tr', {},
          h('td', {}, timeElement(row.at)), h('th', { scope: 'row' }, row.actor ?? ''), h('td', { dataset: { action: row.action } }, tOr(`auditAction.${row.action}`, row.action ?? '')),
          h('td', { class: 'mono' }, row.subject ?? ''),
          h('td', {}, plainText(row.detail))))));
    problem.replaceChildren();
    return data.next;
  }, (error) => {
    table.replaceChildren();
    replace(problem, errorMessage(error));
  });
  replace(container, h('h1', { id: 'view-title', tabindex: '-1' }, t('auditLog.heading')), problem, h('div', { class: 'table-scroll' }, table), pager.element);
  await pager.first();
}
