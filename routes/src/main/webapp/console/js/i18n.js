// English and Japanese for the whole console: dictionaries in ../i18n/<lang>.json, the choice kept in
// localStorage, dates and amounts through Intl so each language sees its own conventions.

const STORAGE_KEY = 'jointcall.console.language';
export const LANGUAGES = ['en', 'ja'];
const LOCALES = { en: 'en-GB', ja: 'ja-JP' };

let language = 'en';
let dictionary = {};
const listeners = new Set();

function preferredLanguage() {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.includes(stored)) return stored;
  return (navigator.language || '').toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

async function load(lang) {
  const response = await fetch(new URL(`../i18n/${lang}.json`, import.meta.url), { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`dictionary ${lang} not loaded: HTTP ${response.status}`);
  dictionary = await response.json();
  language = lang;
  document.documentElement.lang = lang;
}

/** Loads the language the user chose last time (or the browser's), and translates the static page. */
export async function initI18n() {
  await load(preferredLanguage());
  translate(document);
}

/** Switches language, remembers it, translates the static page and tells the views to render again. */
export async function setLanguage(lang) {
  if (!LANGUAGES.includes(lang)) throw new Error(`unsupported language ${lang}`);
  await load(lang);
  localStorage.setItem(STORAGE_KEY, lang);
  translate(document);
  listeners.forEach((listener) => listener(lang));
}

export function currentLanguage() {
  return language;
}

export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The text for key with {placeholders} filled; the key itself when missing, so a gap shows rather than hides. */
export function t(key, parameters = {}) {
  const text = dictionary[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in parameters ? String(parameters[name]) : whole));
}

/**
 * The text for a count: key.one, key.other (… as Intl.PluralRules names the count's category in this language),
 * with {count} formatted; key.other when the language has no word for the category.
 */
export function tCount(key, count, parameters = {}) {
  const category = new Intl.PluralRules(LOCALES[language]).select(count);
  const chosen = `${key}.${category}` in dictionary ? `${key}.${category}` : `${key}.other`;
  return t(chosen, { ...parameters, count: formatNumber(count) });
}

/** A translation when the dictionary has one, otherwise the raw value (agency codes, unforeseen states). */
export function tOr(key, fallback) {
  return key in dictionary ? dictionary[key] : fallback;
}

/** Fills data-i18n (text), data-i18n-placeholder, data-i18n-aria-label and data-i18n-title under root. */
export function translate(root) {
  root.querySelectorAll('[data-i18n]').forEach((element) => { element.textContent = t(element.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((element) => { element.placeholder = t(element.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-aria-label]').forEach((element) => { element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel)); });
  root.querySelectorAll('[data-i18n-title]').forEach((element) => { element.title = t(element.dataset.i18nTitle); });
  const title = document.querySelector('title[data-i18n]');
  if (title) document.title = title.textContent;
}

/** Date and time in the user's language and time zone, with the zone named. */
export function formatDateTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** A <time> element: machine-readable instant, human text in the current language. */
export function timeElement(iso) {
  const element = document.createElement('time');
  if (iso) {
    element.dateTime = iso;
    element.textContent = formatDateTime(iso);
  }
  return element;
}

export function formatNumber(value) {
  return new Intl.NumberFormat(LOCALES[language]).format(value);
}

/**
 * Money {amount: "1234.00", currency: "JPY"} in the current language but always in its own currency
 * (each agency funds in its own; nothing is converted). The amount stays a string so no digit is lost.
 */
export function formatMoney(money) {
  if (!money || money.amount === undefined) return '';
  try {
    return new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: money.currency }).format(money.amount);
  } catch (unknownCurrency) {
    return `${money.amount} ${money.currency}`;
  }
}
