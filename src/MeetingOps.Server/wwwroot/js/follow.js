// The participant's view: what is under consideration now and what comes next, the whole agenda with live
// statuses and documents, and the schedule in venue time and the viewer's own time. Changes are announced to
// screen readers through an aria-live region.
import { followMeeting } from './live.js';
import { around } from './server-text.js';
import { t, lang, ltr } from './i18n.js';
import {
  itemTitle, titleNodes, bodyName, symbolNode,
  meetingIdFromPath, itemById, itemLabel, itemNumbers, groupedNumbers, currentSession, nextItem, nextScheduledSession, sessionBodies,
  venueTime, venueTimeOf, venueDate, viewerTime, viewerDate, viewerIsoDate, viewerTimeZone, zoneCity, bodyShortName, formatWords,
  itemStatusPill, sessionStatusPill, itemStatusWords, capLeft, duration, h, fill,
} from './meeting.js';

const meetingId = meetingIdFromPath();
const $ = id => document.getElementById(id);
let live = null;

function render(meeting) {
  document.title = `${meeting.title} · MeetingOps`;
  $('meeting-title').textContent = meeting.title;
  // Titles shown in English where the definition has none in the viewer's language: said once, above the agenda.
  const missing = meeting.items.some(i => itemTitle(i).fallback);
  $('titles-note').hidden = !missing;
  $('titles-note').textContent = missing ? t('follow.titlesInEnglish') : '';
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
    link(`${base}/calendar.ics${lang === 'en' ? '' : `?lang=${lang}`}`, t('follow.calendar'), 'calendar', t('follow.calendarHint')),
    meeting.bodies.length > 1
      ? meeting.bodies.map(b => link(`${base}/calendar.ics?body=${encodeURIComponent(b.id)}${lang === 'en' ? '' : `&lang=${lang}`}`, t('follow.calendarBody', { body: bodyShortName(b) }), `calendar-${b.id}`, t('follow.calendarBodyHint', { body: bodyName(b) })))
      : null,
    link(`${base}/report`, t('follow.report'), 'report', t('follow.reportHint')),
    link(`${base}/log?format=csv`, t('follow.log'), 'log', t('follow.logHint')));
}

function renderNow(meeting) {
  const session = currentSession(meeting);
  const item = session ? itemById(meeting, session.currentItemId) : null;
  if (!session) {
    const next = nextScheduledSession(meeting);
    fill($('now'),
      h('p', { class: 'now-title', id: 'now-title' }, t('follow.noSitting')),
      next ? h('p', { class: 'muted' }, t('follow.nextSitting', { date: venueDate(next.start), time: venueTime(next.start), city: zoneCity(meeting.timeZone) }), ' · ',
        h('strong', {}, t('follow.yourTime', { date: viewerDate(next.startUtc), time: viewerTime(next.startUtc) }))) : null);
    fill($('coming'));
    return;
  }
  const left = capLeft(session);
  fill($('now'),
    h('p', { class: 'now-sitting' }, sessionStatusPill(session.status), ' ',
      `${sessionBodies(meeting, session).map(b => bodyShortName(b)).join(' + ')} · ${t('time.atVenue', { time: `${venueTime(session.start)}–${venueTime(session.end)}`, city: zoneCity(meeting.timeZone) })}`,
      left !== null ? ` · ${left >= 0 ? `${t('display.interpretationUntil', { time: venueTimeOf(session.interpretationEnd ?? session.endUtc, meeting.timeZone) })} · ${t('follow.leftUnderCap', { time: duration(left) })}` : t('follow.overCap')}` : ''),
    item
      ? [h('p', { class: 'now-numbers' }, groupedNumbers(meeting, item).map(g => h('span', { class: 'number-chip' },
        meeting.bodies.length > 1 ? `${ltr(g.shorts.join(' + '))} · ${t('item.number', { number: g.number })}` : t('item.label', { number: g.number })))),
        h('p', { class: 'now-title', id: 'now-title' }, titleNodes(item))]
      : h('p', { class: 'now-title', id: 'now-title' }, session.status === 'suspended' ? t('follow.suspended') : t('follow.noItem')));
  const next = nextItem(meeting, session);
  fill($('coming'), next
    ? [h('span', { class: 'eyebrow' }, t('common.next')), ' ', h('span', { id: 'next-item' }, ...around('common.labelled', { label: itemLabel(meeting, next.item) }, titleNodes(next.item), 'title'))]
    : null);
}

function documentLink(symbols) {
  return symbols.map((symbol, i) => [i > 0 ? '–' : null, h('a', { href: `https://undocs.org/${symbol}`, rel: 'noopener', target: '_blank' }, symbolNode(symbol))]);
}

