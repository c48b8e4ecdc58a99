// Announcements and the archived notice on the live pages. The room display shows current announcements as a band in
// the page's flow, under the footer, so it never covers the item under consideration or a countdown; the follow page
// lists them in its "Now" card until they expire. An archived meeting says so on every page (its records are still
// served). It rides on the page's own connection (window.meetingOpsLive, set by live.js) and reads the snapshot the
// server sends; the server drops expired announcements from snapshots, and this page also hides one whose time is up
// between two pushes (a snapshot is not re-sent when nothing but the clock changed).
import { t } from './i18n.js';
import { venueTimeOf, h, fill } from './meeting.js';

const page = document.body.classList.contains('page-display') ? 'display'
  : document.body.classList.contains('page-follow') ? 'follow'
    : 'chair';

let shown = '';

/** The announcements still showing now by this browser's clock. */
function current(meeting, now = Date.now()) {
  return (meeting.announcements ?? []).filter(a => !a.until || Date.parse(a.until) > now);
}

function container() {
  let element = document.getElementById('notices');
  if (element) return element;
  if (page === 'display') {
    element = h('section', { id: 'notices', class: 'display-notices', 'aria-label': t('common.announcements'), 'aria-live': 'polite', hidden: true });
    document.querySelector('main.display')?.append(element);
  } else if (page === 'follow') {
    element = h('section', { id: 'notices', class: 'notices', 'aria-labelledby': 'notices-heading', 'aria-live': 'polite', hidden: true });
    const now = document.querySelector('.follow-now');
    if (now) now.append(element);
  }
  return element;
}

function archivedNote(meeting) {
  let note = document.getElementById('archived-note');
  if (!meeting.archived) {
    if (note) note.hidden = true;
    return;
  }
  if (!note) {
    note = h('p', { id: 'archived-note', class: 'archived-note', role: 'status' },
      t('common.archived'));
    // On the display it joins the bodies' names in the header (the page is exactly one screen high); elsewhere it
    // stands above the page's content.
    const head = page === 'display' ? document.querySelector('.display-bodies') : null;
    const main = document.querySelector('main');
    if (head) head.append(note);
    else (main?.parentNode ?? document.body).insertBefore(note, main ?? document.body.firstChild);
  }
  note.hidden = false;
  document.body.classList.add('is-archived');
}

function render(meeting) {
  archivedNote(meeting);
  const element = container();
  if (!element) return;
  const notices = current(meeting);
  const key = JSON.stringify(notices.map(a => [a.id, a.text, a.until]));
  if (key === shown) return;
  shown = key;
  element.hidden = notices.length === 0;
  const until = a => a.until ? ` ${t('common.until', { time: venueTimeOf(a.until, meeting.timeZone) })}` : '';
  if (page === 'display') {
    fill(element, notices.map(a => h('p', { class: 'display-notice', dataset: { announcement: a.id } }, a.text)));
  } else {
    fill(element,
      h('h3', { id: 'notices-heading', class: 'eyebrow' }, t('common.announcements')),
      h('ul', { class: 'notice-list' }, notices.map(a => h('li', { class: 'notice', dataset: { announcement: a.id } },
        a.text, h('span', { class: 'muted' }, `${until(a)} — ${a.by === 'chair' ? t('common.byChair') : t('common.bySecretariat')}`)))));
  }
}

setInterval(() => {
  const meeting = window.meetingOpsLive?.meeting;
  if (meeting) render(meeting);
}, 250);
