// Previous/next over keyset pages: the server gives an opaque cursor for the next page; the cursors of
// the pages seen are kept so "previous" can go back.

import { h, replace } from './dom.js';
import { t } from './i18n.js';

/**
 * A pager state for a list; load(after) fetches the page after that cursor (null: the first) and returns its
 * next cursor. A failed load (a filter the API refuses, a lost connection) goes to failed(error), which should
 * show the problem in place of the rows: the old rows under a new filter would look like its result.
 */
export function keysetPager(load, failed) {
  const state = { cursors: [null], page: 0, next: null };
  const nav = h('nav', { class: 'pager', 'aria-label': t('pager.label') });
  const go = async (page) => {
    state.page = page;
    try {
      state.next = await load(state.cursors[page]);
    } catch (error) {
      // Nothing is listed, so there is nothing to page through until the next load succeeds.
      replace(nav);
      failed(error);
      return;
    }
    replace(nav,
      h('button', { type: 'button', id: 'page-previous', class: 'secondary', disabled: state.page === 0,
        onclick: () => go(state.page - 1) }, t('pager.previous')),
      h('span', {}, t('pager.page', { page: state.page + 1 })),
      h('button', { type: 'button', id: 'page-next', class: 'secondary', disabled: !state.next,
        onclick: () => { state.cursors[state.page + 1] = state.next; go(state.page + 1); } }, t('pager.next')));
  };
  return {
    element: nav,
    /** Back to the first page (after the filters or the order changed). */
    first: () => { state.cursors = [null]; return go(0); },
    /** The same page again. */
    again: () => go(state.page),
    page: () => state.page + 1,
  };
}
