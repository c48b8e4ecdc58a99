// On the chair console: the bodies' officers as the definition names them (the Chair's name is offered as the presiding
// officer when none is entered yet), and the chair's own announcements (the chair key may announce and withdraw).
// It rides on the console's connection (window.meetingOpsLive, set by live.js) and keeps to its own two cards.
import { t } from './i18n.js';
import { meetingIdFromPath, venueTimeOf, h, fill } from './meeting.js';
import { serverText } from './server-text.js';
import { request, meetingApi } from './api.js';

// Every word of these two cards, from the page's catalogue (i18n.js).
const S = {
  officersHeading: t('officers.heading'),
  chair: t('officers.chair'),
  viceChairs: t('officers.viceChairs'),
  rapporteur: t('officers.rapporteur'),
  none: t('officers.none'),
  announceHeading: t('announce.heading'),
  announceLabel: t('announce.label'),
  minutesLabel: t('announce.minutesLabel'),
  minutes: { '': t('announce.untilWithdrawn'), 30: t('announce.minutes30'), 60: t('announce.hour1'), 120: t('announce.hours2'), 240: t('announce.hours4') },
  announce: t('announce.announce'),
  announced: t('announce.announced'),
  withdraw: t('announce.withdraw'),
  withdrawn: t('announce.withdrawn'),
  noKey: t('announce.noKey'),
  until: time => ` ${t('common.until', { time })}`,
  failed: why => t('announce.failed', { why }),
};

const meetingId = meetingIdFromPath();
const chairKey = () => sessionStorage.getItem(`meetingops:chair-key:${meetingId}`);
const side = document.querySelector('.chair-side');

const officersCard = h('section', { id: 'officers-card', class: 'card', 'aria-labelledby': 'officers-heading' },
  h('h2', { id: 'officers-heading' }, S.officersHeading), h('div', { id: 'officers' }));
const message = h('p', { id: 'chair-announce-message', class: 'message', role: 'status', 'aria-live': 'polite', hidden: true });
const text = h('input', { id: 'chair-announce-text', type: 'text', maxlength: 280, required: true });
const minutes = h('select', { id: 'chair-announce-minutes' }, Object.entries(S.minutes).map(([v, words]) => h('option', { value: v }, words)));
const list = h('ul', { id: 'chair-announcements', class: 'notice-list' });
const form = h('form', { id: 'chair-announce-form' },
  h('div', { class: 'field' }, h('label', { for: 'chair-announce-text' }, S.announceLabel), text),
  h('div', { class: 'field' }, h('label', { for: 'chair-announce-minutes' }, S.minutesLabel), minutes),
  h('div', { class: 'actions' }, h('button', { class: 'button button-primary', type: 'submit', id: 'chair-announce' }, S.announce)));
const announceCard = h('section', { id: 'chair-announce-card', class: 'card', 'aria-labelledby': 'chair-announce-heading' },
  h('h2', { id: 'chair-announce-heading' }, S.announceHeading), form, list, message);
side?.prepend(officersCard);
officersCard.after(announceCard);

function say(words, kind, wordsLang = '') {
  message.hidden = !words;
  message.className = `message message-${kind}`;
  message.textContent = words ?? '';
  // The server's English, when the catalogue lacks its phrase, is marked so a screen reader reads it as English.
  if (wordsLang) message.lang = wordsLang; else message.removeAttribute('lang');
}

async function send(method, path, body) {
  const key = chairKey();
  if (!key) { say(S.noKey, 'error'); return null; }
  const answer = await request(method, meetingApi(meetingId, path), { key, json: body ?? undefined, idempotent: true });
  if (!answer.ok) {
    const said = serverText(answer.body?.text, answer.body?.detail ?? `${answer.status}`, window.meetingOpsLive?.meeting);
    say(S.failed(said.text), 'error', said.lang);
    return null;
  }
  return answer.body;
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  const chosen = minutes.value;
  const until = chosen ? new Date(Date.now() + Number(chosen) * 60000).toISOString() : null;
  if (await send('POST', '/announcements', { text: text.value.trim(), until })) {
    text.value = '';
    say(S.announced, 'success');
  }
});

let shownOfficers = '';
let shownNotices = '';
let offered = false;

function render(meeting) {
  const officers = meeting.bodies.map(b => [b, b.officers ?? {}]);
  const officersKey = JSON.stringify(officers.map(([b, o]) => [b.name, o]));
  if (officersKey !== shownOfficers) {
    shownOfficers = officersKey;
    const named = officers.filter(([, o]) => o.chair || o.rapporteur || (o.viceChairs ?? []).length);
    fill(document.getElementById('officers'), named.length === 0 ? h('p', { class: 'muted' }, S.none)
      : named.map(([b, o]) => h('div', { class: 'officers-body', dataset: { body: b.id } },
        meeting.bodies.length > 1 ? h('h3', { class: 'eyebrow' }, b.name) : null,
        h('dl', { class: 'legend officers' },
          o.chair ? [h('dt', {}, S.chair), h('dd', { class: 'officer-chair' }, o.chair)] : null,
          (o.viceChairs ?? []).length ? [h('dt', {}, S.viceChairs), h('dd', {}, o.viceChairs.join('; '))] : null,
          o.rapporteur ? [h('dt', {}, S.rapporteur), h('dd', {}, o.rapporteur)] : null))));
  }
  // The Chair named in the definition is who presides unless someone else is entered: offered once, never forced.
  const chair = officers.find(([, o]) => o.chair)?.[1].chair;
  if (chair && !offered) {
    offered = true;
    for (const id of ['name-input', 'name-change']) {
      const input = document.getElementById(id);
      if (input && !input.value) input.value = chair;
    }
  }
  const now = Date.now();
  const notices = (meeting.announcements ?? []).filter(a => !a.until || Date.parse(a.until) > now);
  const noticesKey = JSON.stringify(notices.map(a => [a.id, a.text, a.until]));
  if (noticesKey !== shownNotices) {
    shownNotices = noticesKey;
    fill(list, notices.map(a => h('li', { class: 'notice', dataset: { announcement: a.id } }, a.text,
      h('span', { class: 'muted' }, a.until ? S.until(venueTimeOf(a.until, meeting.timeZone)) : '', ' '),
      h('button', {
        type: 'button', class: 'button button-small button-quiet', onclick: async () => {
          if (await send('DELETE', `/announcements/${encodeURIComponent(a.id)}`)) say(S.withdrawn, 'success');
        },
      }, S.withdraw))));
  }
}

setInterval(() => {
  const meeting = window.meetingOpsLive?.meeting;
  if (meeting) render(meeting);
}, 250);
