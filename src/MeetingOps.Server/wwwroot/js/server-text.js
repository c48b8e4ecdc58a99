// The server's own words (a refusal, a planner's warning, what Undo would undo) in the viewer's language. The server
// sends each as a phrase code and named arguments ({ code, args }) beside its English sentence; the page looks the
// code up in its catalogue (server.<code>) and fills the arguments as their names say (see ServerPhrases in the
// domain). A code the catalogue lacks (a newer server) shows the English sentence, marked lang="en".
import { t, lang, locale, list, ltr } from './i18n.js';
import { itemById, itemLabel, bodyById, bodyShortName, sessionById, sessionWhen } from './meeting.js';

const minutesFormat = () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' });
const secondsFormat = () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'long' });

function shortOfBody(meeting, id) {
  const body = meeting ? bodyById(meeting, id) : null;
  return body ? bodyShortName(body) : id;
}

function labelOfItem(meeting, id) {
  const item = meeting ? itemById(meeting, id) : null;
  return item ? itemLabel(meeting, item) : ltr(id);
}

// A sitting by its day and hours, as the room names it: its id ("2022-05-23-am") means nothing at the podium.
function labelOfSitting(meeting, id) {
  const session = meeting ? sessionById(meeting, id) : null;
  return session ? sessionWhen(session) : ltr(id);
}

/** A language's name in the page's language ("fr" → "français" on a French page); its code when the browser has no name for it. */
export function languageName(code) {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? ltr(code);
  } catch {
    return ltr(code);
  }
}

/** One argument as the page shows it, by its name. */
function argument(name, value, meeting, timeZone, yearsDiffer) {
  if (name === 'item' || name === 'current') return labelOfItem(meeting, value);
  if (name === 'items') return list(value.split(',').filter(Boolean).map(id => labelOfItem(meeting, id)));
  if (name === 'status') return t(`server.itemIs.${value}`);
  if (name === 'sessionStatus') return t(`server.sittingIs.${value}`);
  if (name === 'bodies') return list(value.split(',').filter(Boolean).map(id => ltr(shortOfBody(meeting, id))));
  if (name === 'session' || name === 'requested' || name === 'busy') return labelOfSitting(meeting, value);
  if (name === 'sessions') return list(value.split(',').filter(Boolean).map(id => labelOfSitting(meeting, id)));
  if (name === 'body') return ltr(shortOfBody(meeting, value));
  if (name === 'count') return Number(value);
  // The importer's and the translation import's arguments (ServerPhrases' importer block): dates and a sitting's local
  // time as ISO text without a zone, a day of the week as 0 (Sunday) to 6, a language by its code, symbols joined by
  // commas, and numbers (lines, limits, sizes). A body is a name from the document (as 'body' above when no id matches);
  // quoted fragments, item numbers, times and a library's own reason fall through to be shown as they are, left to right.
  if (name === 'from' || name === 'to' || name === 'day') {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
  }
  if (name === 'dateTime') {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' })
      .format(new Date(`${value}:00Z`));
  }
  if (name === 'weekday' || name === 'claimed') {
    // 1 January 2023 was a Sunday: the day that many days later has the name asked for.
    return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 0, 1 + Number(value))));
  }
  if (name === 'language') return languageName(value);
  if (name === 'languages') return list(value.split(',').filter(Boolean).map(languageName));
  if (name === 'symbols' || name === 'stems') return list(value.split(',').filter(Boolean).map(s => ltr(s)));
  if (name === 'targetBody') return ltr(shortOfBody(meeting, value));
  if (['first', 'layout', 'size', 'limit', 'total', 'pages', 'parts', 'offset'].includes(name)) return Number(value); // 'line', 'max': below
  if (name.endsWith('Minutes')) return minutesFormat().format(Number(value));
  if (name === 'planned' || name === 'today') {
    // The year is said only when the two days are in different years, as the server's English does.
    const year = yearsDiffer ? 'numeric' : undefined;
    return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year, timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
  }
  // The definition's problems (the secretariat's page): bodies missing from a sitting, the meeting's and a sitting's
  // days as dates, sizes and a JSON error's line and byte as numbers.
  if (name === 'missing') return list(value.split(',').filter(Boolean).map(id => ltr(shortOfBody(meeting, id))));
  if (name === 'date' || name === 'startDate' || name === 'endDate') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return ltr(value); // a draft's day not given yet
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
  }
  if (name === 'length' || name === 'max' || name === 'line' || name === 'column') return Number(value);
  if (name === 'at' || name === 'end') {
    return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(value));
  }
  if (name === 'when') {
    return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone })
      .format(new Date(value));
  }
  // The floor, the delegations and announcements: a delegation by the name the page knows (the list of speakers it
  // shows, the chair's list of delegations; see floor.js), a request's kind in the floor's own words, plain limits.
  if (name === 'delegation' || name === 'keyDelegation') return meeting?.delegations?.find(d => d.id === value)?.name ?? value;
  if (name === 'kind') return t(`floor.kindLower.${value}`);
  if (name === 'max') return Number(value);
  if (name.endsWith('Seconds')) return secondsFormat().format(Number(value));
  if (name === 'until') {
    return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone })
      .format(new Date(value));
  }
  return ltr(value); // ids, versions, actions: kept as they are, left to right
}

/**
 * What the server said, for the page: { text, lang }. lang is '' when the text is in the page's language and 'en'
 * when the page fell back to the server's English (a code its catalogue does not know, or no code at all).
 */
export function serverText(said, english, meeting = null) {
  const key = said?.code ? `server.${said.code}` : null;
  const template = key ? t(key, { count: 0 }) : key;
  if (!key || template === key) {
    return { text: english ?? '', lang: lang === 'en' ? '' : 'en' };
  }
  const timeZone = meeting?.timeZone;
  const given = said.args ?? {};
  const yearsDiffer = Boolean(given.planned && given.today && given.planned.slice(0, 4) !== given.today.slice(0, 4));
  const args = Object.fromEntries(Object.entries(given).map(([name, value]) => [name, argument(name, value, meeting, timeZone, yearsDiffer)]));
  return { text: t(key, args), lang: '' };
}

/** What the server said as a new element (a span unless told), marked lang="en" when it is the English fallback. */
export function serverTextElement(said, english, meeting = null, tag = 'span') {
  const element = document.createElement(tag);
  showServerText(element, said, english, meeting);
  return element;
}

/**
 * A catalogue sentence that places something the server said, such as "Line {line}: {message}", as nodes: the sentence's
 * own words around the element (in the placeholder <name>), so only the server's words carry lang="en" when they fall
 * back to English. The marker is a private-use character, which the catalogue's left-to-right isolation leaves alone.
 */
export function around(key, params, element, name = 'message') {
  const marker = '\uE000';
  const [before, after = ''] = t(key, { ...params, [name]: marker }).split(marker);
  return [before, element, after].filter(part => part !== '');
}

/** Puts what the server said into an element, marking its language when it is the English fallback. */
export function showServerText(element, said, english, meeting = null) {
  const { text, lang: code } = serverText(said, english, meeting);
  element.textContent = text;
  if (code) element.lang = code; else element.removeAttribute('lang');
  return text;
}
