// The chair's console: one click (or one key) per action, every action a command through the hub carrying the
// chair key, which the meeting grain checks. Undo sends the inverse command where the rules have one.
import { followMeeting, newIdempotencyKey, serverMessage } from './live.js';
import {
  meetingIdFromPath, itemById, sessionById, itemLabel, groupedNumbers, currentSession, nextScheduledSession, nextItem,
  sessionWhen, sessionBodies, itemStatusPill, sessionStatusPill, h, fill, capLeft, duration, formatWords, venueTimeOf,
} from './meeting.js';

const meetingId = meetingIdFromPath();
const keyName = `meetingops:chair-key:${meetingId}`;
const lastName = `meetingops:last-action:${meetingId}`;
const $ = id => document.getElementById(id);

let live = null;
let chairKey = sessionStorage.getItem(keyName);
let lastAction = JSON.parse(sessionStorage.getItem(lastName) ?? 'null');
let busy = false;
let chosenStart = null;
let endArmed = null;
const recent = [];
let schedule = null;
let scheduleTimer = null;

const actionWords = {
  open: 'taken up', continue: 'continued', conclude: 'concluded', adopt: 'adopted', defer: 'deferred', reopen: 'reopened',
  start: 'started', suspend: 'suspended', resume: 'resumed', end: 'ended',
};

// --- the key ----------------------------------------------------------------------------------------------------

function askForKey(why) {
  $('key-panel').hidden = false;
  $('console').hidden = true;
  $('forget-key').hidden = true;
  $('key-error').textContent = why ?? '';
  $('key-input').value = '';
  $('key-input').focus();
}

function useKey(key) {
  chairKey = key;
  sessionStorage.setItem(keyName, key);
  $('key-panel').hidden = true;
  $('console').hidden = false;
  $('forget-key').hidden = false;
  render();
}

$('key-form').addEventListener('submit', event => {
  event.preventDefault();
  const key = $('key-input').value.trim();
  if (key) {
    useKey(key);
    say('Key kept for this tab. It is checked with your first action.');
  }
});

$('forget-key').addEventListener('click', () => {
  sessionStorage.removeItem(keyName);
  chairKey = null;
  askForKey();
});

// --- what is on screen ------------------------------------------------------------------------------------------

function say(text, kind = 'info') {
  const message = $('message');
  message.textContent = text;
  message.className = `message message-${kind}`;
}

function describe(meeting, entry) {
  if (entry.subject === 'item') {
    const item = itemById(meeting, entry.itemId);
    return `${item ? itemLabel(meeting, item) : entry.itemId} ${actionWords[entry.action] ?? entry.action}${entry.note ? ` (${entry.note})` : ''}`;
  }
  return `Session ${entry.sessionId} ${actionWords[entry.action] ?? entry.action}`;
}

/** The sitting the console works on: the meeting's current one. */
function sitting(meeting) {
  return currentSession(meeting);
}

function render() {
  const meeting = live?.meeting;
  if (!meeting) {
    return;
  }
  document.title = `Chair console · ${meeting.title}`;
  $('meeting-title').textContent = meeting.title;
  const session = sitting(meeting);
  renderSitting(meeting, session);
  renderCurrent(meeting, session);
  renderNext(meeting, session);
  renderPlan(meeting, session);
  renderUndo(meeting);
  renderLog(meeting);
  renderForecast(meeting, session);
}

