// The list of meetings (GET /api/meetings) with links to the chair console, the room displays and the follow page.
import { t } from './i18n.js';
import { h, fill, venueDate } from './meeting.js';
import { serverText, serverTextElement, around } from './server-text.js';

const list = document.getElementById('meetings');

/** What the server said, in the viewer's language when it sent a phrase code, else its English marked lang="en" (else the page's own words). */
function said(text, english, otherwise, tag = 'p') {
  if (!text && !english) return h(tag, {}, otherwise);
  const { text: words, lang } = serverText(text, english);
  return h(tag, { lang: lang || null }, words);
}

async function load() {
  try {
    const response = await fetch('/api/meetings');
    if (!response.ok) {
      throw new Error(`${response.status}`);
    }
    const meetings = await response.json();
    if (meetings.length === 0) {
      fill(list, h('li', { class: 'muted' }, t('home.none')));
      return;
    }
    fill(list, meetings.map(m => {
      const id = encodeURIComponent(m.id);
      return h('li', { class: 'card meeting', dataset: { meeting: m.id } },
        h('p', { class: 'eyebrow' }, `${m.venue} · ${venueDate(`${m.startDate}T00:00`, false)} – ${venueDate(`${m.endDate}T00:00`)}`),
        h('h2', { class: 'meeting-title' }, m.title),
        h('p', { class: 'muted' }, m.bodies.join(' · ')),
        h('nav', { class: 'meeting-links', 'aria-label': t('home.viewsOf', { title: m.title }) },
          h('a', { class: 'button button-primary', href: `/chair/${id}` }, t('home.chair')),
          h('a', { class: 'button', href: `/display/${id}` }, t('home.display')),
          h('a', { class: 'button', href: `/follow/${id}` }, t('home.follow')),
          h('a', { class: 'button', href: `/secretariat/${id}` }, t('home.secretariat')),
          // The printed programme of the day had no way in but the secretariat's share card.
          h('a', { class: 'button', href: `/programme/${id}` }, t('secretariat.pageProgramme'))));
    }));
  } catch (error) {
    fill(list, h('li', { class: 'error' }, t('home.listFailed', { reason: error.message })));
  }
}

// Import: the agenda text goes to POST /api/meetings/import (dry run for the preview); the key stays in this tab only.
const form = document.getElementById('import-form');
const result = document.getElementById('import-result');
const keyInput = document.getElementById('import-key');
const textInput = document.getElementById('import-text');
// What was typed before this script ran (it waits for the catalogue) stays: the kept key only fills an empty field.
keyInput.value ||= sessionStorage.getItem('meetingops:organizer-key') ?? '';

// A Word or PDF file is sent as it is, as application/octet-stream: the server tells the format from its first bytes
// (one rule, in AgendaFiles.Detect) and extracts the text. A text file is shown in the box to be checked or edited.
let agendaFile = null;
const isDocument = file => /\.(docx|pdf)$/i.test(file.name) || ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'].includes(file.type);
document.getElementById('import-file').addEventListener('change', async event => {
  const file = event.target.files?.[0];
  agendaFile = null;
  textInput.readOnly = false;
  if (file && isDocument(file)) {
    agendaFile = file;
    textInput.value = t('home.fileChosen', { name: file.name, size: Math.round(file.size / 1024) });
    textInput.readOnly = true;
  } else if (file) {
    textInput.value = await file.text();
  }
});
// Clearing the box (or the file) goes back to pasted text.
textInput.addEventListener('focus', () => {
  if (agendaFile) {
    agendaFile = null;
    textInput.readOnly = false;
    textInput.value = '';
    document.getElementById('import-file').value = '';
  }
});

// What the importer said (a warning, or why it refused), in the viewer's language from its phrase, on its line; its
// English sentence, marked as English, when the catalogue has no words for it.
function saidOnLine(w) {
  const words = serverTextElement(w.text, w.message);
  return w.line > 0 ? around('home.line', { line: w.line }, words) : words;
}

