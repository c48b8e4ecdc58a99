// The pages in the six official languages. Every word a page shows comes from a catalogue per language
// (/i18n/<lang>.json, flat keys); the language is ?lang=, else the one chosen in the menu (localStorage), else the
// browser's, else English. A key missing in a catalogue falls back to the English one. Arabic is right to left.
// Loaded with top-level await, so a page's script that imports it runs with the catalogue in place.

export const official = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
const storageKey = 'meetingops:lang';

/** Each language's name in itself, for the menu. */
const endonyms = { ar: 'العربية', zh: '中文', en: 'English', fr: 'Français', ru: 'Русский', es: 'Español' };

// Intl locales: Western digits everywhere, as UN documents in Arabic print item numbers, symbols and times.
const locales = { ar: 'ar-u-nu-latn', zh: 'zh-CN', en: 'en-GB', fr: 'fr-FR', ru: 'ru-RU', es: 'es-ES' };

function known(code) {
  const base = (code ?? '').trim().toLowerCase().split('-')[0];
  return official.includes(base) ? base : null;
}

/** The languages asked for in ?lang= ("en,fr" on a room display shows two), known ones only. */
export const requested = (new URLSearchParams(location.search).get('lang') ?? '').split(',').map(known).filter(Boolean);

function choose() {
  if (requested.length > 0) return requested[0];
  let stored = null;
  try { stored = known(localStorage.getItem(storageKey)); } catch { /* storage may be off */ }
  if (stored) return stored;
  for (const code of navigator.languages ?? [navigator.language]) {
    if (known(code)) return known(code);
  }
  return 'en';
}

export const lang = choose();
export const locale = locales[lang];
export const dir = lang === 'ar' ? 'rtl' : 'ltr';

const catalogues = {};
async function load(code) {
  if (!catalogues[code]) {
    const response = await fetch(`/i18n/${code}.json`);
    catalogues[code] = response.ok ? await response.json() : {};
  }
  return catalogues[code];
}
await Promise.all([...new Set(['en', lang, ...requested])].map(load));

/**
 * Text kept left to right inside right-to-left text: item numbers ("1 (a)"), symbols, times ("10:00–13:00"), and
 * English words, each isolated (U+2066 … U+2069) so the Arabic around them cannot reorder them ("(a) 1", "13:00–10:00").
 */
export function ltr(text, code = lang) {
  return code === 'ar' && text !== '' ? `\u2066${text}\u2069` : text;
}

function lookup(code, key, params) {
  let text = catalogues[code]?.[key] ?? catalogues.en[key];
  if (text === undefined) return key;
  if (typeof text === 'object') {
    const rule = new Intl.PluralRules(locales[code]).select(Number(params?.count ?? 0));
    text = text[rule] ?? text.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => {
    const value = params?.[name];
    if (value === undefined || value === null) return whole;
    if (typeof value === 'number') return new Intl.NumberFormat(locales[code]).format(value);
    // A value in Latin script (a number, a symbol, a time, an English title) keeps its own direction in Arabic.
    return /^[\u0000-\u024f\u2000-\u206f]+$/.test(String(value)) ? ltr(String(value), code) : String(value);
  });
}

/** The text for a key in the page's language, with {name} filled from params; plural forms by params.count. */
export function t(key, params) {
  return lookup(lang, key, params);
}

/** The same in a given language (a bilingual room display). */
export function tIn(code, key, params) {
  return lookup(catalogues[code] ? code : 'en', key, params);
}

/** A number written for the language. */
export function number(value) {
  return new Intl.NumberFormat(locale).format(value);
}

/** A list ("A, B and C") written for the language. */
export function list(items, type = 'conjunction') {
  return new Intl.ListFormat(locale, { style: 'long', type }).format(items);
}

/**
 * An item's title (or a body's name, a document's title) in the viewer's language, else the English with
 * fallback: true, so the page can say it is showing the English.
 */
export function inLanguage(english, byLanguage, code = lang) {
  if (code === 'en' || !byLanguage?.[code]) {
    return { text: english ?? '', lang: 'en', fallback: code !== 'en' && Boolean(english) };
  }
  return { text: byLanguage[code], lang: code, fallback: false };
}

/** Fills every element carrying data-i18n (text), data-i18n-title, data-i18n-aria-label or data-i18n-placeholder. */
export function applyTo(root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const [attribute, data] of [['title', 'i18nTitle'], ['aria-label', 'i18nAriaLabel'], ['placeholder', 'i18nPlaceholder']]) {
    for (const element of root.querySelectorAll(`[data-${attribute === 'aria-label' ? 'i18n-aria-label' : `i18n-${attribute}`}]`)) {
      element.setAttribute(attribute, t(element.dataset[data]));
    }
  }
}

/** The language menu: each language in its own name; the choice is remembered and the page reloads in it. */
export function languageMenu() {
  const select = document.createElement('select');
  select.className = 'language-menu';
  select.id = 'language-menu';
  select.setAttribute('aria-label', t('common.language'));
  for (const code of official) {
    const option = document.createElement('option');
    option.value = code;
    option.lang = code;
    option.textContent = endonyms[code];
    option.selected = code === lang;
    select.append(option);
  }
  select.addEventListener('change', () => {
    try { localStorage.setItem(storageKey, select.value); } catch { /* storage may be off: ?lang= still works */ }
    const url = new URL(location.href);
    // ?lang= wins over the stored choice, so it is replaced rather than left to contradict the menu.
    if (url.searchParams.has('lang')) url.searchParams.set('lang', select.value);
    location.assign(url);
  });
  return select;
}

document.documentElement.lang = lang;
document.documentElement.dir = dir;
applyTo(document);
// The menu goes where the page keeps a place for it, else at the end of the top bar.
const place = document.getElementById('language-place') ?? document.querySelector('.topbar-side') ?? document.querySelector('.topbar-inner');
if (place && !document.getElementById('language-menu')) place.append(languageMenu());

// A form's own refusals ("Please fill out this field.") are the browser's, in the browser's language: on a page opened
// in another language (?lang=, the menu) they are said from the catalogue instead. Checked when the field is found
// invalid; cleared as soon as it is edited, so the browser checks it afresh.
function validityWords(field) {
  const v = field.validity;
  if (v.valueMissing) return t('form.required');
  if (v.tooShort) return t('form.tooShort', { count: Number(field.minLength) });
  if (v.rangeUnderflow) return t('form.atLeast', { min: Number(field.min) });
  if (v.rangeOverflow) return t('form.atMost', { max: Number(field.max) });
  if (v.stepMismatch) return t('form.step', { step: Number(field.step) });
  return t('form.invalid');
}
document.addEventListener('invalid', event => {
  const field = event.target;
  if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement) {
    field.setCustomValidity('');
    if (!field.validity.valid) field.setCustomValidity(validityWords(field));
  }
}, true);
// A field filled by a script (a .txt file read into the text box) fires no input event: every submit clears the words
// first (the click comes before the browser's check, Enter included), so only what is still wrong is refused again.
const unsay = field => { if (typeof field?.setCustomValidity === 'function') field.setCustomValidity(''); };
document.addEventListener('input', event => unsay(event.target), true);
document.addEventListener('change', event => unsay(event.target), true);
document.addEventListener('click', event => {
  const form = event.target?.closest?.('button, input[type=submit]')?.form;
  if (form) [...form.elements].forEach(unsay);
}, true);