function renderSitting(meeting, session) {
  const actions = $('sitting-actions');
  if (!session) {
    fill($('sitting-status'));
    const scheduled = meeting.sessions.filter(s => s.status === 'scheduled');
    const next = nextScheduledSession(meeting);
    if (!next) {
      fill($('sitting'), h('p', { class: 'lead' }, 'No sitting in progress, and none is left to start.'));
      fill(actions);
      return;
    }
    if (!chosenStart || !scheduled.some(s => s.id === chosenStart)) {
      chosenStart = next.id;
    }
    const chosen = sessionById(meeting, chosenStart);
    const select = h('select', { id: 'start-session', 'aria-label': 'Session to start' },
      scheduled.map(s => h('option', { value: s.id, selected: s.id === chosenStart }, `${sessionWhen(s)} · ${s.id}`)));
    select.addEventListener('change', () => { chosenStart = select.value; render(); });
    fill($('sitting'),
      h('p', { class: 'lead' }, 'No sitting in progress.'),
      h('p', { class: 'muted' }, `Next: ${sessionWhen(chosen)}, ${sessionBodies(meeting, chosen).map(b => b.name).join(' and ')}`),
      h('div', { class: 'field' }, h('label', { for: 'start-session' }, 'Session'), select));
    fill(actions, h('button', {
      id: 'do-start', class: 'button button-primary', type: 'button',
      onclick: () => run('session', chosenStart, 'start'),
    }, 'Start sitting'));
    return;
  }
  fill($('sitting-status'), sessionStatusPill(session.status));
  const left = capLeft(session);
  fill($('sitting'),
    h('p', { class: 'lead' }, sessionWhen(session)),
    h('p', { class: 'muted' }, `${sessionBodies(meeting, session).map(b => b.name).join(' and ')} · ${formatWords[session.format] ?? session.format} · ${session.id}`),
    left === null ? null : h('p', { id: 'cap' }));
  renderCap(session);
  const buttons = [];
  if (session.status === 'inProgress') {
    buttons.push(h('button', { id: 'do-suspend', class: 'button', type: 'button', onclick: () => run('session', session.id, 'suspend') }, 'Suspend'));
  } else if (session.status === 'suspended') {
    buttons.push(h('button', { id: 'do-resume', class: 'button button-primary', type: 'button', onclick: () => run('session', session.id, 'resume') }, 'Resume'));
  }
  const armed = endArmed === session.id;
  buttons.push(h('button', {
    id: 'do-end', class: armed ? 'button button-danger' : 'button button-quiet', type: 'button',
    onclick: () => {
      if (endArmed === session.id) {
        endArmed = null;
        run('session', session.id, 'end');
      } else {
        endArmed = session.id;
        setTimeout(() => { if (endArmed === session.id) { endArmed = null; render(); } }, 5000);
        render();
        $('do-end').focus();
      }
    },
  }, armed ? 'Confirm: end the sitting' : 'End sitting'));
  fill(actions, buttons);
}

function renderCap(session) {
  const element = $('cap');
  const left = capLeft(session);
  if (!element || left === null) {
    return;
  }
  element.className = left < 15 * 60000 ? 'cap cap-warning' : 'cap';
  element.textContent = left >= 0
    ? `Time left under the ${session.capMinutes}-minute cap: ${duration(left)}`
    : `Over the ${session.capMinutes}-minute cap by ${duration(-left)}`;
}

function renderCurrent(meeting, session) {
  const item = session ? itemById(meeting, session.currentItemId) : null;
  const can = Boolean(item) && !busy;
  $('do-continue').disabled = !can;
  $('do-conclude').disabled = !can;
  $('do-adopt').disabled = !can || !item.adoptable;
  $('do-adopt').title = item && !item.adoptable ? 'Nothing is adopted under this item; conclude it instead.' : '';
  if (!item) {
    fill($('current-status'));
    fill($('current'), h('p', { class: 'lead muted' }, session ? 'No item is under consideration.' : 'No sitting in progress.'));
    return;
  }
  fill($('current-status'));
  fill($('current'),
    h('p', { class: 'item-numbers' }, groupedNumbers(meeting, item).map(g => h('span', { class: 'number-chip' },
      meeting.bodies.length > 1 ? `${g.shorts.join(' + ')} · item ${g.number}` : `Item ${g.number}`))),
    h('p', { class: 'item-title-large', id: 'current-title' }, item.title));
}

function renderNext(meeting, session) {
  const next = session ? nextItem(meeting, session) : null;
  const blocker = !session ? 'Start a sitting first.'
    : session.status !== 'inProgress' ? 'The sitting is suspended; resume it first.'
      : session.currentItemId ? `Continue or conclude ${itemLabel(meeting, itemById(meeting, session.currentItemId))} first.`
        : !next ? 'Every item planned for this sitting has been taken up.' : null;
  $('do-next').disabled = Boolean(blocker) || busy;
  $('do-next').title = blocker ?? '';
  if (!next) {
    fill($('next'), h('p', { class: 'muted' }, session ? 'Nothing more is planned for this sitting.' : 'No sitting in progress.'));
    return;
  }
  fill($('next'),
    h('p', { class: 'next-label' }, itemLabel(meeting, next.item), next.item.status === 'continued' ? ' (continued)' : ''),
    h('p', { class: 'next-title', id: 'next-title' }, next.item.title),
    blocker ? h('p', { class: 'hint' }, blocker) : null);
}

