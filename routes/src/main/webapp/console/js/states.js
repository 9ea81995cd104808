// How a joint or track state looks: a tone (colour) plus an icon and a word, so the state never
// depends on colour alone.

import { h } from './dom.js';
import { tOr } from './i18n.js';

export const JOINT_STATES = ['PENDING', 'APPROVED', 'REJECTED', 'AWARDED'];
export const TRACK_STATES = ['EXPECTED', 'SUBMITTED', 'ELIGIBLE', 'INELIGIBLE', 'UNDER_REVIEW', 'RECOMMENDED',
  'NOT_RECOMMENDED', 'RESERVE', 'AWAITING_DECISION', 'APPROVED', 'APPROVED_PARTIAL', 'DECLINED', 'DEFERRED',
  'AWARDED', 'WITHDRAWN', 'RETURNED_WITHOUT_REVIEW', 'LAPSED'];

const NEGATIVE = new Set(['REJECTED', 'INELIGIBLE', 'NOT_RECOMMENDED', 'DECLINED', 'WITHDRAWN', 'RETURNED_WITHOUT_REVIEW',
  'LAPSED', 'DEAD', 'REFUSED', 'ERROR', 'CRITICAL', 'OPEN']);
const POSITIVE = new Set(['APPROVED', 'APPROVED_PARTIAL', 'AWARDED', 'RECOMMENDED', 'ELIGIBLE', 'DELIVERED',
  'ACKNOWLEDGED', 'APPLIED', 'VERIFIED', 'CLOSED', 'RESOLVED']);
const NEUTRAL = new Set(['EXPECTED', 'INFO', 'NONE']);
const ICONS = { negative: '✕', positive: '✓', waiting: '◷', neutral: '•' };

export function toneOf(state) {
  if (NEGATIVE.has(state)) return 'negative';
  if (POSITIVE.has(state)) return 'positive';
  if (NEUTRAL.has(state)) return 'neutral';
  return 'waiting';
}

/**
 * A badge for state: icon (hidden from screen readers) + translated word; data-state carries the raw value.
 * namespace picks the dictionary: 'state' for proposal/track/severity, 'delivery' for a message's status
 * (PENDING means "awaiting delivery" there, not "under review"), 'verdict' for a signature verdict
 * (NONE: no signed answer, which is no failure).
 */
export function stateBadge(state, namespace = 'state') {
  if (!state) return h('span', { class: 'badge tone-neutral' }, '—');
  const tone = toneOf(state);
  return h('span', { class: `badge tone-${tone}`, dataset: { state } },
    h('span', { class: 'badge-icon', 'aria-hidden': 'true' }, ICONS[tone]),
    tOr(`${namespace}.${state}`, state));
}
