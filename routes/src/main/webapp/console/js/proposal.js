// One joint proposal: outcome and which agency decided it, every agency's track, the timeline of every
// message in and out with signature verdicts and delivery attempts, payloads, ASPIRE rule check,
// annotations, audit, (coordinators) extending an agency's decision deadline and recording the research-security
// step, and (administrators) reopening a rejected proposal.

import { api, hasRole } from './api.js';
import { h, replace, plainText, field } from './dom.js';
import { t, tOr, timeElement } from './i18n.js';
import { stateBadge } from './states.js';
import { subscribe } from './live.js';
import { announce } from './announce.js';
import { showPayloads } from './payloads.js';
import { show } from './router.js';
import { actionForm, submitTo } from './action-form.js';

export async function renderProposal(container, { jointId }) {
  const proposal = await api(`/proposals/${encodeURIComponent(jointId)}`);
  const payloadPanel = h('section', { id: 'payloads', class: 'panel', hidden: true, 'aria-label': t('payloads.section') });
  const notice = h('div', { id: 'proposal-notice' });
  replace(container,
    h('p', {}, h('a', { href: `#/calls/${encodeURIComponent(proposal.callId)}` }, t('proposal.backToCall', { callId: proposal.callId }))),
    h('h1', { id: 'view-title', tabindex: '-1', dataset: { jointId: proposal.jointId } }, proposal.jointReference),
    notice,
    outcome(proposal),
    section('tracks', t('proposal.tracks'), tracksTable(proposal.tracks ?? [])),
    section('timeline-section', t('proposal.timeline'), timeline(proposal.timeline ?? [], payloadPanel), payloadPanel),
    section('rule-check', t('proposal.ruleCheck'), ruleCheck(proposal.ruleCheck ?? [])),
    section('annotations', t('proposal.annotations'), annotations(proposal)),
    hasRole('coordinator', 'administrator') && waiting(proposal.tracks ?? []).length > 0
      ? section('deadline', t('proposal.extendDeadline'), deadlineForm(proposal)) : null,
    hasRole('coordinator', 'administrator') ? section('research-security', t('proposal.recordResearchSecurity'), researchSecurityForm(proposal)) : null,
    hasRole('administrator') && proposal.jointState === 'REJECTED' ? section('reopen', t('proposal.reopen'), reopenForm(proposal)) : null,
    section('audit', t('proposal.audit'), auditTable(proposal.audit ?? [])));

  return subscribe('proposal', (event) => {
    if (String(event.jointId) !== String(proposal.jointId)) return;
    const state = container.querySelector('#joint-state');
    state.dataset.state = event.jointState;
    replace(state, stateBadge(event.jointState));
    replace(container.querySelector('#decided-by'), event.decidedBy ?? '—');
    replace(notice, h('p', { class: 'notice' }, t('proposal.changed'), ' ',
      h('button', { type: 'button', id: 'proposal-refresh', onclick: () => show() }, t('action.refresh'))));
    announce(t('live.proposalChanged', { reference: event.jointReference, state: tOr(`state.${event.jointState}`, event.jointState) }));
  });
}

function section(id, title, ...content) {
  return h('section', { id, 'aria-labelledby': `${id}-heading` }, h('h2', { id: `${id}-heading` }, title), content);
}

function outcome(p) {
  const yesNo = (value) => (value === null || value === undefined ? '—' : t(value ? 'common.yes' : 'common.no'));
  return h('dl', { class: 'summary', id: 'outcome' },
    h('dt', {}, t('proposal.title')), h('dd', {}, p.title ?? ''),
    h('dt', {}, t('proposal.jointState')), h('dd', { id: 'joint-state', dataset: { state: p.jointState } }, stateBadge(p.jointState)),
    h('dt', {}, t('proposal.decidedBy')), h('dd', { id: 'decided-by' }, p.decidedBy ?? '—'),
    h('dt', {}, t('proposal.reason')), h('dd', { id: 'reason' }, p.reason ?? '—'),
    h('dt', {}, t('proposal.rescopingRequired')), h('dd', {}, yesNo(p.rescopingRequired)),
    h('dt', {}, t('proposal.researchSecurity')), h('dd', { id: 'research-security-state', dataset: { state: p.researchSecurity } },
      p.researchSecurity ? tOr(`security.${p.researchSecurity}`, p.researchSecurity) : '—'));
}

