// The language <select> on every page: switching keeps the choice and re-renders in place.

import { currentLanguage, setLanguage } from './i18n.js';

export function bindLanguageSwitcher(select) {
  select.value = currentLanguage();
  select.addEventListener('change', () => setLanguage(select.value));
}
