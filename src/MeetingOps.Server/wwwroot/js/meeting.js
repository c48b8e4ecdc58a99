// Reading a meeting snapshot (MeetingView, camelCase JSON) the way the pages show it: item numbers per body,
// statuses in the meeting's words, venue time and the viewer's own time, what comes next. Words come from the
// catalogue of the page's language (i18n.js); dates and times are written with Intl for that language.
import { t, tIn, lang, locale, inLanguage, ltr } from './i18n.js';

export const itemStatusWords = Object.fromEntries(['pending', 'open', 'continued', 'concluded', 'adopted', 'deferred']
  .map(status => [status, t(`status.item.${status}`)]));

export const sessionStatusWords = Object.fromEntries(['scheduled', 'inProgress', 'suspended', 'ended']
  .map(status => [status, t(`status.session.${status}`)]));

export const formatWords = Object.fromEntries(['inPerson', 'hybrid', 'online'].map(format => [format, t(`format.${format}`)]));

/** An item's title in the viewer's language (or the one given), else the English, with fallback: true. */
export function itemTitle(item, code = lang) {
  return inLanguage(item?.title, item?.titles, code);
}

/**
 * The title as nodes: the text marked with its language (so a screen reader reads English as English), and
 * "(in English)" in the viewer's language when there is no title in it yet.
 */
export function titleNodes(item, code = lang) {
  const title = itemTitle(item, code);
  return [h('span', { lang: title.lang, class: 'item-title-text' }, title.text),
    title.fallback ? h('span', { class: 'in-english', dataset: { fallback: 'en' } }, ` ${tIn(code, 'title.inEnglish')}`) : null];
}

/** A body's name in the viewer's language, else the English. */
export function bodyName(body) {
  return inLanguage(body?.name, body?.names).text;
}

/** A document symbol, kept left to right inside right-to-left text. */
export function symbolNode(symbol) {
  return h('bdi', { dir: 'ltr', class: 'symbol' }, symbol);
}

/** The meeting id from the page's path: /chair/{id}, /display/{id}, /follow/{id}. */
export function meetingIdFromPath() {
  const parts = location.pathname.split('/').filter(Boolean);
  return parts.length >= 2 ? decodeURIComponent(parts[1]) : '';
}

export function itemById(meeting, id) {
  return id ? meeting.items.find(i => i.id === id) ?? null : null;
}

export function sessionById(meeting, id) {
  return id ? meeting.sessions.find(s => s.id === id) ?? null : null;
}

export function bodyById(meeting, id) {
  return meeting.bodies.find(b => b.id === id) ?? null;
}

/** "WG.3" from the symbol stem "CTOC/COP/WG.3"; the id in capitals when the body has no symbol. */
export function bodyShortName(body) {
  if (body.symbol) {
    const parts = body.symbol.split('/');
    return parts[parts.length - 1];
  }
  return body.id.toUpperCase();
}

/** The item's number on each body's agenda, in the meeting's body order: [{ body, short, number }]. */
export function itemNumbers(meeting, item) {
  return meeting.bodies
    .filter(b => item.numbers[b.id] !== undefined)
    .map(b => ({ body: b, short: bodyShortName(b), number: item.numbers[b.id] }));
}

/** The item's numbers with the bodies that share each: [{ number, shorts: ['WG.3', 'WG.2'] }] ("1 (a)" on both agendas is one number). */
export function groupedNumbers(meeting, item) {
  const groups = [];
  for (const n of itemNumbers(meeting, item)) {
    const group = groups.find(g => g.number === n.number);
    if (group) {
      group.shorts.push(n.short);
    } else {
      groups.push({ number: n.number, shorts: [n.short] });
    }
  }
  return groups;
}

/** "Item 3" for a one-body meeting; "WG.3 item 3 · WG.2 item 2" when more than one body sits. */
export function itemLabel(meeting, item) {
  const numbers = itemNumbers(meeting, item);
  if (meeting.bodies.length === 1 || numbers.length === 0) {
    return t('item.label', { number: Object.values(item.numbers)[0] ?? '' }).trim();
  }
  return groupedNumbers(meeting, item).map(g => t('item.labelOfBodies', { bodies: g.shorts.join(' + '), number: g.number })).join(' · ');
}

/** The sitting now: the one given, else the meeting's current one (in progress or suspended). */
export function currentSession(meeting, bodyId) {
  const sitting = meeting.sessions.filter(s => s.status === 'inProgress' || s.status === 'suspended');
  if (bodyId) {
    return sitting.filter(s => s.bodies.includes(bodyId))
      .sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''))[0] ?? null;
  }
  return sessionById(meeting, meeting.currentSessionId);
}

