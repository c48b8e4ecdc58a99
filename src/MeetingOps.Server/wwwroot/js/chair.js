// The chair's console: one click (or one key) per action, every action a command through the hub carrying the
// chair key, which the meeting grain checks, and the presiding officer's name, which goes into the record.
// The console keeps no rules of its own: what may be done now (`allowed` per item and sitting), which item comes
// next (`nextItemId` per sitting in progress) and what Undo would undo (`undo`) come in the snapshot from the server.
// A command pressed while the connection is down is held and sent when it is back, under the same idempotency key,
// so it applies at most once; the chair sees that it is held, and can cancel it.
/* global signalR */
import { followMeeting, serverMessage } from './live.js';
import { newIdempotencyKey } from './api.js';
import { t, list } from './i18n.js';
import { serverText } from './server-text.js';
import {
  meetingIdFromPath, itemById, sessionById, itemLabel, groupedNumbers, sessionWhen, sessionBodies, bodyShortName,
  itemStatusPill, sessionStatusPill, h, fill, capLeft, duration, formatWords, venueTimeOf, venueClock, zoneCity, titleNodes, bodyName,
} from './meeting.js';

const meetingId = meetingIdFromPath();
const keyName = `meetingops:chair-key:${meetingId}`;
const nameKey = 'meetingops:presiding';
const sittingKey = `meetingops:operated-sitting:${meetingId}`;
const $ = id => document.getElementById(id);

let live = null;
let chairKey = sessionStorage.getItem(keyName);
let presiding = sessionStorage.getItem(nameKey);
let operated = sessionStorage.getItem(sittingKey);
let chosenStart = null;
let armed = null; // the action waiting for its confirmation: { id, until }
let offDay = null; // a start the server asked the chair to confirm (another day than planned): { sessionId, question }
let pending = null; // the command on its way or held: { key, label, send, state: 'held' | 'sending' }
// Keys pressed while a command is on its way, sent in order once it is answered. The push of a change reaches the
// console before the answer to it, so a chair pressing Start then N at once would otherwise see N refused.
const queued = [];
const mostQueued = 3;
const recent = [];
let openedAt = {}; // itemId -> when it was last taken up, from the log as corrected
let schedule = null;
let scheduleTimer = null;

const actionWords = Object.fromEntries(['open', 'continue', 'conclude', 'adopt', 'defer', 'reopen', 'start', 'suspend', 'resume', 'end', 'undo']
  .map(action => [action, t(`chair.done.${action}`)]));
// An item's status in the words of the action that led to it ("It was adopted").
const statusWords = { ...actionWords, continued: actionWords.continue, concluded: actionWords.conclude, adopted: actionWords.adopt, deferred: actionWords.defer };

// --- the key and who presides -----------------------------------------------------------------------------------

function showOnly(panel) {
  for (const id of ['key-panel', 'name-panel', 'console']) {
    $(id).hidden = id !== panel;
  }
  $('forget-key').hidden = panel === 'key-panel';
  $('presiding').hidden = !presiding || panel === 'key-panel';
}

function askForKey(why) {
  showOnly('key-panel');
  $('key-error').textContent = why ?? '';
  $('key-input').value = '';
  $('name-input').value = presiding ?? '';
  $('key-input').focus();
}

function askForName() {
  showOnly('name-panel');
  $('name-change').value = presiding ?? '';
  $('name-change').focus();
}

function usePresiding(name) {
  presiding = name;
  sessionStorage.setItem(nameKey, name);
  $('presiding').textContent = t('chair.presiding', { name });
}

function showConsole() {
  if (!chairKey) {
    askForKey();
  } else if (!presiding) {
    askForName();
  } else {
    showOnly('console');
    render();
  }
}

$('key-form').addEventListener('submit', event => {
  event.preventDefault();
  const key = $('key-input').value.trim();
  const name = $('name-input').value.trim();
  if (key && name) {
    chairKey = key;
    sessionStorage.setItem(keyName, key);
    usePresiding(name);
    showConsole();
    say(t('chair.keyKept', { name }));
  }
});

