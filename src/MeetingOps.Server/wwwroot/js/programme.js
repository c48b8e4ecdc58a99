// The programme of the day (/programme/{id}?date=2022-05-23): the day's sittings in venue time, the items planned for
// each with their numbers and titles, the documents, and the announcements showing. Made to be printed (the print
// stylesheet drops the buttons and links) and read once, so it loads the snapshot over REST rather than following live.
import { t, list, ltr } from './i18n.js';
import {
  titleNodes, bodyName, symbolNode, itemTitle, meetingIdFromPath, itemById, itemNumbers, bodyShortName, sessionBodies, venueTime, venueDate, venueTimeOf, formatWords, h, fill,
} from './meeting.js';
import { showServerText } from './server-text.js';

const meetingId = meetingIdFromPath();
const $ = id => document.getElementById(id);

/** The meeting's days, as venue-local dates "2022-05-23", from its first to its last. */
function meetingDays(meeting) {
  const days = [];
  for (let d = new Date(`${meeting.startDate}T00:00:00Z`); d <= new Date(`${meeting.endDate}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

/** The day asked for (?date=), else today at the venue if the meeting sits today, else its first day. */
function chosenDay(meeting, days) {
  const asked = new URLSearchParams(location.search).get('date');
  if (asked && days.includes(asked)) return asked;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: meeting.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return days.includes(today) ? today : days[0];
}

function numbersOf(meeting, item) {
  const numbers = itemNumbers(meeting, item);
  if (meeting.bodies.length === 1 || numbers.length === 0) return [t('item.label', { number: Object.values(item.numbers)[0] ?? '' }).trim()];
  return numbers.map(n => t('item.labelOfBodies', { bodies: n.short, number: n.number }));
}

function render(meeting) {
  const days = meetingDays(meeting);
  const day = chosenDay(meeting, days);
  document.title = `${t('programme.pageTitle', { date: venueDate(`${day}T00:00`) })} · ${meeting.title}`;
  $('programme-where').textContent = `${meeting.venue} · ${meeting.bodies.map(b => bodyName(b)).join(' · ')}`;
  $('programme-title').textContent = meeting.title;
  $('programme-date').textContent = t('programme.ofTheDay', { date: venueDate(`${day}T00:00`) });
  fill($('programme-days'), days.map(d => d === day
    ? h('span', { 'aria-current': 'date' }, venueDate(`${d}T00:00`, false))
    : h('a', { href: `?date=${d}` }, venueDate(`${d}T00:00`, false))));
  if (meeting.archived) {
    $('programme-date').textContent += ` · ${t('programme.archived')}`;
  }

  const notices = (meeting.announcements ?? []).filter(a => !a.until || Date.parse(a.until) > Date.now());
  $('programme-announcements').hidden = notices.length === 0;
  fill($('programme-announcement-list'), notices.map(a => h('li', { dataset: { announcement: a.id } }, a.text,
    a.until ? h('span', { class: 'muted' }, ` ${t('common.until', { time: venueTimeOf(a.until, meeting.timeZone) })}`) : null)));

  const sittings = meeting.sessions.filter(s => s.start.slice(0, 10) === day);
  fill($('programme-sittings'), sittings.length === 0
    ? h('p', { class: 'muted' }, t('programme.noSitting'))
    : sittings.map(s => h('section', { class: 'programme-sitting', dataset: { session: s.id } },
      h('h2', {}, ltr(`${venueTime(s.start)}–${venueTime(s.end)}`),
        h('span', { class: 'programme-sitting-bodies' }, ` ${list(sessionBodies(meeting, s).map(b => bodyName(b)))}`)),
      s.format === 'inPerson' ? null : h('p', { class: 'muted' }, `${formatWords[s.format] ?? s.format}${s.capMinutes ? ` ${t('programme.interpretation', { count: s.capMinutes })}` : ''}`),
      s.status === 'cancelled' ? h('p', {}, t('programme.cancelled')) : null,
      h('ol', { class: 'programme-items' }, s.planned.map(p => {
        const item = itemById(meeting, p.item);
        if (!item) return null;
        return h('li', { class: 'programme-item', dataset: { item: item.id } },
          h('span', { class: 'programme-numbers' }, numbersOf(meeting, item).join(' · ')),
          h('span', { class: 'programme-item-title' }, ' ', titleNodes(item), p.continued ? ` ${t('item.continued')}` : ''),
          item.documents.length > 0
            ? h('ul', { class: 'programme-documents', 'aria-label': t('common.documents') }, item.documents.map(d =>
              h('li', {}, d.symbols.map((symbol, i) => [i > 0 ? ' – ' : null, symbolNode(symbol)]), d.title ? ` ${itemTitle(d).text}` : '')))
            : null);
      })))));
}

$('print').addEventListener('click', () => window.print());
if (!meetingId) {
  $('programme-title').textContent = t('common.noMeeting');
} else {
  fetch(`/api/meetings/${encodeURIComponent(meetingId)}`, { headers: { accept: 'application/json' } })
    .then(async response => {
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        // "There is no meeting …" in the reader's language when the server sent its phrase; else its English, marked so.
        if (problem.detail) showServerText($('programme-title'), problem.text, problem.detail);
        else $('programme-title').textContent = t('programme.loadFailed', { status: response.status });
        return;
      }
      render(await response.json());
      document.body.dataset.ready = 'true';
    })
    .catch(() => { $('programme-title').textContent = t('programme.unreachable'); });
}
