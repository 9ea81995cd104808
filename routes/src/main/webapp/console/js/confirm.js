// A second, explicit step before an action that cannot be taken back (a resend goes to the partner at once, a
// reopen tells every agency): an inline question with Confirm and Cancel rather than a native dialog, so it is
// announced, styled and reached by keyboard like the rest of the page.

import { h } from './dom.js';
import { t } from './i18n.js';

/**
 * Shows "question [Confirm] [Cancel]" in place of trigger (hidden meanwhile) with focus on Cancel, so that a
 * second Enter does not confirm by accident; Escape cancels. Resolves true on Confirm, false on Cancel, with
 * focus back on trigger. The buttons are {id}-yes and {id}-no.
 */
export function confirmStep(trigger, { id, question }) {
  return new Promise((resolve) => {
    const step = h('span', { class: 'confirm', id, role: 'group', 'aria-labelledby': `${id}-question` },
      h('span', { id: `${id}-question` }, question),
      h('button', { type: 'button', id: `${id}-yes`, class: 'danger', onclick: () => finish(true) }, t('action.confirm')),
      h('button', { type: 'button', id: `${id}-no`, class: 'secondary', onclick: () => finish(false) }, t('action.cancel')));
    const finish = (confirmed) => {
      step.remove();
      trigger.hidden = false;
      trigger.focus();
      resolve(confirmed);
    };
    step.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') finish(false);
    });
    trigger.hidden = true;
    trigger.after(step);
    step.querySelector(`#${id}-no`).focus();
  });
}

/** Whether a confirmation is waiting for an answer under root (a refresh must not take it away). */
export function confirming(root) {
  return root.querySelector('.confirm') !== null;
}
