// A small form that POSTs one text field ({comment} or {text}) to an action of the API — annotate, reopen,
// mark resolved — shows a failure next to itself and calls done() on success; submitTo() does the same for any form.

import { api } from './api.js';
import { h, replace, field } from './dom.js';
import { errorMessage } from './router.js';
import { confirmStep, confirming } from './confirm.js';

/**
 * options: id (form id; the field is id-field, the button id-submit), name (the JSON property), label,
 * submitLabel, path (POST target), done, multiline (textarea), inline (row layout), danger, intro (text above),
 * confirm (a question asked before posting, for actions that cannot be taken back; its buttons are id-confirm-yes/-no).
 */
export function actionForm({ id, name, label, submitLabel, path, done, multiline = false, inline = false, danger = false, intro, confirm }) {
  const status = h('span', { role: 'status' });
  const input = multiline
    ? h('textarea', { id: `${id}-field`, name, rows: 3, required: true, maxlength: 4000 })
    : h('input', { id: `${id}-field`, name, type: 'text', required: true, maxlength: 2000 });
  const form = h('form', { id, class: inline ? 'inline' : 'stacked' },
    intro ? h('p', {}, intro) : null,
    h('label', { for: `${id}-field` }, label),
    input,
    h('button', { type: 'submit', id: `${id}-submit`, class: danger ? 'danger' : inline ? 'secondary' : null }, submitLabel),
    status);
  submitTo(form, status, () => api(path, { method: 'POST', body: { [name]: field(form, name) } }), done,
    confirm ? async () => !confirming(form) && confirmStep(form.querySelector(`#${id}-submit`), { id: `${id}-confirm`, question: confirm }) : null);
  return form;
}

/**
 * Makes submitting {@code form} call send() (a promise of the API's answer), then done(); a refusal is shown in
 * {@code status} instead. {@code confirm}, if given, is asked first and must resolve to true.
 */
export function submitTo(form, status, send, done, confirm = null) {
  form.onsubmit = async (event) => {
    event.preventDefault();
    if (confirm && !(await confirm())) return;
    try {
      await send();
      done();
    } catch (error) {
      replace(status, errorMessage(error));
    }
  };
}
