// The console page after login: session, navigation, language, live connection, views.

import { loadSession, logOut, currentSession, hasRole } from './api.js';
import { initI18n, onLanguageChange, t } from './i18n.js';
import { bindLanguageSwitcher } from './language-switcher.js';
import { startLive } from './live.js';
import { route, startRouter, show } from './router.js';
import { renderCalls } from './calls.js';
import { renderMatrix } from './matrix.js';
import { renderProposal } from './proposal.js';
import { renderExchangeLog } from './exchange-log.js';
import { renderDeadLetters } from './dead-letters.js';
import { renderAlerts } from './alerts.js';
import { renderAudit } from './audit.js';

async function start() {
  await initI18n();
  const session = await loadSession();
  const user = document.getElementById('current-user');
  const showUser = () => {
    user.textContent = t('header.user', { username: session.username, roles: session.roles.map((r) => t(`role.${r}`)).join(', ') });
  };
  showUser();
  document.body.dataset.roles = session.roles.join(' ');
  // Links to views the user's roles cannot open are not shown (the API refuses them anyway).
  document.querySelectorAll('[data-requires-roles]').forEach((element) => { element.hidden = !hasRole(...element.dataset.requiresRoles.split(' ')); });
  bindLanguageSwitcher(document.getElementById('language'));
  bindSkipLink(document.querySelector('.skip-link'), document.getElementById('main'));
  document.getElementById('logout').addEventListener('click', async () => {
    await logOut();
    location.assign('login.html');
  });

  route('/calls', renderCalls, 'calls');
  route('/calls/:callId', renderMatrix, 'calls');
  route('/proposals/:jointId', renderProposal, 'calls');
  route('/exchange', renderExchangeLog, 'exchange');
  route('/dead-letters', renderDeadLetters, 'dead-letters');
  route('/alerts', renderAlerts, 'alerts');
  route('/audit', renderAudit, 'audit');
  onLanguageChange(() => { showUser(); show(); });
  startLive(document.getElementById('live-status'));
  startRouter(document.getElementById('main'), '#/calls');
  document.body.dataset.ready = 'true';
}

/**
 * The skip link moves focus to <main> itself: following its href would set the hash to #main, which the
 * hash router would take for a view and answer "This page does not exist".
 */
function bindSkipLink(link, main) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  });
}

start().catch((error) => {
  if (currentSession() === null && error?.status === 401) return; // already on the way to the login page
  const main = document.getElementById('main');
  main.textContent = `${error?.message ?? error}`;
  main.setAttribute('role', 'alert');
});