$('name-form').addEventListener('submit', event => {
  event.preventDefault();
  const name = $('name-change').value.trim();
  if (name) {
    usePresiding(name);
    showConsole();
    say(t('chair.presidesNow', { name }));
  }
});

$('presiding').addEventListener('click', askForName);

$('forget-key').addEventListener('click', () => {
  sessionStorage.removeItem(keyName);
  chairKey = null;
  askForKey();
});

// --- what is on screen ------------------------------------------------------------------------------------------

function say(text, kind = 'info', textLang = '') {
  const message = $('message');
  message.textContent = text;
  message.className = `message message-${kind}`;
  // The server's English, when the catalogue lacks its phrase, is marked so a screen reader reads it as English.
  if (textLang) message.lang = textLang; else message.removeAttribute('lang');
}

function describe(meeting, entry) {
  if (entry.action === 'undo') {
    return t('chair.correction', { version: entry.corrects });
  }
  if (entry.subject === 'item') {
    const item = itemById(meeting, entry.itemId);
    const done = t('chair.itemDone', { item: item ? itemLabel(meeting, item) : entry.itemId, done: actionWords[entry.action] ?? entry.action });
    return entry.note ? t('common.withNote', { text: done, note: entry.note }) : done;
  }
  return t('chair.sessionDone', { session: sittingWords(meeting, entry.sessionId), done: actionWords[entry.action] ?? entry.action });
}

/** The sittings a chair can operate now: in progress or suspended. */
function operable(meeting) {
  return meeting.sessions.filter(s => s.status === 'inProgress' || s.status === 'suspended');
}

/** The sitting this console operates: the one picked, else the meeting's current one, else the first. */
function sitting(meeting) {
  const list = operable(meeting);
  return list.find(s => s.id === operated) ?? list.find(s => s.id === meeting.currentSessionId) ?? list[0] ?? null;
}

function operate(sessionId) {
  operated = sessionId;
  sessionStorage.setItem(sittingKey, sessionId);
}

const allows = (subject, action) => Boolean(subject?.allowed?.includes(action));

function sittingName(meeting, session) {
  return `${sessionWhen(session)} · ${sessionBodies(meeting, session).map(bodyShortName).join(' + ')}`;
}

/** A sitting as the room names it (day, hours, bodies), not its id: "2022-05-23-am" means nothing at the podium. */
function sittingWords(meeting, sessionId) {
  const session = meeting.sessions.find(s => s.id === sessionId);
  return session ? sittingName(meeting, session) : sessionId;
}

function render() {
  const meeting = live?.meeting;
  if (!meeting) {
    return;
  }
  document.title = `${t('chair.pageTitle')} · ${meeting.title}`;
  $('meeting-title').textContent = meeting.title;
  const session = sitting(meeting);
  document.body.dataset.sitting = session?.id ?? ''; // the list of speakers (floor.js) follows the sitting operated here
  renderPicker(meeting, session);
  renderSitting(meeting, session);
  renderCurrent(meeting, session);
  renderNext(meeting, session);
  renderPlan(meeting, session);
  renderUndo(meeting);
  renderPending();
  renderLog(meeting);
  renderForecast(meeting, session);
  renderClocks();
}

/** With more than one sitting in progress (two bodies sitting apart), the chair picks the one this console operates. */
function renderPicker(meeting, session) {
  const list = operable(meeting);
  if (list.length < 2) {
    fill($('sitting-picker'));
    return;
  }
  const select = h('select', { id: 'operate-session', 'aria-label': t('chair.operates') },
    list.map(s => h('option', { value: s.id, selected: s.id === session.id }, sittingName(meeting, s))));
  select.addEventListener('change', () => { operate(select.value); armed = null; render(); });
  fill($('sitting-picker'), h('div', { class: 'field field-inline' },
    h('label', { for: 'operate-session' }, t('chair.operatesOf', { count: list.length })), select));
}

/** The confirmation step of an action that is hard to take back: the first press arms it, the second runs it. */
function confirming(id) {
  return armed?.id === id && armed.until > Date.now();
}

function arm(id, question) {
  armed = { id, until: Date.now() + 6000 };
  say(question, 'warning');
  setTimeout(() => { if (armed?.id === id && armed.until <= Date.now()) { armed = null; render(); } }, 6100);
  render();
}

