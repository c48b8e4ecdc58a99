// The room display: what is under consideration now, in large type, for one body (?body=wg3) or the meeting's
// current sitting; the venue clock; time left under a cap; the next item. No interaction; it recovers by itself.
import { followMeeting } from './live.js';
import { t, requested } from './i18n.js';
import {
  titleNodes, bodyName, symbolNode,
  meetingIdFromPath, itemById, itemNumbers, groupedNumbers, currentSession, nextScheduledSession, nextItem, sessionBodies, bodyById,
  itemLabel, formatWords, venueClock, venueTime, venueTimeOf, venueDate, capLeft, duration, zoneCity, h, fill,
} from './meeting.js';
import { sittingsNow, renderSittings, renderSittingCaps } from './display-sittings.js';

const meetingId = meetingIdFromPath();
const $ = id => document.getElementById(id);
const requestedBody = new URLSearchParams(location.search).get('body');
let live = null;
// ?lang=en,fr: the room screen of a body that works in two languages shows the current item's title in each.
const titleLanguages = requested.length > 1 ? requested.slice(0, 3) : [null];

/** The title in each of the screen's languages, one line each, marked with its language. */
function titleLines(item) {
  return titleLanguages.map(code => h('span', { class: 'display-title-line', dataset: { lang: code ?? '' } }, code ? titleNodes(item, code) : titleNodes(item)));
}

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
    document.title = `${meeting.bodies.map(b => bodyName(b)).join(' · ')} · ${t('display.pageTitle')}`;
    fill($('bodies'), h('span', { class: 'display-body' }, t('display.sittingsInProgress', { count: sittings.length })));
    $('sitting').textContent = meeting.venue;
    $('clock-zone').textContent = t('time.cityTime', { city: zoneCity(meeting.timeZone) });
    renderSittings($('sittings'), meeting, sittings);
    $('cap-box').hidden = true;
    renderClock();
    return;
  }
  const session = currentSession(meeting, bodyId);
  const bodies = bodyId ? [bodyById(meeting, bodyId)] : session ? sessionBodies(meeting, session) : meeting.bodies;
  document.title = `${bodies.map(b => bodyName(b)).join(' · ')} · ${t('display.pageTitle')}`;
  fill($('bodies'), bodies.map(b => h('span', { class: 'display-body' }, bodyName(b))));
  $('clock-zone').textContent = t('time.cityTime', { city: zoneCity(meeting.timeZone) });

  if (!session) {
    const next = nextScheduledSession(meeting, bodyId);
    $('sitting').textContent = t('follow.noSitting');
    $('now-label').textContent = next ? t('display.nextSitting') : t('display.noSittingLeft');
    fill($('numbers'));
    $('title').textContent = next ? `${venueDate(next.start)}, ${venueTime(next.start)}` : '';
    const first = next ? itemById(meeting, next.planned[0]?.item) : null;
    fill($('next'), first ? [h('span', { class: 'display-next-number' }, itemLabel(meeting, first)), ' ', titleNodes(first)] : '—');
    $('cap-box').hidden = true;
    return;
  }

  $('sitting').textContent = session.status === 'suspended'
    ? t('display.suspended')
    : `${t('display.sitting', { time: `${venueTime(session.start)}–${venueTime(session.end)}` })}${session.format === 'inPerson' ? '' : ` · ${formatWords[session.format] ?? session.format}`}`;
  document.body.classList.toggle('is-suspended', session.status === 'suspended');
  const item = itemById(meeting, session.currentItemId);
  $('now-label').textContent = item ? t('display.underConsideration') : t('display.noItem');
  if (item) {
    // A display for one body shows that body's number; an item not on its agenda (the other body's, in a joint
    // sitting) shows with the other body's name, so the room knows whose item it is.
    const own = itemNumbers(meeting, item).filter(n => n.body.id === bodyId);
    const groups = own.length > 0 ? own.map(n => ({ number: n.number, shorts: [n.short] })) : groupedNumbers(meeting, item);
    const withBody = meeting.bodies.length > 1 && own.length === 0;
    fill($('numbers'), groups.map(g => h('span', { class: 'display-number' },
      withBody ? g.shorts.map(short => h('span', { class: 'display-number-body' }, short)) : null,
      h('span', { class: 'display-number-value' }, t('item.label', { number: g.number })))));
    fill($('title'), titleLines(item));
    // The item's documents by symbol, so the room sees a paper issued late as soon as the secretariat adds it.
    fill($('documents'), (item.documents ?? []).map((d, i) => [i > 0 ? ' · ' : null, d.symbols.map((symbol, j) => [j > 0 ? ' – ' : null, symbolNode(symbol)])]));
  } else {
    fill($('numbers'));
    $('title').textContent = '';
    $('documents').textContent = '';
  }
  const next = nextItem(meeting, session);
  fill($('next'), next
    ? [h('span', { class: 'display-next-number' }, itemLabel(meeting, next.item)), ' ', titleNodes(next.item), next.item.status === 'continued' ? ` ${t('item.continued')}` : '']
    : t('display.nothingMore'));
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
    // The end of interpretation as a time (the server's: booked or actual start, cap, extensions) above the countdown.
    $('cap-label').textContent = left >= 0 ? t('display.interpretationUntil', { time: venueTimeOf(session.interpretationEnd, meeting.timeZone) }) : t('display.overCap', { count: session.capMinutes });
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

if (!meetingId) {
  $('bodies').textContent = t('common.noMeeting');
} else {
  live = followMeeting(meetingId, {
    onSnapshot: render,
    onChange: render,
    onStatus: showStatus,
    onError: message => { $('bodies').textContent = message; },
  });
  setInterval(renderClock, 1000);
}
