// A message's native payload beside its canonical form, with the signature headers and verdict, so a
// coordinator can see what the agency sent and what the gateway understood — and, outbound, exactly
// what the gateway sent and what the partner's signed receipt answered.

import { api, apiUrl } from './api.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { errorMessage } from './router.js';
import { stateBadge } from './states.js';

/** Outbox states of a pull agency's messages: its inbox writes them anew from the canonical form at every read. */
const PULLED = ['AWAITING_PULL', 'ACKNOWLEDGED'];

/** Fills panel with the message; direction 'IN' reads /messages/in/{id}, 'OUT' /messages/out/{id}. */
export async function showPayloads(panel, direction, id) {
  panel.hidden = false;
  replace(panel, h('p', { 'aria-busy': 'true' }, t('status.loading')));
  try {
    const path = `/messages/${direction === 'IN' ? 'in' : 'out'}/${encodeURIComponent(id)}`;
    const message = await api(path);
    // Inbound there is always a signed request and receipt; outbound once the message was pushed or acknowledged.
    const signed = direction === 'IN' || message.target || message.headers;
    replace(panel,
      h('h3', { id: 'payloads-title', tabindex: '-1' }, t('payloads.heading', { messageId: message.messageId ?? id })),
      signed ? h('p', {}, h('a', { id: 'payload-evidence', class: 'button secondary', href: apiUrl(`${path}/evidence`), download: true },
        t('payloads.evidence')), ' ', h('span', { class: 'muted' }, t('payloads.evidenceHint'))) : null,
      direction === 'IN' ? processing(message) : lastError(message),
      message.target ? h('p', { id: 'payload-target' }, t('payloads.sentTo', { target: message.target }),
        ' ', t(message.nativeAsSent ? 'payloads.asSent' : 'payloads.differs')) : null,
      message.target || message.nativeAsSent ? null : h('p', { id: 'payload-not-sent', class: 'muted' },
        t(PULLED.includes(message.state) ? 'payloads.pulled' : 'payloads.notSent')),
      h('div', { class: 'side-by-side' },
        payload('payload-native', t('payloads.native'), message.native),
        payload('payload-canonical', t('payloads.canonical'), message.canonical)),
      message.headers ? headerList('payload-headers', t(PULLED.includes(message.state) ? 'payloads.acknowledgement' : 'payloads.headers'),
        message.headers) : null,
      message.receipt ? headerList('payload-receipt', t('payloads.receipt', { status: message.receipt.status }), message.receipt.headers) : null,
      message.verdict ? h('details', {}, h('summary', {}, t('payloads.verdict')),
        h('pre', { class: 'payload' }, JSON.stringify(message.verdict, null, 2))) : null);
    panel.querySelector('#payloads-title').focus();
  } catch (error) {
    replace(panel, errorMessage(error));
  }
}

/**
 * How far an inbound message got (received, applied, held, refused) and why: a held or refused message
 * is otherwise indistinguishable from an applied one, and the reason is what a coordinator acts on.
 */
function processing(message) {
  return h('dl', { id: 'payload-processing', class: 'summary' },
    h('dt', {}, t('payloads.state')),
    h('dd', { id: 'payload-state', dataset: { state: message.state } }, stateBadge(message.state, 'delivery')),
    message.detail ? [h('dt', {}, t('payloads.detail')), h('dd', { id: 'payload-detail' }, message.detail)] : null);
}

/** An outbound message's last delivery error, when it has one: why it is waiting or dead. */
function lastError(message) {
  if (!message.detail) return null;
  return h('dl', { id: 'payload-processing', class: 'summary' },
    h('dt', {}, t('payloads.lastError')), h('dd', { id: 'payload-detail', class: 'error-text' }, message.detail));
}

/** Header lines as stored: [name, value] pairs in the order they went over the wire, repeats kept. */
function headerList(id, label, lines) {
  return h('details', { id }, h('summary', {}, label),
    h('dl', { class: 'headers' }, (lines ?? []).map(([name, value]) => [h('dt', {}, name), h('dd', {}, value)])));
}

function payload(id, label, part) {
  return h('figure', { id, class: 'payload-box' },
    h('figcaption', {}, label, part?.mediaType ? h('span', { class: 'muted' }, ` (${part.mediaType})`) : null),
    h('pre', { class: 'payload', tabindex: '0' }, pretty(part)));
}

/** Indents JSON for reading; XML and anything else is shown exactly as stored. */
function pretty(part) {
  if (!part?.body) return '—';
  if (/json/.test(part.mediaType ?? '')) {
    try {
      return JSON.stringify(JSON.parse(part.body), null, 2);
    } catch (notJson) {
      return part.body;
    }
  }
  return part.body;
}
