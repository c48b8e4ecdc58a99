// Interpretation under a cap, on the console, the room display and the follow page. The warnings 15 and 5 minutes
// before the end of interpretation show as a band in the page's flow (never over the item, the countdown or the next
// item); at the cap, a notice that stays until the next sitting starts ("Interpretation ended at 12:00; item 3 will
// continue on Tuesday morning"); on the console, the key that extends interpretation once the interpreters agree.
// Every word is built here from what the server sends as data (the warning's minutes and end, the snapshot's
// `capEnded`, each sitting's `interpretationEnd`) through the page's catalogue, so each viewer reads it in their own
// language. It rides on the page's own connection (window.meetingOpsLive, set by live.js).
import { t, locale } from './i18n.js';
import { serverText } from './server-text.js';
import { request, meetingApi, newIdempotencyKey } from './api.js';
import { meetingIdFromPath, itemById, sessionById, itemLabel, venueTimeOf, h, fill } from './meeting.js';

const page = document.body.classList.contains('page-display') ? 'display'
  : document.body.classList.contains('page-follow') ? 'follow'
    : 'chair';
const meetingId = meetingIdFromPath();

/** What one press of the console's key adds: the few minutes interpreters usually agree to. */
const extensionMinutes = 10;

let warning = null; // the last cap warning pushed: { sessionId, minutesLeft, capAt }
let hooked = null; // the connection whose warnings this page hears
let shown = '';
let asking = null; // the sitting whose extension waits for the chair's confirmation
let sending = false;
// An extension sent whose answer never came (the network dropped): pressed again for the same end, it goes with the
// same Idempotency-Key, so the server applies it once, not twice. A new end (the push came after all) starts afresh.
let unanswered = null;

const sitting = session => session && (session.status === 'inProgress' || session.status === 'suspended');

/** "Tuesday morning" in the viewer's language: the venue's day and part of day of a sitting. */
function sittingWords(session, timeZone) {
  const day = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone }).format(new Date(session.startUtc));
  const hour = Number(String(session.start).slice(11, 13));
  return t(hour < 13 ? 'display.capMorning' : hour < 18 ? 'display.capAfternoon' : 'display.capEvening', { day });
}

function itemWords(meeting, item) {
  return meeting.bodies.length === 1 ? t('item.number', { number: Object.values(item.numbers)[0] ?? '' }) : itemLabel(meeting, item);
}

/** The notice to show now, or null: the cap's end (until the next sitting starts), else the latest warning while it holds. */
function notice(meeting) {
  const zone = meeting.timeZone;
  const ended = meeting.capEnded;
  if (ended) {
    const time = venueTimeOf(ended.at, zone);
    const item = ended.itemId ? itemById(meeting, ended.itemId) : null;
    const next = ended.nextSessionId ? sessionById(meeting, ended.nextSessionId) : null;
    const text = !item ? t('display.capEnded', { time })
      : next ? t('display.capEndedContinues', { time, item: itemWords(meeting, item), sitting: sittingWords(next, zone) })
        : t('display.capEndedNotPlaced', { time, item: itemWords(meeting, item) });
    return { kind: 'ended', text };
  }
  const session = warning ? sessionById(meeting, warning.sessionId) : null;
  // A warning holds while its sitting sits, before the end it named, and until an extension moves that end.
  if (!sitting(session) || !session.interpretationEnd || Date.parse(session.interpretationEnd) !== Date.parse(warning.capAt)
    || Date.now() >= Date.parse(warning.capAt)) {
    return null;
  }
  return { kind: 'warning', text: t('display.capWarning', { count: warning.minutesLeft, time: venueTimeOf(warning.capAt, zone) }) };
}

function band() {
  let element = document.getElementById('cap-notice');
  if (element) return element;
  if (page === 'display') {
    // In the display's flow, under its footer, as the announcements are: the item, countdown and next item stay in view.
    element = h('section', { id: 'cap-notice', class: 'display-notices cap-band', role: 'status', 'aria-live': 'polite', hidden: true });
    document.querySelector('main.display')?.append(element);
  } else if (page === 'follow') {
    element = h('p', { id: 'cap-notice', class: 'cap-band', role: 'status', 'aria-live': 'polite', hidden: true });
    document.getElementById('now-heading')?.after(element);
  } else {
    element = h('p', { id: 'cap-notice', class: 'cap-band', role: 'status', 'aria-live': 'polite', hidden: true });
    document.getElementById('sitting')?.after(element);
  }
  return element;
}

