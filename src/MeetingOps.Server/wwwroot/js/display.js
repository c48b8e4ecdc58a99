// The room display: what is under consideration now, in large type, for one body (?body=wg3) or the meeting's
// current sitting; the venue clock; time left under a cap; the next item. No interaction; it recovers by itself.
import { followMeeting } from './live.js';
import {
  meetingIdFromPath, itemById, itemNumbers, groupedNumbers, currentSession, nextScheduledSession, nextItem, sessionBodies, bodyById,
  itemLabel, formatWords, venueClock, venueTime, venueDate, capLeft, duration, zoneCity, h, fill,
} from './meeting.js';
import { sittingsNow, renderSittings, renderSittingCaps } from './display-sittings.js';

const meetingId = meetingIdFromPath();
const $ = id => document.getElementById(id);
const requestedBody = new URLSearchParams(location.search).get('body');
let live = null;
let announcementTimer = null;

function bodyFilter(meeting) {
  return requestedBody && bodyById(meeting, requestedBody) ? requestedBody : null;
}

function render() {
  const meeting = live?.meeting;
  if (!meeting) {
    return;
  }
  const bodyId = bodyFilter(meeting);
  // Unfiltered, with sittings in parallel (one per body): every one side by side; ?body= shows that body's alone.
  const sittings = bodyId ? [] : sittingsNow(meeting);
  document.body.classList.toggle('is-parallel', sittings.length > 1);
  $('sittings').hidden = sittings.length <= 1;
  if (sittings.length > 1) {
    document.title = `${meeting.bodies.map(b => b.name).join(' · ')} · Room display`;
    fill($('bodies'), h('span', { class: 'display-body' }, `${sittings.length} sittings in progress`));
    $('sitting').textContent = meeting.venue;
    $('clock-zone').textContent = `${zoneCity(meeting.timeZone)} time`;
    renderSittings($('sittings'), meeting, sittings);
    $('cap-box').hidden = true;
    renderClock();
    return;
  }
  const session = currentSession(meeting, bodyId);
  const bodies = bodyId ? [bodyById(meeting, bodyId)] : session ? sessionBodies(meeting, session) : meeting.bodies;
  document.title = `${bodies.map(b => b.name).join(' · ')} · Room display`;
  fill($('bodies'), bodies.map(b => h('span', { class: 'display-body' }, b.name)));
  $('clock-zone').textContent = `${zoneCity(meeting.timeZone)} time`;

  if (!session) {
    const next = nextScheduledSession(meeting, bodyId);
    $('sitting').textContent = 'No sitting in progress';
    $('now-label').textContent = next ? 'Next sitting' : 'The meeting has no sitting left';
    fill($('numbers'));
    $('title').textContent = next ? `${venueDate(next.start)}, ${venueTime(next.start)}` : '';
    const first = next ? itemById(meeting, next.planned[0]?.item) : null;
    fill($('next'), first ? [h('span', { class: 'display-next-number' }, itemLabel(meeting, first)), ' ', first.title] : '—');
    $('cap-box').hidden = true;
    return;
  }

  $('sitting').textContent = session.status === 'suspended'
    ? 'Sitting suspended'
    : `Sitting ${venueTime(session.start)}–${venueTime(session.end)}${session.format === 'inPerson' ? '' : ` · ${formatWords[session.format] ?? session.format}`}`;
  document.body.classList.toggle('is-suspended', session.status === 'suspended');
  const item = itemById(meeting, session.currentItemId);
  $('now-label').textContent = item ? 'Under consideration' : 'Under consideration: no item at the moment';
  if (item) {
    // A display for one body shows that body's number; an item not on its agenda (the other body's, in a joint
    // sitting) shows with the other body's name, so the room knows whose item it is.
    const own = itemNumbers(meeting, item).filter(n => n.body.id === bodyId);
    const groups = own.length > 0 ? own.map(n => ({ number: n.number, shorts: [n.short] })) : groupedNumbers(meeting, item);
    const withBody = meeting.bodies.length > 1 && own.length === 0;
    fill($('numbers'), groups.map(g => h('span', { class: 'display-number' },
      withBody ? g.shorts.map(short => h('span', { class: 'display-number-body' }, short)) : null,
      h('span', { class: 'display-number-value' }, `Item ${g.number}`))));
    $('title').textContent = item.title;
    // The item's documents by symbol, so the room sees a paper issued late as soon as the secretariat adds it.
    $('documents').textContent = (item.documents ?? []).map(d => d.symbols.join(' – ')).join(' · ');
  } else {
    fill($('numbers'));
    $('title').textContent = '';
    $('documents').textContent = '';
  }
  const next = nextItem(meeting, session);
  fill($('next'), next
    ? [h('span', { class: 'display-next-number' }, itemLabel(meeting, next.item)), ' ', next.item.title, next.item.status === 'continued' ? ' (continued)' : '']
    : 'Nothing more is planned for this sitting.');
  renderClock();
}

function renderClock() {
  const meeting = live?.meeting;
  if (!meeting) {
    return;
  }
  $('clock').textContent = venueClock(meeting.timeZone);
  if (document.body.classList.contains('is-parallel')) {
    renderSittingCaps($('sittings'), meeting);
    return;
  }
  const session = currentSession(meeting, bodyFilter(meeting));
  const left = capLeft(session);
  $('cap-box').hidden = left === null;
  if (left !== null) {
    $('cap-label').textContent = left >= 0 ? `Time left under the ${session.capMinutes}-minute cap` : `Over the ${session.capMinutes}-minute cap by`;
    $('cap').textContent = duration(Math.abs(left));
    $('cap-box').classList.toggle('is-warning', left < 15 * 60000);
  }
}

function showStatus(status) {
  const down = status === 'reconnecting' || status === 'offline';
  $('reconnecting').hidden = !down;
  document.body.classList.toggle('is-offline', down);
  document.body.dataset.connection = status;
}

function announce(warning) {
  const element = $('announcement');
  element.textContent = warning.message;
  element.hidden = false;
  clearTimeout(announcementTimer);
  announcementTimer = setTimeout(() => { element.hidden = true; }, 60000);
}

if (!meetingId) {
  $('bodies').textContent = 'This address names no meeting.';
} else {
  live = followMeeting(meetingId, {
    onSnapshot: render,
    onChange: render,
    onStatus: showStatus,
    onAnnouncement: announce,
    onError: message => { $('bodies').textContent = message; },
  });
  setInterval(renderClock, 1000);
}