function startControls(meeting, inProgress) {
  const startable = meeting.sessions.filter(s => allows(s, 'start'));
  if (startable.length === 0) {
    return null;
  }
  if (!chosenStart || !startable.some(s => s.id === chosenStart)) {
    chosenStart = [...startable].sort((a, b) => a.startUtc.localeCompare(b.startUtc))[0].id;
  }
  const select = h('select', { id: 'start-session', 'aria-label': t('chair.sessionToStart') },
    startable.map(s => h('option', { value: s.id, selected: s.id === chosenStart }, sittingName(meeting, s))));
  select.addEventListener('change', () => { chosenStart = select.value; render(); });
  const chosen = sessionById(meeting, chosenStart);
  const button = h('button', {
    id: 'do-start', class: inProgress ? 'button' : 'button button-primary', type: 'button',
    onclick: () => startSitting(chosenStart, false),
  }, inProgress ? t('chair.startToo') : t('chair.start'));
  // The server's question when the sitting is planned for another day; a second, deliberate press confirms it.
  const confirm = offDay?.sessionId === chosenStart
    ? h('button', { id: 'do-start-confirm', class: 'button button-danger', type: 'button', onclick: () => startSitting(offDay.sessionId, true) }, t('chair.startToday'))
    : null;
  const controls = [
    h('p', { class: 'muted' }, `${inProgress ? '' : `${t('chair.nextColon')} `}${sessionWhen(chosen)}, ${list(sessionBodies(meeting, chosen).map(bodyName))}`),
    h('div', { class: 'field' }, h('label', { for: 'start-session' }, t('chair.session')), select),
    confirm ? h('p', { class: 'hint', id: 'start-question' }, offDay.question) : null,
    h('div', { class: 'actions' }, button, confirm),
  ];
  // While a sitting runs, starting another (a parallel sitting of another body) is one step further away.
  return inProgress
    ? h('details', { id: 'start-other', class: 'start-other', open: $('start-other')?.open ?? false },
      h('summary', {}, t('chair.startAnother')), controls)
    : controls;
}

function renderSitting(meeting, session) {
  const actions = $('sitting-actions');
  if (!session) {
    fill($('sitting-status'));
    const controls = startControls(meeting, false);
    fill($('sitting'), h('p', { class: 'lead' }, controls ? t('chair.noSitting') : t('chair.noneLeft')), controls);
    fill(actions);
    return;
  }
  fill($('sitting-status'), sessionStatusPill(session.status));
  const left = capLeft(session);
  fill($('sitting'),
    h('p', { class: 'sitting-line' }, h('strong', {}, sessionWhen(session)), ' · ',
      `${list(sessionBodies(meeting, session).map(bodyName))} · ${formatWords[session.format] ?? session.format}`),
    left === null ? null : h('p', { id: 'cap' }));
  renderCap(session);
  const buttons = [];
  if (allows(session, 'suspend')) {
    buttons.push(h('button', { id: 'do-suspend', class: 'button', type: 'button', onclick: () => command(t('chair.suspendSession', { session: sittingName(meeting, session) }), 'session', session.id, 'suspend') }, t('chair.suspend')));
  }
  if (allows(session, 'resume')) {
    buttons.push(h('button', { id: 'do-resume', class: 'button button-primary', type: 'button', onclick: () => command(t('chair.resumeSession', { session: sittingName(meeting, session) }), 'session', session.id, 'resume') }, t('chair.resume')));
  }
  if (allows(session, 'end')) {
    const id = `end:${session.id}`;
    const sure = confirming(id);
    buttons.push(h('button', {
      id: 'do-end', class: sure ? 'button button-danger' : 'button button-quiet', type: 'button',
      onclick: () => sure ? (armed = null, command(t('chair.endSession', { session: sittingName(meeting, session) }), 'session', session.id, 'end'))
        : arm(id, t('chair.endQuestion', { session: sittingName(meeting, session) })),
    }, sure ? t('chair.confirmEnd') : t('chair.end')));
  }
  const more = startControls(meeting, true);
  fill(actions, buttons, more);
}