function tracksTable(tracks) {
  return h('table', { id: 'tracks-table' },
    h('thead', {}, h('tr', {}, ['agency', 'role', 'required', 'state', 'localProposalId', 'reason', 'deadline', 'updated']
      .map((column) => h('th', { scope: 'col' }, t(`track.${column}`))))),
    h('tbody', {}, tracks.map((track) => h('tr', { dataset: { agency: track.agency, state: track.state } },
      h('th', { scope: 'row' }, track.agency),
      h('td', {}, tOr(`role.${track.role}`, track.role ?? '')),
      h('td', {}, t(track.required ? 'common.yes' : 'common.no')),
      h('td', {}, stateBadge(track.state)),
      h('td', {}, track.localProposalId ?? ''),
      h('td', {}, track.reason ?? ''),
      h('td', { dataset: { column: 'deadline', extended: track.deadlineExtended } }, track.decisionDeadline ? timeElement(track.decisionDeadline) : '—',
        track.deadlineExtended ? [' ', h('span', { class: 'muted' }, t('track.extended'))] : null),
      h('td', {}, timeElement(track.updatedAt))))));
}

function timeline(entries, payloadPanel) {
  if (entries.length === 0) return h('p', {}, t('proposal.noMessages'));
  return h('table', { id: 'timeline' },
    h('thead', {}, h('tr', {}, ['at', 'direction', 'agency', 'kind', 'messageId', 'status', 'signature', 'attempts', 'payloads']
      .map((column) => h('th', { scope: 'col' }, t(`timeline.${column}`))))),
    h('tbody', {}, entries.map((entry) => {
      const id = entry.direction === 'IN' ? entry.ledgerId : entry.outboxId;
      return h('tr', { dataset: { direction: entry.direction, agency: entry.agency, kind: entry.kind, status: entry.status,
        ledgerId: entry.ledgerId, outboxId: entry.outboxId, messageId: entry.messageId } },
        h('td', {}, timeElement(entry.at)),
        h('td', {}, h('span', { 'aria-hidden': 'true' }, entry.direction === 'IN' ? '↘ ' : '↗ '), t(`direction.${entry.direction}`)),
        h('td', {}, entry.agency),
        h('td', {}, tOr(`kind.${entry.kind}`, entry.kind)),
        h('td', { class: 'mono' }, entry.messageId),
        h('td', { dataset: { column: 'status' } }, stateBadge(entry.status, 'delivery')),
        h('td', { dataset: { column: 'signature' } }, entry.signatureVerdict ? stateBadge(entry.signatureVerdict, 'verdict') : '—'),
        h('td', {}, attempts(entry.attempts ?? [])),
        h('td', {}, id === null || id === undefined ? '' : h('button', { type: 'button', class: 'secondary show-payloads', 'aria-label': t('timeline.showFor', { messageId: entry.messageId }),
          onclick: () => showPayloads(payloadPanel, entry.direction, id) }, t('timeline.show'))));
    })));
}

function attempts(list) {
  if (list.length === 0) return '—';
  return h('details', { class: 'attempts' },
    h('summary', {}, t('timeline.attemptCount', { count: list.length })),
    h('ol', {}, list.map((a) => h('li', { dataset: { outcome: a.outcome } },
      timeElement(a.at), ' ', tOr(`attempt.${a.outcome}`, a.outcome ?? ''), a.httpStatus ? ` HTTP ${a.httpStatus}` : '',
      a.durationMs !== undefined && a.durationMs !== null ? ` ${a.durationMs} ms` : '', a.error ? ` — ${a.error}` : ''))));
}

function ruleCheck(findings) {
  if (findings.length === 0) return h('p', { id: 'rule-check-clean' }, t('proposal.ruleCheckClean'));
  return h('ul', { class: 'findings' }, findings.map((finding) => h('li', { dataset: { severity: finding.severity } },
    stateBadge(finding.severity), ' ', h('strong', {}, finding.rule), ': ', finding.message)));
}

function annotations(proposal) {
  const list = h('ul', { id: 'annotation-list', class: 'annotations' }, (proposal.annotations ?? []).map((note) =>
    h('li', {}, h('p', {}, note.text), h('p', { class: 'muted' }, note.author, ' · ', timeElement(note.at)))));
  if (!hasRole('coordinator', 'administrator')) return list;
  return [list, actionForm({ id: 'annotation-form', name: 'text', label: t('proposal.annotationLabel'), submitLabel: t('proposal.annotate'),
    multiline: true, path: `/proposals/${encodeURIComponent(proposal.jointId)}/annotations`,
    done: () => { announce(t('proposal.annotated')); show(); } })];
}

