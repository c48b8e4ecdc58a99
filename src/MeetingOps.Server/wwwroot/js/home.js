// The list of meetings (GET /api/meetings) with links to the chair console, the room displays and the follow page.
import { h, fill, venueDate } from './meeting.js';

const list = document.getElementById('meetings');

async function load() {
  try {
    const response = await fetch('/api/meetings');
    if (!response.ok) {
      throw new Error(`${response.status}`);
    }
    const meetings = await response.json();
    if (meetings.length === 0) {
      fill(list, h('li', { class: 'muted' }, 'No meetings yet. Import an agenda below, or create one with POST /api/meetings (see the README).'));
      return;
    }
    fill(list, meetings.map(m => {
      const id = encodeURIComponent(m.id);
      return h('li', { class: 'card meeting', dataset: { meeting: m.id } },
        h('p', { class: 'eyebrow' }, `${m.venue} · ${venueDate(`${m.startDate}T00:00`, false)} – ${venueDate(`${m.endDate}T00:00`)}`),
        h('h2', { class: 'meeting-title' }, m.title),
        h('p', { class: 'muted' }, m.bodies.join(' · ')),
        h('nav', { class: 'meeting-links', 'aria-label': `Views of ${m.title}` },
          h('a', { class: 'button button-primary', href: `/chair/${id}` }, 'Chair console'),
          h('a', { class: 'button', href: `/display/${id}` }, 'Room display'),
          h('a', { class: 'button', href: `/follow/${id}` }, 'Follow'),
          h('a', { class: 'button', href: `/secretariat/${id}` }, 'Secretariat')));
    }));
  } catch (error) {
    fill(list, h('li', { class: 'error' }, `The list of meetings could not be loaded (${error.message}).`));
  }
}

// Import: the agenda text goes to POST /api/meetings/import (dry run for the preview); the key stays in this tab only.
const form = document.getElementById('import-form');
const result = document.getElementById('import-result');
const keyInput = document.getElementById('import-key');
const textInput = document.getElementById('import-text');
keyInput.value = sessionStorage.getItem('meetingops:organizer-key') ?? '';

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
    textInput.value = `${file.name} (${(file.size / 1024).toFixed(0)} KB) will be sent as it is; the server reads its text. Choose another file, or clear this box to paste text instead.`;
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

function warningList(warnings, created = false) {
  return warnings.length === 0
    ? h('p', { class: 'muted' }, 'The importer was sure of everything.')
    : h('div', {},
      // Said in words first, so a list of lines reads as things to check, not as an error.
      h('p', { class: 'warnings-heading' }, `What the importer was unsure of (${warnings.length})${created ? '' : '; check each before creating the meeting'}:`),
      h('ul', { class: 'warnings' }, warnings.map(w => h('li', {}, w.line > 0 ? `Line ${w.line}: ${w.message}` : w.message))));
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  const create = event.submitter?.value === 'create';
  sessionStorage.setItem('meetingops:organizer-key', keyInput.value.trim());
  // The server refuses files over 8 MiB (AgendaFiles.MaxFileBytes) and text over 2 MiB (AgendaImporter.MaxInputBytes);
  // say so before sending megabytes for nothing.
  if (agendaFile && agendaFile.size > 8 * 1024 * 1024) {
    fill(result, h('p', { class: 'error' }, `The file is ${(agendaFile.size / 1048576).toFixed(1)} MiB; the importer takes files of at most 8 MiB.`));
    return;
  }
  const bytes = agendaFile ? 0 : new TextEncoder().encode(textInput.value).length;
  if (bytes > 2 * 1024 * 1024) {
    fill(result, h('p', { class: 'error' }, `The document is ${(bytes / 1048576).toFixed(1)} MiB; the importer takes at most 2 MiB of text.`));
    return;
  }
  fill(result, h('p', { class: 'muted' }, create ? 'Creating…' : 'Importing…'));
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
      fill(result, h('div', { class: 'error' }, h('p', {}, body.detail ?? `The import was refused (${response.status}).`),
        errors.length ? h('ul', {}, errors.map(e => h('li', {}, e.line !== undefined ? `Line ${e.line}: ${e.message}` : `${e.path}: ${e.message}`))) : null));
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
        h('p', { class: 'lead' }, `Created “${body.meeting.title}”.`),
        h('p', {}, 'Chair key (shown this once; give it to the chair): ', h('code', {}, body.chairKey)),
        // As in the list above: links that wrap on a phone keep a gap between their rows.
        h('nav', { class: 'meeting-links', 'aria-label': `Views of ${body.meeting.title}` },
          h('a', { class: 'button button-primary', href: `/chair/${id}` }, 'Chair console'),
          h('a', { class: 'button', href: `/display/${id}` }, 'Room display'), h('a', { class: 'button', href: `/follow/${id}` }, 'Follow')),
        warningList(body.warnings, true)));
      load();
    } else {
      const d = body.definition;
      const items = (d.items ?? []).length;
      fill(result, h('div', {},
        h('p', { class: 'lead' }, d.title),
        h('p', { class: 'muted' }, `${d.venue} (${d.timeZone}), ${d.startDate} to ${d.endDate} · ${d.bodies.map(b => b.name).join(' · ')} · ${items} top-level items · ${d.sessions.length} sessions`),
        warningList(body.warnings)));
    }
  } catch (error) {
    fill(result, h('p', { class: 'error' }, `The import could not be sent (${error.message}).`));
  }
});

load();
