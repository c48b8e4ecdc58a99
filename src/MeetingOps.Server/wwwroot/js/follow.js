// The participant's view: what is under consideration now and what comes next, the whole agenda with live
// statuses and documents, and the schedule in venue time and the viewer's own time. Changes are announced to
// screen readers through an aria-live region.
import { followMeeting } from './live.js';
import {
  meetingIdFromPath, itemById, itemLabel, itemNumbers, groupedNumbers, currentSession, nextItem, nextScheduledSession, sessionBodies,
  venueTime, venueDate, viewerTime, viewerDate, viewerIsoDate, viewerTimeZone, zoneCity, bodyShortName, formatWords,
  itemStatusPill, sessionStatusPill, itemStatusWords, capLeft, duration, h, fill,
} from './meeting.js';

const meetingId = meetingIdFromPath();
const $ = id => document.getElementById(id);
let live = null;

function render(meeting) {
  document.title = `${meeting.title} · MeetingOps`;
  $('meeting-title').textContent = meeting.title;
  $('meeting-where').textContent = `${meeting.venue} · ${venueDate(`${meeting.startDate}T00:00`, false)} – ${venueDate(`${meeting.endDate}T00:00`)}`;
  renderNow(meeting);
  renderAgenda(meeting);
  renderSchedule(meeting);
  renderRecords(meeting);
}

/** Links to the calendar (all sittings, or one body's) and the records written from the log: the report section and the log as CSV. */
function renderRecords(meeting) {
  const base = `/api/meetings/${encodeURIComponent(meetingId)}`;
  const link = (href, text, record, title) => h('a', { href, dataset: { record }, title, download: record === 'report' ? null : '' }, text);
  fill($('records'),
    link(`${base}/calendar.ics`, 'Add to your calendar', 'calendar', 'Every sitting as an iCalendar file; your calendar app updates it when the plan changes'),
    meeting.bodies.length > 1
      ? meeting.bodies.map(b => link(`${base}/calendar.ics?body=${encodeURIComponent(b.id)}`, `${bodyShortName(b)} sittings only`, `calendar-${b.id}`, `The sittings of the ${b.name}`))
      : null,
    link(`${base}/report`, 'Report: organization of work', 'report', 'The report section drafted from what happened (Markdown)'),
    link(`${base}/log?format=csv`, 'Meeting log (CSV)', 'log', 'Every change with time, sitting, item, action and who'));
}

function renderNow(meeting) {
  const session = currentSession(meeting);
  const item = session ? itemById(meeting, session.currentItemId) : null;
  if (!session) {
    const next = nextScheduledSession(meeting);
    fill($('now'),
      h('p', { class: 'now-title', id: 'now-title' }, 'No sitting in progress'),
      next ? h('p', { class: 'muted' }, `Next sitting: ${venueDate(next.start)}, ${venueTime(next.start)} ${zoneCity(meeting.timeZone)} time · `,
        h('strong', {}, `${viewerDate(next.startUtc)}, ${viewerTime(next.startUtc)} your time`)) : null);
    fill($('coming'));
    return;
  }
  const left = capLeft(session);
  fill($('now'),
    h('p', { class: 'now-sitting' }, sessionStatusPill(session.status), ' ',
      `${sessionBodies(meeting, session).map(b => bodyShortName(b)).join(' + ')} · ${venueTime(session.start)}–${venueTime(session.end)} ${zoneCity(meeting.timeZone)} time`,
      left !== null ? ` · ${left >= 0 ? `${duration(left)} left under the cap` : 'over the cap'}` : ''),
    item
      ? [h('p', { class: 'now-numbers' }, groupedNumbers(meeting, item).map(g => h('span', { class: 'number-chip' },
        meeting.bodies.length > 1 ? `${g.shorts.join(' + ')} · item ${g.number}` : `Item ${g.number}`))),
        h('p', { class: 'now-title', id: 'now-title' }, item.title)]
      : h('p', { class: 'now-title', id: 'now-title' }, session.status === 'suspended' ? 'The sitting is suspended' : 'No item under consideration at the moment'));
  const next = nextItem(meeting, session);
  fill($('coming'), next
    ? [h('span', { class: 'eyebrow' }, 'Next'), ' ', h('span', { id: 'next-item' }, `${itemLabel(meeting, next.item)}: ${next.item.title}`)]
    : null);
}

function documentLink(symbols) {
  return symbols.map((symbol, i) => [i > 0 ? '–' : null, h('a', { href: `https://undocs.org/${symbol}`, rel: 'noopener', target: '_blank' }, symbol)]);
}

