// Column headers that sort a table: a real button inside the header cell, aria-sort on the cell.

import { h } from './dom.js';
import { t } from './i18n.js';

/** A header cell for column key; sort = {key, dir}; onSort(key, dir) is called with the new order. */
export function sortableHeader(label, key, sort, onSort) {
  const active = sort.key === key;
  const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
  const next = active && sort.dir === 'asc' ? 'desc' : 'asc';
  return h('th', { scope: 'col', 'aria-sort': ariaSort },
    h('button', { type: 'button', class: 'sort', dataset: { sort: key }, title: t(`sort.${next}`), onclick: () => onSort(key, next) },
      label, h('span', { class: 'sort-icon', 'aria-hidden': 'true' }, active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕')));
}