function renderAgenda(meeting) {
  const currentId = currentSession(meeting)?.currentItemId;
  const children = parentId => meeting.items.filter(i => (i.parentId ?? null) === parentId);
  const entry = item => {
    const isCurrent = item.id === currentId;
    const subs = children(item.id);
    return h('li', { class: `agenda-item status-${item.status}${isCurrent ? ' is-current' : ''}`, id: `item-${item.id}`, dataset: { item: item.id, status: item.status }, 'aria-current': isCurrent ? 'true' : null },
      h('div', { class: 'agenda-row' },
        h('div', { class: 'agenda-numbers' }, itemNumbers(meeting, item).map(n => h('bdi', { class: 'agenda-number', title: bodyName(n.body) }, meeting.bodies.length > 1 ? `${n.short} ${n.number}` : n.number))),
        h('div', { class: 'agenda-main' },
          h('p', { class: 'agenda-title' }, titleNodes(item), item.joint ? h('span', { class: 'tag' }, t('follow.joint')) : null),
          item.documents.length > 0
            ? h('ul', { class: 'documents', 'aria-label': t('common.documents') }, item.documents.map(d => {
              const title = d.title ? itemTitle(d) : null;
              return h('li', {}, documentLink(d.symbols), title ? h('span', { class: 'document-title', lang: title.lang }, ` ${title.text}`) : null);
            }))
            : null),
        h('div', { class: 'agenda-status' }, isCurrent ? h('span', { class: 'pill pill-now' }, t('common.now')) : itemStatusPill(item.status))),
      subs.length > 0 ? h('ol', { class: 'agenda agenda-sub' }, subs.map(entry)) : null);
  };
  fill($('agenda'), children(null).map(entry));
}

function renderSchedule(meeting) {
  const zone = viewerTimeZone();
  $('zones').textContent = t('follow.zones', { city: zoneCity(meeting.timeZone), zone: meeting.timeZone, yours: zone });
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
          h('p', { class: 'venue-time' }, h('span', { class: 'time-label' }, `${zoneCity(meeting.timeZone)} `), ltr(`${venueTime(s.start)}–${venueTime(s.end)}`)),
          h('p', { class: 'your-time' }, h('span', { class: 'time-label' }, `${t('follow.yourTimeLabel')} `), `${viewerDay}${ltr(`${viewerTime(s.startUtc)}–${viewerTime(s.endUtc)}`)}`)),
        h('div', { class: 'session-main' },
          h('p', { class: 'session-bodies' }, sessionBodies(meeting, s).map(b => bodyShortName(b)).join(' + '),
            ` · ${formatWords[s.format] ?? s.format}`, s.capMinutes ? ` · ${t('follow.capMinutes', { count: s.capMinutes })}` : ''),
          h('p', { class: 'session-items' }, s.planned.map(p => {
            const item = itemById(meeting, p.item);
            return item ? `${itemLabel(meeting, item)}${p.continued ? ` ${t('item.continued')}` : ''}` : p.item;
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
        ? t('follow.announceNow', { label, title: itemTitle(item).text })
        : t('follow.announceStatus', { label, status: (itemStatusWords[change.to] ?? change.to).toLocaleLowerCase() }));
    } else if (['start', 'suspend', 'resume', 'end'].includes(change.action)) {
      lines.push(t(`follow.announceSitting.${change.action}`));
    } else {
      lines.push(change.action);
    }
  }
  if (lines.length > 0) {
    $('announcer').textContent = lines.join(' ');
  }
}

function showStatus(status) {
  const element = $('connection');
  element.textContent = ['connecting', 'live', 'reconnecting', 'offline'].includes(status) ? t(`connection.${status}`) : status;
  element.className = `connection connection-${status}`;
}

if (!meetingId) {
  $('meeting-title').textContent = t('common.noMeeting');
} else {
  live = followMeeting(meetingId, {
    onSnapshot: (meeting, reason, before) => {
      render(meeting);
      // After a reconnect, say what is under consideration now if it changed while the page was offline.
      const was = before ? currentSession(before)?.currentItemId : undefined;
      const now = currentSession(meeting)?.currentItemId;
      if (before && was !== now) {
        const item = itemById(meeting, now);
        $('announcer').textContent = item ? t('follow.announceNow', { label: itemLabel(meeting, item), title: itemTitle(item).text }) : t('follow.announceNone');
      }
    },
    onChange: (meeting, changes) => { render(meeting); announce(meeting, changes); },
    onStatus: showStatus,
    onError: message => { $('meeting-title').textContent = message; },
  });
  setInterval(() => live.meeting && renderNow(live.meeting), 15000);
}
