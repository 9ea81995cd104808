// Dead letters (messages delivery gave up on) and discrepancies (an agency reports another state than the
// gateway's): inspect, resend, mark resolved with a comment. Every action is audited by the server.

import { api, hasRole } from './api.js';
import { h, replace } from './dom.js';
import { t, tOr, timeElement } from './i18n.js';
import { stateBadge } from './states.js';
import { announce } from './announce.js';
import { showPayloads } from './payloads.js';
import { errorMessage } from './router.js';
import { actionForm } from './action-form.js';

export async function renderDeadLetters(container) {
  const deadLetters = h('section', { id: 'dead-letters', 'aria-labelledby': 'dead-letters-heading' });
  const discrepancies = h('section', { id: 'discrepancies', 'aria-labelledby': 'discrepancies-heading' });
  const payloadPanel = h('section', { id: 'payloads', class: 'panel', hidden: true, 'aria-label': t('payloads.section') });
  replace(container, h('h1', { id: 'view-title', tabindex: '-1' }, t('dead.heading')), deadLetters, payloadPanel, discrepancies);
  // Each list stands alone: one failing (e.g. discrepancies not available yet) must not hide the other.
  await Promise.all([loadDeadLetters(deadLetters, payloadPanel), loadDiscrepancies(discrepancies)]);
}

async function loadDeadLetters(section, payloadPanel) {
  const heading = h('h2', { id: 'dead-letters-heading' }, t('dead.deadLetters'));
  let rows;
  try {
    rows = await api('/dead-letters');
  } catch (error) {
    replace(section, heading, errorMessage(error));
    return;
  }
  const reload = () => loadDeadLetters(section, payloadPanel);
  const canAct = hasRole('coordinator', 'administrator');
  replace(section, heading, rows.length === 0 ? h('p', {}, t('dead.none')) : h('table', { id: 'dead-letter-table' },
    h('thead', {}, h('tr', {}, ['outboxId', 'recipient', 'kind', 'reference', 'attempts', 'lastError', 'createdAt', 'state', 'actions']
      .map((column) => h('th', { scope: 'col' }, t(`dead.column.${column}`))))),
    h('tbody', {}, rows.map((row) => {
      const state = row.resolved ? 'RESOLVED' : 'DEAD';
      const stateCell = h('td', { dataset: { column: 'state' } }, stateBadge(state, 'delivery'));
      const tr = h('tr', { dataset: { outboxId: row.outboxId, state, recipient: row.recipient } },
        h('th', { scope: 'row', class: 'mono' }, String(row.outboxId)),
        h('td', {}, row.recipient),
        h('td', {}, tOr(`kind.${row.kind}`, row.kind)),
        h('td', {}, row.jointId ? h('a', { href: `#/proposals/${encodeURIComponent(row.jointId)}` }, row.jointReference) : row.jointReference ?? ''),
        h('td', { class: 'number' }, String(row.attempts ?? 0)),
        h('td', { class: 'error-text' }, row.lastError ?? ''),
        h('td', {}, timeElement(row.createdAt)),
        stateCell,
        h('td', { class: 'row-actions' },
          h('button', { type: 'button', class: 'secondary inspect', 'aria-label': t('dead.inspectFor', { messageId: row.messageId }), onclick: () => showPayloads(payloadPanel, 'OUT', row.outboxId) }, t('action.inspect')),
          canAct && !row.resolved ? h('button', { type: 'button', class: 'resend', id: `resend-${row.outboxId}`, 'aria-label': t('dead.resendFor', { messageId: row.messageId }),
            onclick: (event) => resend(row, tr, stateCell, event.currentTarget) }, t('action.resend')) : null,
          canAct && !row.resolved ? resolveForm(`dead-${row.outboxId}`, `/dead-letters/${encodeURIComponent(row.outboxId)}/resolve`, reload) : null,
          row.resolution ? resolution(row.resolution) : null));
      return tr;
    }))));
}

async function resend(row, tr, stateCell, button) {
  button.disabled = true;
  try {
    await api(`/dead-letters/${encodeURIComponent(row.outboxId)}/resend`, { method: 'POST' });
    tr.dataset.state = 'RESENT';
    replace(stateCell, stateBadge('RESENT', 'delivery'));
    announce(t('dead.resent', { outboxId: row.outboxId }));
  } catch (error) {
    button.disabled = false;
    stateCell.append(errorMessage(error));
  }
}

async function loadDiscrepancies(section) {
  const heading = h('h2', { id: 'discrepancies-heading' }, t('dead.discrepancies'));
  let rows;
  try {
    rows = await api('/discrepancies', { query: { open: true } });
  } catch (error) {
    replace(section, heading, errorMessage(error));
    return;
  }
  const reload = () => loadDiscrepancies(section);
  const canAct = hasRole('coordinator', 'administrator');
  replace(section, heading, rows.length === 0 ? h('p', {}, t('dead.noDiscrepancies')) : h('table', { id: 'discrepancy-table' },
    h('thead', {}, h('tr', {}, ['agency', 'reference', 'localProposalId', 'gatewayState', 'partnerState', 'detectedAt', 'actions']
      .map((column) => h('th', { scope: 'col' }, t(`discrepancy.column.${column}`))))),
    h('tbody', {}, rows.map((row) => h('tr', { dataset: { discrepancyId: row.id, agency: row.agency } },
      h('th', { scope: 'row' }, row.agency),
      h('td', {}, row.jointId ? h('a', { href: `#/proposals/${encodeURIComponent(row.jointId)}` }, row.jointReference) : row.jointReference ?? ''),
      h('td', { class: 'mono' }, row.localProposalId ?? ''),
      h('td', {}, stateBadge(row.gatewayState)),
      h('td', {}, stateBadge(row.partnerState)),
      h('td', {}, timeElement(row.detectedAt)),
      h('td', {}, canAct && !row.resolved
        ? resolveForm(`discrepancy-${row.id}`, `/discrepancies/${encodeURIComponent(row.id)}/resolve`, reload)
        : row.resolution ? resolution(row.resolution) : ''))))));
}

/** "Mark resolved" with a required comment; idPrefix keeps ids unique per row. */
function resolveForm(idPrefix, path, done) {
  return actionForm({ id: `${idPrefix}-resolve`, name: 'comment', label: t('common.comment'), submitLabel: t('action.markResolved'),
    inline: true, path, done });
}

/** Who resolved it and why. */
function resolution(resolved) {
  return h('span', { class: 'resolution' }, resolved.by ?? '', ' · ', resolved.comment ?? '');
}
