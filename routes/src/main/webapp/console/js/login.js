// The login form: POST /session, then back to the page the user wanted (only pages of this console).

import { logIn } from './api.js';
import { initI18n, t } from './i18n.js';
import { bindLanguageSwitcher } from './language-switcher.js';
import { field } from './dom.js';

function destination() {
  const next = new URLSearchParams(location.search).get('next');
  // Only a path inside the console: never an open redirect to another site.
  // A server-side redirect to this page keeps the view's #fragment: go back to that view.
  return next && next.startsWith('/console/') && !next.startsWith('//') ? next : `index.html${location.hash}`;
}

async function start() {
  await initI18n();
  bindLanguageSwitcher(document.getElementById('language'));
  const form = document.getElementById('login-form');
  const error = document.getElementById('login-error');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await logIn(field(form, 'username'), form.elements.namedItem('password').value);
      location.assign(destination());
    } catch (problem) {
      error.textContent = problem.status === 401 ? t('login.failed')
        : problem.status === 429 ? t('login.locked', { seconds: problem.problem?.retryAfter ?? '?' })
          : t('error.request', { detail: problem.message });
      error.hidden = false;
      form.elements.namedItem('password').select();
    } finally {
      button.disabled = false;
    }
  });
  document.body.dataset.ready = 'true';
}

start();