function renderAgenda(meeting) {
  const currentId = currentSession(meeting)?.currentItemId;
  const children = parentId => meeting.items.filter(i => (i.parentId ?? null) === parentId);
  const entry = item => {
    const isCurrent = item.id === currentId;
    const subs = children(item.id);
    return h('li', { class: `agenda-item status-${item.status}${isCurrent ? ' is-current' : ''}`, id: `item-${item.id}`, dataset: { item: item.id, status: item.status }, 'aria-current': isCurrent ? 'true' : null },
      h('div', { class: 'agenda-row' },
        h('div', { class: 'agenda-numbers' }, itemNumbers(meeting, item).map(n => h('span', { class: 'agenda-number', title: n.body.name }, meeting.bodies.length > 1 ? `${n.short} ${n.number}` : n.number))),
        h('div', { class: 'agenda-main' },
          h('p', { class: 'agenda-title' }, item.title, item.joint ? h('span', { class: 'tag' }, 'joint') : null),
          item.documents.length > 0
            ? h('ul', { class: 'documents', 'aria-label': 'Documents' }, item.documents.map(d => h('li', {}, documentLink(d.symbols), d.title ? h('span', { class: 'document-title' }, ` ${d.title}`) : null)))
            : null),
        h('div', { class: 'agenda-status' }, isCurrent ? h('span', { class: 'pill pill-now' }, 'Now') : itemStatusPill(item.status))),
      subs.length > 0 ? h('ol', { class: 'agenda agenda-sub' }, subs.map(entry)) : null);
  };
  fill($('agenda'), children(null).map(entry));
}

function renderSchedule(meeting) {
  const zone = viewerTimeZone();
  $('zones').textContent = `Times at the venue (${zoneCity(meeting.timeZone)}, ${meeting.timeZone}) and in your time zone (${zone}).`;
  const days = new Map();
  for (const session of [...meeting.sessions].sort((a, b) => a.startUtc.localeCompare(b.startUtc))) {
    const day = session.start.slice(0, 10);
    if (!days.has(day)) {
      days.set(day, []);
    }
    days.get(day).push(session);
  }
  fill($('schedule'), [...days].map(([day, sessions]) => h('section', { class: 'schedule-day' },
    h('h3', {}, venueDate(`${day}T00:00`)),
    h('ul', { class: 'sessions' }, sessions.map(s => {
      const viewerDay = viewerIsoDate(s.startUtc) !== day ? `${viewerDate(s.startUtc)}, ` : '';
      return h('li', { class: `session status-${s.status}${s.id === meeting.currentSessionId ? ' is-current' : ''}`, dataset: { session: s.id } },
        h('div', { class: 'session-times' },
          h('p', { class: 'venue-time' }, h('span', { class: 'time-label' }, `${zoneCity(meeting.timeZone)} `), `${venueTime(s.start)}–${venueTime(s.end)}`),
          h('p', { class: 'your-time' }, h('span', { class: 'time-label' }, 'Your time '), `${viewerDay}${viewerTime(s.startUtc)}–${viewerTime(s.endUtc)}`)),
        h('div', { class: 'session-main' },
          h('p', { class: 'session-bodies' }, sessionBodies(meeting, s).map(b => bodyShortName(b)).join(' + '),
            ` · ${formatWords[s.format] ?? s.format}`, s.capMinutes ? ` · cap ${s.capMinutes} min` : ''),
          h('p', { class: 'session-items' }, s.planned.map(p => {
            const item = itemById(meeting, p.item);
            return item ? `${itemLabel(meeting, item)}${p.continued ? ' (continued)' : ''}` : p.item;
          }).join('; '))),
        h('div', { class: 'session-status' }, sessionStatusPill(s.status)));
    })))));
}

/** What changed, in words, for the aria-live region: the item now under consideration first. */
function announce(meeting, changes) {
  const lines = [];
  for (const change of changes) {
    if (change.subject === 'item') {
      const item = itemById(meeting, change.itemId);
      const label = item ? itemLabel(meeting, item) : change.itemId;
      lines.push(change.to === 'open'
        ? `Now under consideration: ${label}, ${item?.title ?? ''}.`
        : `${label} ${(itemStatusWords[change.to] ?? change.to).toLowerCase()}.`);
    } else {
      lines.push(`The sitting ${{ start: 'has started', suspend: 'is suspended', resume: 'has resumed', end: 'has ended' }[change.action] ?? change.action}.`);
    }
  }
  if (lines.length > 0) {
    $('announcer').textContent = lines.join(' ');
  }
}

function showStatus(status) {
  const words = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline — retrying' };
  const element = $('connection');
  element.textContent = words[status] ?? status;
  element.className = `connection connection-${status}`;
}

if (!meetingId) {
  $('meeting-title').textContent = 'This address names no meeting.';
} else {
  live = followMeeting(meetingId, {
    onSnapshot: (meeting, reason, before) => {
      render(meeting);
      // After a reconnect, say what is under consideration now if it changed while the page was offline.
      const was = before ? currentSession(before)?.currentItemId : undefined;
      const now = currentSession(meeting)?.currentItemId;
      if (before && was !== now) {
        const item = itemById(meeting, now);
        $('announcer').textContent = item ? `Now under consideration: ${itemLabel(meeting, item)}, ${item.title}.` : 'No item is under consideration now.';
      }
    },
    onChange: (meeting, changes) => { render(meeting); announce(meeting, changes); },
    onStatus: showStatus,
    onAnnouncement: warning => { $('announcer').textContent = warning.message; },
    onError: message => { $('meeting-title').textContent = message; },
  });
  setInterval(() => live.meeting && renderNow(live.meeting), 15000);
}
