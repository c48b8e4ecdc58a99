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

/** Puts what the server said into an element, marking its language when it is the English fallback. */
export function showServerText(element, said, english, meeting = null) {
  const { text, lang: code } = serverText(said, english, meeting);
  element.textContent = text;
  if (code) element.lang = code; else element.removeAttribute('lang');
  return text;
}