// The tracks still waiting for their decision: only theirs has a deadline that matters (the API refuses the others).
const WAITING = new Set(['EXPECTED', 'SUBMITTED', 'ELIGIBLE', 'UNDER_REVIEW', 'RECOMMENDED', 'RESERVE', 'AWAITING_DECISION', 'DEFERRED']);

function waiting(tracks) {
  return tracks.filter((track) => WAITING.has(track.state));
}

// One agency's new decision deadline (the browser's local time, sent with its offset) and why.
function deadlineForm(proposal) {
  const status = h('span', { role: 'status' });
  const form = h('form', { id: 'deadline-form', class: 'stacked' },
    h('p', {}, t('proposal.extendExplained')),
    h('label', { for: 'deadline-form-agency' }, t('track.agency')),
    h('select', { id: 'deadline-form-agency', name: 'agency', required: true },
      waiting(proposal.tracks ?? []).map((track) => h('option', { value: track.agency }, track.agency))),
    h('label', { for: 'deadline-form-deadline' }, t('proposal.newDeadline')),
    h('input', { id: 'deadline-form-deadline', name: 'deadline', type: 'datetime-local', required: true }),
    h('label', { for: 'deadline-form-comment' }, t('common.comment')),
    h('input', { id: 'deadline-form-comment', name: 'comment', type: 'text', required: true, maxlength: 2000 }),
    h('button', { type: 'submit', id: 'deadline-form-submit' }, t('proposal.extendDeadline')),
    status);
  submitTo(form, status, () => api(`/proposals/${encodeURIComponent(proposal.jointId)}/tracks/${encodeURIComponent(field(form, 'agency'))}/deadline`, {
    method: 'POST', body: { deadline: new Date(field(form, 'deadline')).toISOString(), comment: field(form, 'comment') } }),
  () => { announce(t('proposal.deadlineExtended', { agency: field(form, 'agency') })); show(); });
  return form;
}

const SECURITY = ['NOT_REQUIRED', 'AWAITING_INFORMATION', 'UNDER_ASSESSMENT', 'CLEARED', 'MITIGATION_REQUIRED', 'NOT_CLEARED'];

// Where the proposal stands in JST's research-security step, and why; never sent to a partner agency.
function researchSecurityForm(proposal) {
  const status = h('span', { role: 'status' });
  const form = h('form', { id: 'security-form', class: 'stacked' },
    h('p', {}, t('proposal.researchSecurityExplained')),
    h('label', { for: 'security-form-status' }, t('proposal.researchSecurity')),
    h('select', { id: 'security-form-status', name: 'status', required: true },
      SECURITY.map((value) => h('option', { value, selected: value === proposal.researchSecurity }, t(`security.${value}`)))),
    h('label', { for: 'security-form-comment' }, t('common.comment')),
    h('input', { id: 'security-form-comment', name: 'comment', type: 'text', required: true, maxlength: 2000 }),
    h('button', { type: 'submit', id: 'security-form-submit' }, t('proposal.recordResearchSecurity')),
    status);
  submitTo(form, status, () => api(`/proposals/${encodeURIComponent(proposal.jointId)}/research-security`, {
    method: 'PUT', body: { status: field(form, 'status'), comment: field(form, 'comment') } }),
  () => { announce(t('proposal.researchSecurityRecorded')); show(); });
  return form;
}

function reopenForm(proposal) {
  return actionForm({ id: 'reopen-form', name: 'comment', label: t('common.comment'), submitLabel: t('proposal.reopen'),
    intro: t('proposal.reopenExplained'), multiline: true, danger: true,
    confirm: t('proposal.confirmReopen', { reference: proposal.jointReference }),
    path: `/proposals/${encodeURIComponent(proposal.jointId)}/reopen`,
    done: () => { announce(t('proposal.reopened')); show(); } });
}

function auditTable(entries) {
  if (entries.length === 0) return h('p', {}, t('proposal.noAudit'));
  return h('table', { id: 'audit-table' },
    h('thead', {}, h('tr', {}, ['at', 'actor', 'action', 'agency', 'detail'].map((c) => h('th', { scope: 'col' }, t(`audit.${c}`))))),
    h('tbody', {}, entries.map((entry) => h('tr', {},
      h('td', {}, timeElement(entry.at)), h('td', {}, entry.actor ?? ''), h('td', {}, tOr(`auditAction.${entry.action}`, entry.action ?? '')),
      h('td', {}, entry.agency ?? ''), h('td', {}, plainText(entry.detail))))));
}