function renderCap(session) {
  const element = $('cap');
  const left = capLeft(session);
  if (!element || left === null) {
    return;
  }
  element.className = left < 15 * 60000 ? 'cap cap-warning' : 'cap';
  element.textContent = left >= 0
    ? `${t('display.interpretationUntil', { time: venueTimeOf(session.interpretationEnd, live.meeting.timeZone) })} · ${duration(left)}`
    : `${t('display.overCap', { count: session.capMinutes })} ${duration(-left)}`;
}

function renderCurrent(meeting, session) {
  const item = session ? itemById(meeting, session.currentItemId) : null;
  for (const [button, action] of [['do-continue', 'continue'], ['do-conclude', 'conclude'], ['do-adopt', 'adopt']]) {
    $(button).disabled = !allows(item, action);
    $(button).title = !item ? t('floor.noItem') : allows(item, action) ? '' : t('chair.cannot', { label: itemLabel(meeting, item), done: actionWords[action] });
  }
  if (item && !item.adoptable) {
    $('do-adopt').title = t('chair.notAdoptable');
  }
  const deferId = item ? `defer:${item.id}` : null;
  $('do-defer').hidden = !allows(item, 'defer');
  $('do-defer').textContent = item && confirming(deferId) ? t('chair.confirmDefer', { label: itemLabel(meeting, item) }) : t('chair.deferEllipsis');
  $('do-defer').className = item && confirming(deferId) ? 'button button-danger' : 'button button-quiet';
  // Rebuilt only when the item changes: the chair's eyes (and a screen reader) stay on the same text between pushes.
  const shown = item ? `${item.id}\n${item.title}\n${JSON.stringify(item.numbers)}` : `none\n${Boolean(session)}`;
  if ($('current').dataset.shown === shown) {
    return;
  }
  $('current').dataset.shown = shown;
  if (!item) {
    fill($('current'), h('p', { class: 'lead muted' }, session ? t('floor.noItem') : t('chair.noSitting')));
    return;
  }
  fill($('current'),
    h('p', { class: 'item-numbers' }, groupedNumbers(meeting, item).map(g => h('span', { class: 'number-chip' },
      meeting.bodies.length > 1 ? `${g.shorts.join(' + ')} · ${t('item.number', { number: g.number })}` : t('item.label', { number: g.number })))),
    h('p', { class: 'item-title-large', id: 'current-title' }, titleNodes(item)));
}

function renderNext(meeting, session) {
  const next = session ? itemById(meeting, session.nextItemId) : null;
  const current = session ? itemById(meeting, session.currentItemId) : null;
  // Why there is no next item, in words; whether there is one is the server's answer (nextItemId).
  const why = !session ? t('chair.startFirst')
    : session.status !== 'inProgress' ? t('chair.resumeFirst')
      : current ? t('chair.concludeFirst', { label: itemLabel(meeting, current) })
        : !next ? t('display.nothingMore') : null;
  $('do-next').disabled = !next;
  $('do-next').title = why ?? '';
  if (!next) {
    fill($('next'), h('p', { class: 'muted', id: 'next-why' }, why));
    return;
  }
  fill($('next'),
    h('p', { class: 'next-label' }, `${t('chair.nextColon')} ${itemLabel(meeting, next)}`),
    h('p', { class: 'next-title', id: 'next-title' }, titleNodes(next)));
}

function plannedMinutes(sessionId, itemId) {
  const planned = schedule?.plan?.sessions?.find(s => s.sessionId === sessionId);
  return planned?.allocations?.find(a => a.itemId === itemId)?.minutes ?? null;
}

