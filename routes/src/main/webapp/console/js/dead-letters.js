// Dead letters (messages delivery gave up on) and discrepancies (an agency reports another state than the
// gateway's): inspect, resend, mark resolved with a comment. Every action is audited by the server.
// Both lists are read again after live events and every POLL_MS, since no event says a message went dead.

import { api, hasRole } from './api.js';
import { h, replace } from './dom.js';
import { t, tOr, timeElement } from './i18n.js';
import { stateBadge } from './states.js';
import { announce } from './announce.js';
import { showPayloads } from './payloads.js';
import { errorMessage } from './router.js';
import { actionForm } from './action-form.js';
import { refreshOn } from './live.js';
import { confirmStep, confirming } from './confirm.js';

/** The event stream carries proposals and alerts only; a message going dead (again) is seen by reading the list. */
const POLL_MS = 15000;
/** What each section shows now, so a refresh that finds nothing new leaves the page alone. */
const shown = new WeakMap();

export async function renderDeadLetters(container) {
  const deadLetters = h('section', { id: 'dead-letters', 'aria-labelledby': 'dead-letters-heading' });
  const discrepancies = h('section', { id: 'discrepancies', 'aria-labelledby': 'discrepancies-heading' });
  const payloadPanel = h('section', { id: 'payloads', class: 'panel', hidden: true, 'aria-label': t('payloads.section') });
  replace(container, h('h1', { id: 'view-title', tabindex: '-1' }, t('dead.heading')), deadLetters, payloadPanel, discrepancies);
  // Messages resent from this page, by outbox id: the list leaves them out while they are retried, so they
  // are kept here to show what became of them (still waiting, delivered, or dead again).
  const resent = new Map();
  // Each list stands alone: one failing (e.g. discrepancies not available yet) must not hide the other.
  const load = () => Promise.all([loadDeadLetters(deadLetters, payloadPanel, resent), loadDiscrepancies(discrepancies)]);
  await load();
  const stopEvents = refreshOn(['proposal', 'alert'], load);
  const poll = setInterval(load, POLL_MS);
  return () => {
    stopEvents();
    clearInterval(poll);
  };
}

async function loadDeadLetters(section, payloadPanel, resent) {
  const heading = h('h2', { id: 'dead-letters-heading' }, t('dead.deadLetters'));
  let rows;
  try {
    rows = await api('/dead-letters');
  } catch (error) {
    shown.delete(section);
    replace(section, heading, errorMessage(error));
    return;
  }
  for (const row of rows) {
    if (!row.resolved && resent.delete(row.outboxId)) announce(t('dead.deadAgain', { outboxId: row.outboxId }));
  }
  const retried = await retriedStates(resent);
  // A question waiting for an answer stays; the next refresh shows what changed.
  if (confirming(section)) return;
  if (unchanged(section, [rows, retried.map(({ row, state }) => [row.outboxId, state])])) return;
  const reload = () => loadDeadLetters(section, payloadPanel, resent);
  const canAct = hasRole('coordinator', 'administrator');
  const deadLetterRow = (row, state) => {
    const stateCell = h('td', { dataset: { column: 'state' } }, stateBadge(state, 'delivery'));
    const actionable = canAct && state === 'DEAD';
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
        h('button', { type: 'button', class: 'secondary inspect', id: `inspect-${row.outboxId}`, 'aria-label': t('dead.inspectFor', { messageId: row.messageId }),
          onclick: () => showPayloads(payloadPanel, 'OUT', row.outboxId) }, t('action.inspect')),
        actionable ? h('button', { type: 'button', class: 'resend', id: `resend-${row.outboxId}`, 'aria-label': t('dead.resendFor', { messageId: row.messageId }),
          onclick: (event) => resend(row, tr, stateCell, event.currentTarget, resent) }, t('action.resend')) : null,
        actionable ? resolveForm(`dead-${row.outboxId}`, `/dead-letters/${encodeURIComponent(row.outboxId)}/resolve`, reload) : null,
        row.resolution ? resolution(row.resolution) : null));
    return tr;
  };
  const all = [...rows.map((row) => deadLetterRow(row, row.resolved ? 'RESOLVED' : 'DEAD')),
    ...retried.map(({ row, state }) => deadLetterRow(row, state))];
  keepingFocusAndInput(section, () => replace(section, heading, all.length === 0 ? h('p', {}, t('dead.none')) : h('table', { id: 'dead-letter-table' },
    h('thead', {}, h('tr', {}, ['outboxId', 'recipient', 'kind', 'reference', 'attempts', 'lastError', 'createdAt', 'state', 'actions']
      .map((column) => h('th', { scope: 'col' }, t(`dead.column.${column}`))))),
    h('tbody', {}, all))));
}

/**
 * Where each message resent from this page is now: RESENT while it waits for delivery, else its outbox state
 * (DELIVERED, AWAITING_PULL, ACKNOWLEDGED). One that is dead again is back in the list, not here.
 */
async function retriedStates(resent) {
  return Promise.all([...resent.values()].map(async (row) => {
    try {
      const message = await api(`/messages/out/${encodeURIComponent(row.outboxId)}`);
      return { row, state: !message.state || message.state === 'PENDING' || message.state === 'DEAD' ? 'RESENT' : message.state };
    } catch (error) {
      return { row, state: 'RESENT' };
    }
  }));
}

/** Resends after an explicit confirmation: the message goes to the partner at once and cannot be called back. */
async function resend(row, tr, stateCell, button, resent) {
  if (!(await confirmStep(button, { id: `confirm-resend-${row.outboxId}`,
    question: t('dead.confirmResend', { messageId: row.messageId, recipient: row.recipient }) }))) return;
  button.disabled = true;
  try {
    await api(`/dead-letters/${encodeURIComponent(row.outboxId)}/resend`, { method: 'POST' });
    resent.set(row.outboxId, row);
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
    shown.delete(section);
    replace(section, heading, errorMessage(error));
    return;
  }
  if (unchanged(section, rows)) return;
  const reload = () => loadDiscrepancies(section);
  const canAct = hasRole('coordinator', 'administrator');
  keepingFocusAndInput(section, () => replace(section, heading, rows.length === 0 ? h('p', {}, t('dead.noDiscrepancies')) : h('table', { id: 'discrepancy-table' },
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
        : row.resolution ? resolution(row.resolution) : '')))))));
}

/** True when section already shows data; otherwise remembers data as what it is about to show. */
function unchanged(section, data) {
  const signature = JSON.stringify(data);
  if (shown.get(section) === signature) return true;
  shown.set(section, signature);
  return false;
}

/**
 * Renders section again without pulling the rug from under its user: the control that had focus and any text
 * typed into a comment field (all carry ids) are found again by id afterwards.
 */
function keepingFocusAndInput(section, render) {
  const focused = section.contains(document.activeElement) ? document.activeElement.id : '';
  const typed = [...section.querySelectorAll('input[id], textarea[id]')].filter((input) => input.value).map((input) => [input.id, input.value]);
  render();
  for (const [id, value] of typed) {
    const input = section.querySelector(`#${CSS.escape(id)}`);
    if (input) input.value = value;
  }
  if (focused) section.querySelector(`#${CSS.escape(focused)}`)?.focus();
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