function renderPlan(meeting, session) {
  const list = $('plan');
  if (!session) {
    fill(list, h('li', { class: 'muted' }, 'No sitting in progress.'));
    return;
  }
  const free = session.status === 'inProgress' && !session.currentItemId;
  fill(list, session.planned.map(planned => {
    const item = itemById(meeting, planned.item);
    if (!item) {
      return null;
    }
    const takeable = free && (item.status === 'pending' || item.status === 'continued') && !busy;
    return h('li', { class: item.id === session.currentItemId ? 'plan-item is-current' : 'plan-item', dataset: { item: item.id } },
      h('div', { class: 'plan-text' },
        h('span', { class: 'plan-number' }, itemLabel(meeting, item), planned.continued ? ' (continued)' : ''),
        h('span', { class: 'plan-title' }, item.title)),
      h('div', { class: 'plan-side' },
        itemStatusPill(item.status),
        takeable ? h('button', { class: 'button button-small', type: 'button', onclick: () => run('item', item.id, 'open', { sessionId: session.id }) }, 'Take up') : null));
  }));
}

/** The inverse command of the last action, or why there is none. */
function undoFor(meeting, last) {
  if (!last) {
    return { text: 'Nothing to undo yet.' };
  }
  if (last.kind === 'item') {
    const item = itemById(meeting, last.id);
    const label = item ? itemLabel(meeting, item) : last.id;
    switch (last.action) {
      case 'open':
        return last.from === 'continued'
          ? { action: 'continue', text: `Undo taking up ${label}: continue it again.` }
          : { text: `Taking up ${label} cannot be undone: an item taken up cannot go back to pending. Continue or conclude it instead.` };
      case 'continue':
        return { action: 'open', text: `Undo continuing ${label}: take it up again.` };
      case 'conclude':
      case 'adopt':
        return { action: 'reopen', text: `Undo: reopen ${label} (it was ${actionWords[last.action]}).` };
      case 'reopen':
        return { action: last.from === 'adopted' ? 'adopt' : 'conclude', text: `Undo reopening ${label}: ${last.from === 'adopted' ? 'adopt' : 'conclude'} it again.` };
      default:
        return { text: `Deferring ${label} cannot be undone: a deferred item stays deferred for this meeting.` };
    }
  }
  switch (last.action) {
    case 'suspend':
      return { action: 'resume', text: `Undo suspending session ${last.id}: resume it.` };
    case 'resume':
      return { action: 'suspend', text: `Undo resuming session ${last.id}: suspend it again.` };
    case 'start':
      return { text: `Starting session ${last.id} cannot be undone: a sitting that has started cannot go back to scheduled. End it instead.` };
    default:
      return { text: `Ending session ${last.id} cannot be undone: an ended sitting stays ended.` };
  }
}

function renderUndo(meeting) {
  const undo = undoFor(meeting, lastAction);
  $('undo-text').textContent = undo.text;
  $('do-undo').disabled = !undo.action || busy;
}

function renderLog(meeting) {
  fill($('log'), recent.slice(0, 8).map(entry =>
    h('li', {}, h('span', { class: 'log-version' }, `v${entry.version}`), ' ', describe(meeting, entry),
      h('span', { class: 'log-time' }, ` · ${venueTimeOf(entry.at, meeting.timeZone)}`))));
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
      `Projected to end ${venueTimeOf(projected.projectedEnd, zone)}`,
      over > 0 ? ` — ${over} min over` : over < 0 ? ` — ${-over} min to spare` : ' — on time',
      projected.capAt ? ` · cap at ${venueTimeOf(projected.capAt, zone)}` : ''));
    const items = forecast.items
      .filter(i => i.segments.some(seg => seg.sessionId === session.id) && i.projectedStart)
      .slice(0, 5);
    if (items.length > 0) {
      lines.push(h('ul', { class: 'forecast-items' }, items.map(i => {
        const item = itemById(meeting, i.itemId);
        return h('li', {}, h('span', { class: 'forecast-time' }, venueTimeOf(i.projectedStart, zone)), ' ',
          item ? itemLabel(meeting, item) : i.itemId, i.unplacedMinutes > 0 ? ` (${i.unplacedMinutes} min without a sitting)` : '');
      })));
    }
  } else {
    lines.push(h('p', { class: 'muted' }, 'No sitting in progress.'));
  }
  fill($('forecast'), lines);
  const warnings = (schedule.warnings ?? forecast.warnings ?? [])
    .filter(w => !session || !w.sessionId || w.sessionId === session.id);
  fill($('warnings'), warnings.slice(0, 6).map(w => h('li', { class: `warning warning-${w.kind}` }, w.message)),
    warnings.length > 6 ? h('li', { class: 'muted' }, `${warnings.length - 6} more warnings`) : null);
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

// --- commands ---------------------------------------------------------------------------------------------------

