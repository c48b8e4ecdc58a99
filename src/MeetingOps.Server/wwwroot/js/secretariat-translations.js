// The secretariat's card for another language version of the agenda (POST /translations?lang=): the officer picks the
// language, pastes the text as published (or opens its .txt file) and sends it; the item titles matched by body and
// number are added as one amendment, pushed to every page. What did not match comes back as warnings, each said in
// the officer's language, so no title is ever put on the wrong item silently.
import { t, official, lang } from './i18n.js';
import { h, fill } from './meeting.js';
import { serverTextElement, around, languageName } from './server-text.js';

const $ = id => document.getElementById(id);

/**
 * Sets the card up. page: { call, api, say, refusal, changed } from the secretariat page: its request with the
 * organizer key, its API path, its message line, its way of saying a refusal, and what to do once the definition
 * has a new version (reload the form unless the officer has unsaved edits).
 */
export function translationsCard(page) {
  for (const [id, key] of Object.entries({
    'translate-heading': 'translateHeading', 'translate-hint': 'translateHint', 'translate-lang-label': 'translateLanguage',
    'translate-file-label': 'translateFile', 'translate-text-label': 'translateText', translate: 'translateSend',
  })) $(id).textContent = t(`secretariat.${key}`);
  fill($('translate-lang'), official.filter(code => code !== 'en').map(code => h('option', { value: code, lang: code }, languageName(code))));
  if (lang !== 'en') $('translate-lang').value = lang; // an officer working in French most likely has the French text

  $('translate-file').addEventListener('change', async () => {
    const file = $('translate-file').files?.[0];
    if (file) $('translate-text').value = await file.text();
  });

  $('translate-form').addEventListener('submit', async event => {
    event.preventDefault();
    const code = $('translate-lang').value;
    const language = languageName(code);
    showWarnings([]);
    $('translate').disabled = true;
    page.say('translate-message', t('secretariat.translateSending', { language }), 'info');
    try {
      const answer = await page.call('POST', page.api(`/translations?lang=${encodeURIComponent(code)}`),
        { body: $('translate-text').value, type: 'text/plain; charset=utf-8' });
      showWarnings(answer.body?.warnings ?? []);
      if (!answer.ok) {
        page.say('translate-message', page.refusal(answer), 'error');
        return;
      }
      const { added, matched, version } = answer.body;
      page.say('translate-message', added > 0
        ? t('secretariat.translateAdded', { language, count: added, matched, version })
        : t('secretariat.translateNothingNew', { language, count: matched }), added > 0 ? 'success' : 'info');
      if (added > 0) await page.changed(version);
    } finally {
      $('translate').disabled = false;
    }
  });
}

// Each item left in English, on its line of the text, in the officer's language from its phrase.
function showWarnings(warnings) {
  const box = $('translate-warnings');
  box.hidden = warnings.length === 0;
  const said = w => {
    const words = serverTextElement(w.text, w.message);
    return w.line > 0 ? around('secretariat.warningLine', { line: w.line }, words) : words;
  };
  fill(box, warnings.length ? [h('p', { class: 'warnings-heading' }, t('secretariat.translateWarnings', { count: warnings.length })),
    h('ul', { class: 'warnings' }, warnings.map(w => h('li', { class: 'warning' }, said(w))))] : []);
}