function renderPlan(meeting, session) {
  const list = $('plan');
  if (!session) {
    fill(list, h('li', { class: 'muted' }, t('chair.noSitting')));
    return;
  }
  const free = session.status === 'inProgress' && !session.currentItemId;
  fill(list, session.planned.map(planned => {
    const item = itemById(meeting, planned.item);
    if (!item) {
      return null;
    }
    const minutes = plannedMinutes(session.id, item.id);
    const label = itemLabel(meeting, item);
    const buttons = [];
    if (free && allows(item, 'open')) {
      buttons.push(h('button', { class: 'button button-small plan-open', type: 'button', onclick: () => command(t('chair.takeUpLabel', { label }), 'item', item.id, 'open', session.id) }, t('chair.takeUp')));
    }
    for (const [action, question] of [
      ['reopen', t('chair.reopenQuestion', { label, was: statusWords[item.status] ?? item.status })],
      ['defer', t('chair.deferQuestion', { label })]]) {
      if (action === 'defer' && item.id === session.currentItemId) {
        continue; // the current item's Defer is next to its other actions
      }
      if (allows(item, action)) {
        const id = `${action}:${item.id}`;
        const sure = confirming(id);
        buttons.push(h('button', {
          class: `button button-small plan-${action}${sure ? ' button-danger' : ''}`, type: 'button',
          onclick: () => sure ? (armed = null, command(t(`chair.verbLabel.${action}`, { label }), 'item', item.id, action, action === 'reopen' ? session.id : null)) : arm(id, question),
        }, sure ? t(`chair.confirmVerb.${action}`) : t(`chair.verbEllipsis.${action}`)));
      }
    }
    return h('li', { class: item.id === session.currentItemId ? 'plan-item is-current' : 'plan-item', dataset: { item: item.id } },
      h('div', { class: 'plan-text' },
        h('span', { class: 'plan-number' }, label, planned.continued ? ` ${t('item.continued')}` : ''),
        h('span', { class: 'plan-title' }, titleNodes(item)),
        minutes === null ? null : h('span', { class: 'plan-minutes' }, t('chair.minutesPlanned', { count: minutes }))),
      h('div', { class: 'plan-side' }, itemStatusPill(item.status), buttons));
  }));
}

function renderUndo(meeting) {
  // What Undo would undo is the server's (a rule lives once), as a phrase in the viewer's language; English, marked
  // so (a screen reader reads it as English), only when the catalogue lacks the phrase.
  const said = meeting.undoText ? serverText(meeting.undoText, null, meeting) : null;
  const words = said?.text;
  $('undo-text').textContent = words ?? t('chair.nothingToUndo');
  $('undo-text').lang = said?.lang ?? '';
  $('do-undo').disabled = !words;
  $('do-undo').title = words ?? t('chair.nothingToUndo');
  $('do-undo').dataset.titleLang = said?.lang ?? '';
}

function renderPending() {
  const box = $('pending');
  if (!pending) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  $('pending-text').textContent = pending.state === 'held'
    ? t('chair.heldText', { label: pending.label })
    : t('chair.sendingText', { label: pending.label });
  $('cancel-pending').hidden = pending.state !== 'held';
}

function renderLog(meeting) {
  fill($('log'), recent.slice(0, 8).map(entry =>
    h('li', {}, h('span', { class: 'log-version' }, `v${entry.version}`), ' ', describe(meeting, entry),
      entry.actor?.name ? h('span', { class: 'log-actor' }, ` · ${entry.actor.name}`) : null,
      h('span', { class: 'log-time' }, ` · ${venueTimeOf(entry.at, meeting.timeZone)}`))));
}

/** The venue's clock and how long the current item has been under consideration (since it was last taken up). */
function renderClocks() {
  const meeting = live?.meeting;
  if (!meeting) {
    return;
  }
  $('venue-clock').textContent = `${zoneCity(meeting.timeZone)} ${venueClock(meeting.timeZone, new Date(), true)}`;
  const session = sitting(meeting);
  const since = session?.currentItemId ? openedAt[session.currentItemId] : null;
  $('current-elapsed').textContent = since ? t('chair.elapsed', { time: duration(Date.now() - new Date(since).getTime()), since: venueTimeOf(since, meeting.timeZone) }) : '';
  if (session) {
    renderCap(session);
  }
}