async function run(kind, id, action, { expectedVersion = null, sessionId = null } = {}) {
  if (busy || !live) {
    return;
  }
  if (!chairKey) {
    askForKey();
    return;
  }
  busy = true;
  render();
  const idempotencyKey = newIdempotencyKey();
  let reply = null;
  try {
    reply = await live.command(chairKey, kind, id, action, idempotencyKey, expectedVersion, sessionId);
  } catch (error) {
    const message = serverMessage(error);
    if (message) {
      say(message, 'error');
    } else {
      // The connection broke on the way: send the same command again under the same key, so it applies once.
      say('The connection dropped; sending again as soon as it is back…', 'warning');
      try {
        await live.ready();
        reply = await live.command(chairKey, kind, id, action, idempotencyKey, expectedVersion, sessionId);
      } catch {
        say('Not sent: the console is offline. Try again when it shows Live.', 'error');
      }
    }
  } finally {
    busy = false;
  }
  if (reply) {
    handleReply(kind, id, action, reply, expectedVersion !== null);
  }
  render();
}

function handleReply(kind, id, action, reply, wasUndo) {
  if (!reply.accepted) {
    const problem = reply.problem;
    if (problem.status === 401 || problem.status === 403) {
      sessionStorage.removeItem(keyName);
      chairKey = null;
      askForKey(`${problem.detail} Enter the chair key again.`);
      return;
    }
    if (wasUndo && problem.status === 409) {
      say('Undo refused: the meeting changed since your last action, so nothing was overwritten.', 'error');
      lastAction = null;
      sessionStorage.removeItem(lastName);
      return;
    }
    say(problem.detail, 'error');
    return;
  }
  const entry = reply.applied.find(e => (kind === 'item' ? e.itemId === id && e.subject === 'item' : e.subject === 'session' && e.sessionId === id))
    ?? reply.applied[reply.applied.length - 1];
  if (entry) {
    lastAction = { kind, id, action: entry.action, from: entry.from, to: entry.to, version: reply.version, sessionId: entry.sessionId };
    sessionStorage.setItem(lastName, JSON.stringify(lastAction));
    say(`${reply.replayed ? 'Already done' : 'Done'}: ${describe(live.meeting, entry)}.`, 'success');
  }
}

function perform(button) {
  if (!button.disabled) {
    button.click();
  } else if (button.title) {
    say(button.title, 'warning');
  }
}

$('do-next').addEventListener('click', () => {
  const session = sitting(live.meeting);
  const next = nextItem(live.meeting, session);
  if (next) {
    run('item', next.item.id, 'open', { sessionId: session.id });
  }
});
for (const [button, action] of [['do-continue', 'continue'], ['do-conclude', 'conclude'], ['do-adopt', 'adopt']]) {
  $(button).addEventListener('click', () => {
    const session = sitting(live.meeting);
    if (session?.currentItemId) {
      run('item', session.currentItemId, action);
    }
  });
}
$('do-undo').addEventListener('click', () => {
  const undo = undoFor(live.meeting, lastAction);
  if (undo.action) {
    run(lastAction.kind, lastAction.id, undo.action, {
      expectedVersion: lastAction.version,
      sessionId: lastAction.kind === 'item' && undo.action === 'open' ? lastAction.sessionId : null,
    });
  }
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
  const words = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline — retrying' };
  const element = $('connection');
  element.textContent = words[status] ?? status;
  element.className = `connection connection-${status}`;
}

async function loadRecent(meeting) {
  try {
    const response = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/log?after=${Math.max(0, meeting.version - 8)}`);
    if (response.ok) {
      const entries = await response.json();
      recent.splice(0, recent.length, ...entries.reverse());
      render();
    }
  } catch {
    // The latest changes are a convenience; the console works without them.
  }
}

if (!meetingId) {
  say('This address names no meeting.', 'error');
} else {
  live = followMeeting(meetingId, {
    onSnapshot: meeting => { loadRecent(meeting); refreshSchedule(); render(); },
    onChange: (meeting, changes) => { recent.unshift(...[...changes].reverse()); recent.splice(12); refreshSchedule(); render(); },
    onStatus: showStatus,
    onAnnouncement: warning => say(warning.message, 'warning'),
    onError: message => { $('meeting-title').textContent = message; say(message, 'error'); },
  });
  setInterval(() => live.meeting && renderCap(sitting(live.meeting)), 1000);
  setInterval(refreshSchedule, 60000); // the forecast moves with the clock too
  if (chairKey) {
    useKey(chairKey);
  } else {
    askForKey();
  }
}