function hear() {
  const connection = window.meetingOpsLive?.connection;
  if (!connection || connection === hooked) return;
  hooked = connection;
  connection.on('announced', pushed => {
    if (pushed.meetingId === meetingId) {
      warning = { sessionId: pushed.sessionId, minutesLeft: pushed.minutesLeft, capAt: pushed.capAt };
      render();
    }
  });
}

/** The console's message line (chair.js's #message) says what the band says, so it never keeps an old warning. */
function sayOnConsole(text, kind) {
  const message = document.getElementById('message');
  if (!message) return;
  message.textContent = text;
  message.className = `message message-${kind}`;
  message.removeAttribute('lang');
}

// --- the console's extension ------------------------------------------------------------------------------------

function extendable(meeting) {
  const operated = sessionStorage.getItem(`meetingops:operated-sitting:${meetingId}`);
  const capped = meeting.sessions.filter(s => s.capMinutes && s.interpretationEnd && sitting(s));
  return capped.find(s => s.id === operated) ?? capped.find(s => s.id === meeting.currentSessionId) ?? capped[0] ?? null;
}

function extensionBox() {
  let box = document.getElementById('cap-extend');
  if (!box) {
    box = h('div', { id: 'cap-extend', class: 'cap-extend', hidden: true });
    band().after(box);
  }
  return box;
}

async function extend(meeting, session) {
  const key = sessionStorage.getItem(`meetingops:chair-key:${meetingId}`);
  sending = true;
  asking = null;
  const resend = unanswered?.sessionId === session.id && unanswered.end === session.interpretationEnd;
  const idempotencyKey = resend ? unanswered.key : newIdempotencyKey();
  unanswered = { sessionId: session.id, end: session.interpretationEnd, key: idempotencyKey };
  renderExtension(meeting);
  try {
    const answer = await request('POST', meetingApi(meetingId, `/sessions/${encodeURIComponent(session.id)}/extend`),
      { key, json: { minutes: extensionMinutes }, idempotencyKey });
    // After a 5xx or no answer at all the extension may have been applied: a resend replays it rather than adding twice.
    if (answer.status > 0 && answer.status < 500) unanswered = null;
    if (answer.ok) {
      const now = answer.body?.sessions?.find(s => s.id === session.id);
      sayOnConsole(t('chair.extended', { time: venueTimeOf(now?.interpretationEnd ?? session.interpretationEnd, meeting.timeZone) }), 'success');
    } else {
      sayOnConsole(t('chair.extendFailed', { why: serverText(answer.body?.text, answer.body?.detail ?? `${answer.status}`, meeting).text }), 'error');
    }
  } finally {
    sending = false;
    renderExtension(window.meetingOpsLive?.meeting ?? meeting);
  }
}

let shownExtension = '';

function renderExtension(meeting) {
  const box = extensionBox();
  const session = extendable(meeting);
  const state = JSON.stringify([session?.id, session?.interpretationEnd, asking, sending]);
  if (state === shownExtension) return;
  shownExtension = state;
  box.hidden = !session;
  if (!session) {
    asking = null;
    fill(box);
    return;
  }
  const until = venueTimeOf(Date.parse(session.interpretationEnd) + extensionMinutes * 60000, meeting.timeZone);
  if (asking === session.id) {
    fill(box,
      h('p', { id: 'extend-question', class: 'hint' }, t('chair.extendQuestion', { minutes: extensionMinutes, time: until })),
      h('div', { class: 'actions' },
        h('button', { id: 'do-extend-confirm', class: 'button button-primary', type: 'button', onclick: () => extend(meeting, session) }, t('chair.extendConfirm')),
        h('button', { id: 'do-extend-cancel', class: 'button button-quiet', type: 'button', onclick: () => { asking = null; renderExtension(meeting); } }, t('chair.cancel'))));
    return;
  }
  fill(box, h('button', {
    id: 'do-extend', class: 'button', type: 'button', disabled: sending,
    onclick: () => { asking = session.id; renderExtension(meeting); },
  }, t('chair.extend', { minutes: extensionMinutes })));
}

// --- every page -------------------------------------------------------------------------------------------------

function render() {
  const meeting = window.meetingOpsLive?.meeting;
  if (!meeting) return;
  hear();
  const now = notice(meeting);
  const key = JSON.stringify(now);
  if (key !== shown) {
    shown = key;
    const element = band();
    element.hidden = !now;
    element.classList.toggle('is-ended', now?.kind === 'ended');
    element.textContent = now?.text ?? '';
    if (page === 'chair' && now) sayOnConsole(now.text, now.kind === 'ended' ? 'error' : 'warning');
  }
  if (page === 'chair') renderExtension(meeting);
}

if (meetingId) {
  setInterval(render, 250);
}