/** The planner's forecast for the sitting, when the host has one (GET /api/meetings/{id}/schedule); hidden otherwise. */
function renderForecast(meeting, session) {
  const card = $('forecast-card');
  const forecast = schedule?.forecast;
  if (!forecast) {
    card.hidden = true;
    return;
  }
  card.hidden = false;
  const zone = meeting.timeZone;
  const projected = session ? forecast.sessions.find(s => s.sessionId === session.id) : null;
  const lines = [];
  if (projected) {
    const over = projected.minutesOver;
    lines.push(h('p', { class: over > 0 ? 'forecast-line is-over' : 'forecast-line' },
      t('chair.projected', { time: venueTimeOf(projected.projectedEnd, zone) }),
      over > 0 ? ` — ${t('chair.minutesOver', { count: over })}` : over < 0 ? ` — ${t('chair.minutesToSpare', { count: -over })}` : ` — ${t('chair.onTime')}`,
      projected.capAt ? ` · ${t('chair.capAt', { time: venueTimeOf(projected.capAt, zone) })}` : ''));
    const items = forecast.items
      .filter(i => i.segments.some(seg => seg.sessionId === session.id) && i.projectedStart)
      .slice(0, 5);
    if (items.length > 0) {
      lines.push(h('ul', { class: 'forecast-items' }, items.map(i => {
        const item = itemById(meeting, i.itemId);
        return h('li', {}, h('span', { class: 'forecast-time' }, venueTimeOf(i.projectedStart, zone)), ' ',
          item ? itemLabel(meeting, item) : i.itemId, i.unplacedMinutes > 0 ? ` ${t('chair.unplaced', { count: i.unplacedMinutes })}` : '');
      })));
    }
  } else {
    lines.push(h('p', { class: 'muted' }, t('chair.noSitting')));
  }
  fill($('forecast'), lines);
  const warnings = (schedule.warnings ?? forecast.warnings ?? [])
    .filter(w => !session || !w.sessionId || w.sessionId === session.id);
  fill($('warnings'), warnings.slice(0, 6).map(w => {
    const said = serverText(w.text, w.message, meeting); // the planner's words, in the viewer's language
    return h('li', { class: `warning warning-${w.kind}`, lang: said.lang || undefined }, said.text);
  }),
    warnings.length > 6 ? h('li', { class: 'muted' }, t('chair.moreWarnings', { count: warnings.length - 6 })) : null);
}