function warningList(warnings, created = false) {
  return warnings.length === 0
    ? h('p', { class: 'muted' }, t('home.sure'))
    : h('div', {},
      // Said in words first, so a list of lines reads as things to check, not as an error.
      h('p', { class: 'warnings-heading' }, t(created ? 'home.unsureCreated' : 'home.unsure', { count: warnings.length })),
      h('ul', { class: 'warnings' }, warnings.map(w => h('li', {}, saidOnLine(w)))));
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  const create = event.submitter?.value === 'create';
  sessionStorage.setItem('meetingops:organizer-key', keyInput.value.trim());
  // The server refuses files over 8 MiB (AgendaFiles.MaxFileBytes) and text over 2 MiB (AgendaImporter.MaxInputBytes);
  // say so before sending megabytes for nothing.
  if (agendaFile && agendaFile.size > 8 * 1024 * 1024) {
    fill(result, h('p', { class: 'error' }, t('home.fileTooLarge', { size: (agendaFile.size / 1048576).toFixed(1) })));
    return;
  }
  const bytes = agendaFile ? 0 : new TextEncoder().encode(textInput.value).length;
  if (bytes > 2 * 1024 * 1024) {
    fill(result, h('p', { class: 'error' }, t('home.textTooLarge', { size: (bytes / 1048576).toFixed(1) })));
    return;
  }
  fill(result, h('p', { class: 'muted' }, create ? t('home.creating') : t('home.importing')));
  try {
    const response = await fetch(`/api/meetings/import${create ? '' : '?dryRun=true'}`, {
      method: 'POST',
      headers: {
        'Content-Type': agendaFile ? 'application/octet-stream' : 'text/plain; charset=utf-8',
        Authorization: `Bearer ${keyInput.value.trim()}`,
      },
      body: agendaFile ?? textInput.value,
    });
    const body = await response.json();
    if (!response.ok) {
      const errors = body.errors ?? [];
      fill(result, h('div', { class: 'error' }, said(body.text, body.detail, t('home.refused', { status: response.status })),
        errors.length ? h('ul', {}, errors.map(e => e.line !== undefined
          ? h('li', {}, saidOnLine(e))
          : h('li', {}, h('code', {}, e.path), ' ', said(e.text, e.message, '', 'span')))) : null));
      return;
    }
    if (create && body.status === 'draft') {
      // What the document leaves open (dates, sittings) is filled in on the secretariat's form, where the draft opens;
      // the chair key is shown there this once.
      sessionStorage.setItem(`meetingops:created-chair-key:${body.id}`, body.chairKey);
      location.assign(`/secretariat/${encodeURIComponent(body.id)}`);
      return;
    }
    if (create) {
      const id = encodeURIComponent(body.id);
      fill(result, h('div', {},
        h('p', { class: 'lead' }, t('home.created', { title: body.meeting.title })),
        h('p', {}, `${t('home.chairKey')} `, h('code', {}, body.chairKey)),
        // As in the list above: links that wrap on a phone keep a gap between their rows.
        h('nav', { class: 'meeting-links', 'aria-label': t('home.viewsOf', { title: body.meeting.title }) },
          h('a', { class: 'button button-primary', href: `/chair/${id}` }, t('home.chair')),
          h('a', { class: 'button', href: `/display/${id}` }, t('home.display')), h('a', { class: 'button', href: `/follow/${id}` }, t('home.follow'))),
        warningList(body.warnings, true)));
      load();
    } else {
      const d = body.definition;
      const items = (d.items ?? []).length;
      fill(result, h('div', {},
        h('p', { class: 'lead' }, d.title),
        h('p', { class: 'muted' }, `${t('home.previewWhere', { venue: d.venue, zone: d.timeZone, start: d.startDate, end: d.endDate })} · ${d.bodies.map(b => b.name).join(' · ')} · ${t('home.previewItems', { count: items })} · ${t('home.previewSessions', { count: d.sessions.length })}`),
        warningList(body.warnings)));
    }
  } catch (error) {
    fill(result, h('p', { class: 'error' }, t('home.sendFailed', { reason: error.message })));
  }
});
// The form is handled from here on: its buttons may be pressed (they are disabled in the page until now).
for (const button of form.querySelectorAll('button[type=submit]')) button.disabled = false;

load();