/** The next sitting that has not started, in time order (for a body, when given). */
export function nextScheduledSession(meeting, bodyId) {
  return meeting.sessions
    .filter(s => s.status === 'scheduled' && (!bodyId || s.bodies.includes(bodyId)))
    .sort((a, b) => a.startUtc.localeCompare(b.startUtc))[0] ?? null;
}

/** The next item to take up in a sitting: the first planned item still pending or continued, other than the one open. */
export function nextItem(meeting, session) {
  if (!session) {
    return null;
  }
  for (const planned of session.planned) {
    const item = itemById(meeting, planned.item);
    if (item && (item.status === 'pending' || item.status === 'continued') && item.id !== session.currentItemId) {
      return { item, planned };
    }
  }
  return null;
}

/** The bodies of a sitting, by name. */
export function sessionBodies(meeting, session) {
  return session.bodies.map(id => bodyById(meeting, id)).filter(Boolean);
}

// --- time -------------------------------------------------------------------------------------------------------

/** "10:00" from the venue-local "2022-05-23T10:00:00" (no offset: it is already venue time). */
export function venueTime(local) {
  return local.slice(11, 16);
}

/** "Mon 23 May 2022" from the venue-local date of a session. */
export function venueDate(local, withYear = true) {
  const [y, m, d] = local.slice(0, 10).split('-').map(Number);
  if (lang !== 'en') {
    return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: withYear ? 'numeric' : undefined, timeZone: 'UTC' })
      .format(new Date(Date.UTC(y, m - 1, d)));
  }
  const parts = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    .formatToParts(new Date(Date.UTC(y, m - 1, d)));
  const get = type => parts.find(p => p.type === type)?.value;
  return `${get('weekday')} ${get('day')} ${get('month')}${withYear ? ` ${get('year')}` : ''}`;
}

/** The viewer's own time zone, as the browser knows it. */
export function viewerTimeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const viewerClock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const viewerDay = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' });

/** "04:00" in the viewer's own time zone for an instant ("2022-05-23T08:00:00+00:00"). */
export function viewerTime(utc) {
  return viewerClock.format(new Date(utc));
}

/** "Mon 23 May" in the viewer's own time zone. */
export function viewerDate(utc) {
  return viewerDay.format(new Date(utc));
}

/** The day of an instant in the viewer's zone as yyyy-mm-dd, to tell when it differs from the venue's day. */
export function viewerIsoDate(utc) {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(utc));
  const get = type => parts.find(p => p.type === type)?.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The time now at the venue: "14:32" (with seconds: "14:32:05"). */
export function venueClock(timeZone, now = new Date(), seconds = false) {
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit', minute: '2-digit', second: seconds ? '2-digit' : undefined, hourCycle: 'h23', timeZone,
  }).format(now);
}

/** "12:40" at the venue for an instant. */
export function venueTimeOf(instant, timeZone) {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(instant));
}

/** "1:05:09" or "45:09" for a duration in milliseconds (never negative). */
export function duration(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = n => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/**
 * Time left under a sitting's cap, in ms (negative past it), or null when the sitting has no cap or has not started.
 * The end is the server's (`interpretationEnd`: the booked or actual start, the cap and any extension), not worked out here.
 */
export function capLeft(session, now = Date.now()) {
  if (!session || !session.capMinutes || !session.startedAt || session.status === 'ended') {
    return null;
  }
  const end = session.interpretationEnd ? Date.parse(session.interpretationEnd) : new Date(session.startedAt).getTime() + session.capMinutes * 60000;
  return end - now;
}

/** "Mon 23 May 2022, 10:00–13:00" in venue time. */
export function sessionWhen(session) {
  return `${venueDate(session.start)}, ${ltr(`${venueTime(session.start)}–${venueTime(session.end)}`)}`;
}

/** "Vienna" from "Europe/Vienna". */
export function zoneCity(timeZone) {
  const last = timeZone.split('/').pop() ?? timeZone;
  return last.replaceAll('_', ' ');
}

// --- DOM --------------------------------------------------------------------------------------------------------

/** Builds an element: h('p', { class: 'x', dataset: { id: 'y' } }, 'text', child). Text is always text, never HTML. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Replaces an element's children. */
export function fill(element, ...children) {
  element.replaceChildren(...children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false));
  return element;
}

/** The status pill of an item. */
export function itemStatusPill(status) {
  return h('span', { class: `pill pill-${status}` }, itemStatusWords[status] ?? status);
}

export function sessionStatusPill(status) {
  return h('span', { class: `pill pill-session-${status}` }, sessionStatusWords[status] ?? status);
}