/** Fetches the schedule a moment after a change (several changes in a row make one request). */
function refreshSchedule() {
  clearTimeout(scheduleTimer);
  scheduleTimer = setTimeout(async () => {
    try {
      const response = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/schedule`);
      schedule = response.ok ? await response.json() : null;
    } catch {
      schedule = null;
    }
    render();
  }, 300);
}

/** The log as corrected (no slips, no undo entries): when each item was last taken up; and the latest changes. */
async function loadLog() {
  try {
    const response = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/log`);
    if (!response.ok) {
      return;
    }
    const entries = await response.json();
    const corrected = new Set(entries.filter(e => e.action === 'undo').map(e => e.corrects));
    const opened = {};
    for (const entry of entries) {
      if (entry.subject === 'item' && entry.action !== 'undo' && !corrected.has(entry.version) && (entry.action === 'open' || entry.action === 'reopen')) {
        opened[entry.itemId] = entry.at;
      }
    }
    openedAt = opened;
    recent.splice(0, recent.length, ...entries.slice(-8).reverse());
    render();
  } catch {
    // The latest changes and the item's time are a convenience; the console works without them.
  }
}

// --- commands ---------------------------------------------------------------------------------------------------

/** Starts a sitting; confirmed, when the server asked because the sitting is planned for another day. */
function startSitting(id, confirmed) {
  const send = key => live.command({
    kind: 'session', id, action: 'start', chairKey, idempotencyKey: key, actorName: presiding, confirm: confirmed ? 'offDay' : null,
  });
  run(t('chair.startSession', { session: sittingWords(live.meeting, id) }), send, reply => {
    if (reply.accepted) {
      operate(id);
      offDay = null;
    } else if (reply.problem.code === 'offDay') {
      offDay = { sessionId: id, question: serverText(reply.problem.text, reply.problem.detail.split(' To start')[0], live.meeting).text };
    }
  });
}

/** An item or sitting command, sent as the presiding officer. */
function command(label, kind, id, action, sessionId = null, then = null) {
  run(label, key => live.command({ kind, id, action, chairKey, idempotencyKey: key, sessionId, actorName: presiding }), then);
}

/**
 * Sends a command, once. While one is on its way or held, another press is refused in words (two commands racing
 * a reconnect could apply in the wrong order). Offline, the command is held and sent when the connection is back.
 */
function run(label, send, then = null, undo = null) {
  if (!live) {
    return;
  }
  if (!chairKey) {
    askForKey();
    return;
  }
  if (pending?.state === 'sending' && queued.length < mostQueued) {
    queued.push({ label, send, then, undo });
    say(t('chair.queuedAfter', { label, pending: pending.label }), 'info');
    return;
  }
  if (pending) {
    say(pending.state === 'held' ? t('chair.stillHeld', { pending: pending.label }) : t('chair.stillSending', { pending: pending.label }), 'error');
    return;
  }
  pending = { key: newIdempotencyKey(), label, send, then, undo, state: 'held', answered: false };
  if (live.connection.state !== signalR.HubConnectionState.Connected) {
    hold();
    return;
  }
  attempt();
}

function hold() {
  pending.state = 'held';
  say(t('chair.held', { label: pending.label }), 'warning');
  render();
}

async function attempt() {
  const command = pending;
  command.state = 'sending';
  renderPending();
  // Every command has a visible outcome within seconds: no answer yet is said too.
  const slow = setTimeout(() => {
    if (pending === command && command.state === 'sending') {
      say(t('chair.noAnswer', { label: command.label }), 'warning');
    }
  }, 3000);
  let reply;
  try {
    reply = await command.send(command.key);
  } catch (error) {
    clearTimeout(slow);
    const message = serverMessage(error);
    if (message) {
      pending = null;
      say(t('chair.notDone', { message }), 'error');
      render();
      dropQueued(t('chair.wasNotDone', { label: command.label }));
    } else if (pending === command) {
      // The connection broke on the way: it may or may not have arrived. Sent again under the same key, it applies once.
      hold();
    }
    return;
  }
  clearTimeout(slow);
  if (pending === command) {
    pending = null;
  }
  if (command.answered) {
    sendQueued();
    return; // a send held over a reconnect can be answered twice (the same key: applied once); say it once
  }
  command.answered = true;
  handleReply(command, reply);
  command.then?.(reply);
  render();
  if (reply.accepted) {
    sendQueued();
  } else {
    dropQueued(t('chair.wasRefused', { label: command.label }));
  }
}

/** The next key pressed while the last command was on its way, now that it is answered. */
function sendQueued() {
  const next = queued.shift();
  if (next && !pending) {
    run(next.label, next.send, next.then, next.undo);
  }
}

/** After a refusal the keys pressed behind it are not sent: the chair decides again on what the console now shows. */
function dropQueued(why) {
  if (queued.length > 0) {
    // Added to the refusal already shown, which says why.
    const labels = queued.splice(0).map(c => c.label).join(', ');
    say(`${$('message').textContent} ${t('chair.notSentAfter', { labels, why })}`, 'error');
  }
}

/** Sends the held command when the connection is back and the console has the fresh snapshot. */
function sendHeld() {
  if (pending?.state === 'held' && live.connection.state === signalR.HubConnectionState.Connected) {
    attempt();
  }
}

$('cancel-pending').addEventListener('click', () => {
  if (pending?.state === 'held') {
    say(t('chair.cancelled', { label: pending.label }), 'info');
    queued.length = 0;
    pending = null;
    render();
  }
});

function handleReply(command, reply) {
  if (!reply.accepted) {
    const problem = reply.problem;
    if (problem.status === 401 || problem.status === 403) {
      sessionStorage.removeItem(keyName);
      chairKey = null;
      askForKey(`${serverText(problem.text, problem.detail, live.meeting).text} ${t('chair.enterKeyAgain')}`);
      return;
    }
    if (problem.code === 'offDay') {
      say(`${serverText(problem.text, problem.detail.split(' To start')[0], live.meeting).text} ${t('chair.pressStartToday')}`, 'warning');
      return;
    }
    const said = serverText(problem.text, problem.detail, live.meeting);
    say(t('chair.notDone', { message: said.text }), 'error', said.lang);
    return;
  }
  const words = reply.applied.map(entry => describe(live.meeting, entry)).join('; ');
  const done = reply.replayed ? t('chair.alreadyDone') : t('chair.doneWord');
  say(command.undo ? `${done} — ${command.undo}.` : `${done}: ${words}.`, 'success');
}

function perform(button) {
  if (!button.disabled && !button.hidden) {
    button.click();
  } else if (button.title) {
    say(button.title, 'warning');
  }
}

$('do-next').addEventListener('click', () => {
  const session = sitting(live.meeting);
  const next = session ? itemById(live.meeting, session.nextItemId) : null;
  if (next) {
    command(t('chair.takeUpLabel', { label: itemLabel(live.meeting, next) }), 'item', next.id, 'open', session.id);
  }
});
for (const [button, action] of [['do-continue', 'continue'], ['do-conclude', 'conclude'], ['do-adopt', 'adopt']]) {
  $(button).addEventListener('click', () => {
    const session = sitting(live.meeting);
    const item = session ? itemById(live.meeting, session.currentItemId) : null;
    if (item) {
      command(t(`chair.verbLabel.${action}`, { label: itemLabel(live.meeting, item) }), 'item', item.id, action);
    }
  });
}
$('do-defer').addEventListener('click', () => {
  const meeting = live.meeting;
  const session = sitting(meeting);
  const item = session ? itemById(meeting, session.currentItemId) : null;
  if (!item) {
    return;
  }
  const id = `defer:${item.id}`;
  if (confirming(id)) {
    armed = null;
    command(t('chair.verbLabel.defer', { label: itemLabel(meeting, item) }), 'item', item.id, 'defer');
  } else {
    arm(id, t('chair.deferPress', { label: itemLabel(meeting, item) }));
  }
});
$('do-undo').addEventListener('click', () => {
  if (!live.meeting.undoText) {
    return;
  }
  const words = serverText(live.meeting.undoText, null, live.meeting).text;
  // The version the chair saw: if the meeting moved on, the undo is refused rather than taking back something else.
  const seen = live.version;
  run(words, key => live.undo({ chairKey, idempotencyKey: key, expectedVersion: seen, actorName: presiding }), null, words);
});

document.addEventListener('keydown', event => {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || $('console').hidden) {
    return;
  }
  const target = event.target;
  if (target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) {
    return;
  }
  const button = { n: 'do-next', c: 'do-continue', k: 'do-conclude', a: 'do-adopt', u: 'do-undo' }[event.key.toLowerCase()];
  if (button) {
    event.preventDefault();
    perform($(button));
  }
});

// --- the connection ---------------------------------------------------------------------------------------------

function showStatus(status) {
  const words = Object.fromEntries(['connecting', 'live', 'reconnecting', 'offline'].map(s => [s, t(`connection.${s}`)]));
  const element = $('connection');
  element.textContent = words[status] ?? status;
  element.className = `connection connection-${status}`;
  if (status !== 'live' && pending?.state === 'sending') {
    hold();
  }
}

if (!meetingId) {
  say(t('common.noMeeting'), 'error');
} else {
  if (presiding) {
    usePresiding(presiding);
  }
  live = followMeeting(meetingId, {
    onSnapshot: () => {
      // After a (re)connect the console shows the meeting as the server has it, then sends what it held.
      armed = null;
      loadLog();
      refreshSchedule();
      render();
      sendHeld();
    },
    onChange: (meeting, changes) => {
      recent.unshift(...[...changes].reverse());
      recent.splice(12);
      if (changes.some(c => c.action === 'undo')) {
        loadLog();
      }
      for (const change of changes) {
        if (change.subject === 'item' && (change.action === 'open' || change.action === 'reopen')) {
          openedAt[change.itemId] = change.at;
        }
      }
      refreshSchedule();
      render();
    },
    onStatus: showStatus,
    onError: message => { $('meeting-title').textContent = message; say(message, 'error'); },
  });
  setInterval(renderClocks, 1000);
  setInterval(refreshSchedule, 60000); // the forecast moves with the clock too
  showConsole();
}
