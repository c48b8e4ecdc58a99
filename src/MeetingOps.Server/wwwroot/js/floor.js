// The floor on every page: the room display (who has the floor, time left, the next two), the follow page (the list
// for the current item, the delegation's own place, big request buttons on a phone) and the chair's console (the
// list with one-key actions). Each page has one <section id="floor" data-floor="display|follow|chair">.
// The list comes from GET …/items/{itemId}/floor and live "floor" pushes on the meeting's hub connection; the
// statement timer runs here from the server's numbers, so every screen shows the same seconds. It rides on the
// page's own connection (window.meetingOpsLive, set by live.js) rather than opening a second one.
import { request } from './api.js';
import { t, list as listOf } from './i18n.js';
import { meetingIdFromPath, currentSession } from './meeting.js';
import { serverText, around } from './server-text.js';

const section = document.getElementById('floor');
const mode = section?.dataset.floor;
const meetingId = meetingIdFromPath();
const api = `/api/meetings/${encodeURIComponent(meetingId)}`;
const delegationStore = `meetingops:delegation:${meetingId}`;
const kindWords = Object.fromEntries(['statement', 'pointOfOrder', 'rightOfReply'].map(kind => [kind, t(`floor.kind.${kind}`)]));
const kindLower = Object.fromEntries(['statement', 'pointOfOrder', 'rightOfReply'].map(kind => [kind, t(`floor.kindLower.${kind}`)]));

let itemId = null;
let view = null;
let receivedAt = 0;
let delegation = null; // { id, key } on the follow page when signed in as a delegation
let delegationNames = [];
let sending = Promise.resolve(); // the floor commands of this page, one after another
let said = null; // the last refusal, { text, lang }: kept across redraws (a push redraws the list) until the next command

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? '' : value);
  }
  // A child may be a list of children (one branch of a ?: giving several nodes): flattened here, since append() would
  // write an array as text ("Floor: ,[object HTMLElement],").
  node.append(...children.flat().filter(c => c !== null && c !== undefined));
  return node;
}

function clock(seconds) {
  const s = Math.max(0, Math.ceil(Math.abs(seconds)));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Seconds left now, from the server's numbers at the time of the view plus the time since it arrived. */
function leftNow() {
  const speaking = view?.speaking;
  if (!speaking || speaking.leftSeconds === null || speaking.leftSeconds === undefined) return null;
  return speaking.paused ? speaking.leftSeconds : speaking.leftSeconds - (performance.now() - receivedAt) / 1000;
}

function timerBox() {
  const left = leftNow();
  if (left === null) return null;
  const state = left <= 0 ? 'up' : left <= 30 ? 'warning' : 'running';
  return el('p', { class: `floor-timer floor-timer-${state}`, 'data-timer': state, role: 'timer' },
    left <= 0 ? `${t('floor.timeUp')}${left < -1 ? ` (+${clock(-left)})` : ''}` : clock(left),
    view.speaking.paused ? el('span', { class: 'floor-paused' }, ` ${t('floor.paused')}`) : null);
}

function render() {
  if (!section) return;
  section.hidden = !itemId && mode !== 'chair';
  const body = document.createElement('div');
  if (!view) {
    body.append(el('p', { class: 'muted' }, itemId ? t('floor.loading') : t('floor.noItem')));
  } else if (mode === 'display') {
    renderDisplay(body);
  } else if (mode === 'follow') {
    renderFollow(body);
  } else {
    renderChair(body);
  }
  section.replaceChildren(body);
}

function renderDisplay(body) {
  const s = view.speaking;
  body.className = 'floor-display-grid';
  body.append(
    el('div', {},
      el('p', { class: 'display-label' }, s && s.kind !== 'statement' ? kindWords[s.kind] : t('floor.hasTheFloor')),
      el('p', { id: 'floor-speaker', class: 'floor-speaker' }, s ? s.name : '—')),
    el('div', {}, timerBox()),
    el('div', {},
      el('p', { class: 'display-label' }, t('floor.nextSpeakers')),
      el('p', { id: 'floor-next', class: 'floor-next' }, view.queue.slice(0, 2).map(q => q.name).join(' · ') || '—')));
}

function renderFollow(body) {
  const s = view.speaking;
  body.append(el('h2', { id: 'floor-heading' }, t('floor.list'), view.closed ? el('span', { class: 'floor-closed' }, ` — ${t('floor.closed')}`) : null));
  if (s) {
    body.append(el('p', { class: 'floor-now' }, `${t('floor.hasTheFloorColon')} `, el('strong', { id: 'floor-speaker' }, s.name)),
      s.delegation === delegation?.id ? timerBox() : null);
  }
  const list = el('ol', { id: 'floor-queue', class: 'floor-queue' });
  for (const q of view.queue) {
    const own = q.delegation === delegation?.id;
    list.append(el('li', { class: own ? 'floor-own' : '' },
      ...(q.kind !== 'statement' ? around('common.withNote', { text: q.name }, el('span', { class: 'floor-kind' }, kindWords[q.kind]), 'note') : [q.name])));
  }
  body.append(view.queue.length ? list : el('p', { class: 'muted' }, t('floor.nobodyAsked')));
  if (delegation) {
    const mine = view.queue.filter(q => q.delegation === delegation.id);
    body.append(el('p', { id: 'floor-place', class: 'floor-place' },
      mine.length ? t('floor.yourPlace', { places: listOf(mine.map(q => t('common.withNote', { text: q.place, note: kindLower[q.kind] }))) }) : t('floor.signedIn', { name: delegation.name ?? delegation.id })));
    const buttons = el('div', { class: 'floor-buttons' });
    for (const kind of ['statement', 'pointOfOrder', 'rightOfReply']) {
      const asked = mine.some(q => q.kind === kind);
      buttons.append(asked
        ? el('button', { class: 'button floor-big', type: 'button', 'data-withdraw': kind, onclick: () => send('withdraw', { kind }) }, t(`floor.withdraw.${kind}`))
        : el('button', { class: 'button button-primary floor-big', type: 'button', 'data-request': kind, onclick: () => send('requests', { kind }) }, kindWords[kind]));
    }
    body.append(buttons, messageBox());
  }
}

function renderChair(body) {
  const s = view.speaking;
  body.append(el('div', { class: 'card-head' }, el('h2', {}, t('floor.list')), el('span', { class: 'muted' }, view.closed ? t('floor.closed') : t('floor.open'))));
  body.append(el('p', { class: 'floor-now' }, s ? [`${t('floor.floorColon')} `, ...around('common.withNote', { note: kindLower[s.kind] }, el('strong', { id: 'floor-speaker' }, s.name), 'text')] : t('floor.nobody')));
  if (s) {
    body.append(timerBox()); // not append(null): the DOM writes that as the text "null"
  }
  const list = el('ol', { id: 'floor-queue', class: 'floor-queue' });
  view.queue.forEach(q => list.append(el('li', {}, `${q.kind !== 'statement' ? t('common.withNote', { text: q.name, note: kindWords[q.kind] }) : q.name} `,
    el('button', { class: 'button button-quiet', type: 'button', onclick: () => send('give', { delegation: q.delegation, kind: q.kind }) }, t('floor.give')),
    q.place > 1 ? el('button', { class: 'button button-quiet', type: 'button', 'aria-label': t('floor.moveUp', { name: q.name }), onclick: () => send('move', { delegation: q.delegation, kind: q.kind, position: q.place - 1 }) }, '↑') : null,
    q.place < view.queue.length ? el('button', { class: 'button button-quiet', type: 'button', 'aria-label': t('floor.moveDown', { name: q.name }), onclick: () => send('move', { delegation: q.delegation, kind: q.kind, position: q.place + 1 }) }, '↓') : null,
    el('button', { class: 'button button-quiet', type: 'button', onclick: () => send('remove', { delegation: q.delegation, kind: q.kind }) }, t('floor.remove')))));
  body.append(view.queue.length ? list : el('p', { class: 'muted' }, t('floor.empty')));
  body.append(el('div', { class: 'actions' },
    el('button', { id: 'floor-next-speaker', class: 'button button-primary', type: 'button', 'aria-keyshortcuts': 'F', onclick: () => send('next') }, el('kbd', {}, 'F'), ` ${t('floor.nextSpeaker')}`),
    el('button', { class: 'button', type: 'button', 'aria-keyshortcuts': 'P', disabled: !s, onclick: () => send(s?.paused ? 'resume' : 'pause') }, el('kbd', {}, 'P'), ` ${s?.paused ? t('floor.resumeTimer') : t('floor.pauseTimer')}`),
    el('button', { class: 'button', type: 'button', 'aria-keyshortcuts': 'X', disabled: !s, onclick: () => send('finish') }, el('kbd', {}, 'X'), ` ${t('floor.speakerDone')}`),
    el('button', { class: 'button', type: 'button', 'aria-keyshortcuts': 'L', onclick: () => send(view.closed ? 'reopen' : 'close') }, el('kbd', {}, 'L'), ` ${view.closed ? t('floor.reopenList') : t('floor.closeList')}`)));
  const select = el('select', { id: 'floor-inscribe', 'aria-label': t('floor.delegationToInscribe') },
    ...delegationNames.map(d => el('option', { value: d.id }, d.name)));
  const kind = el('select', { id: 'floor-inscribe-kind', 'aria-label': t('floor.inscribeFor') },
    ...Object.entries(kindWords).map(([value, words]) => el('option', { value }, words)));
  body.append(el('div', { class: 'actions' }, select, kind,
    el('button', { class: 'button', type: 'button', onclick: () => send('requests', { delegation: select.value, kind: kind.value }) }, t('floor.inscribe'))));
  // The statement limit of this item (e.g. 5 minutes for statements on behalf of a group); "meeting's" goes back to the meeting's.
  const minutes = [1, 2, 3, 4, 5, 7, 10, 15];
  const current = view.limitSeconds;
  const limit = el('select', { id: 'floor-limit', 'aria-label': t('floor.limitOnItem'), onchange: event =>
    send('limit', { limitSeconds: event.target.value === '' ? null : Number(event.target.value) }) },
    el('option', { value: '' }, t('floor.meetingLimit')),
    ...(current && !minutes.includes(current / 60) ? [el('option', { value: String(current), selected: true }, t('floor.minutes', { count: clock(current) }))] : []),
    ...minutes.map(m => el('option', { value: String(m * 60), selected: current === m * 60 }, t('floor.minutes', { count: m }))));
  body.append(el('div', { class: 'actions' }, el('label', { for: 'floor-limit' }, `${t('floor.limit')} `), limit));
  body.append(messageBox());
}

/** Where a refusal is said; in English (lang="en") only when the server's phrase is not in this page's catalogue. */
function messageBox() {
  return el('p', { id: 'floor-message', class: 'floor-message', role: 'status', lang: said?.lang || null }, said?.text ?? '');
}

/** The live meeting with the delegations this page knows by name, so a refusal names a delegation as the list does. */
function meetingWithDelegations() {
  const known = new Map(delegationNames.map(d => [d.id, d.name]));
  for (const q of view?.queue ?? []) known.set(q.delegation, q.name);
  if (view?.speaking) known.set(view.speaking.delegation, view.speaking.name);
  if (delegation?.name && !known.has(delegation.id)) known.set(delegation.id, delegation.name);
  return { ...(window.meetingOpsLive?.meeting ?? {}), delegations: [...known].map(([id, name]) => ({ id, name })) };
}

function say(words) {
  said = words;
  const box = document.getElementById('floor-message');
  if (box) box.replaceWith(messageBox());
}

function accept(next) {
  if (!next || next.itemId !== itemId) return;
  if (view && view.itemId === next.itemId && next.version < view.version) return; // an older push arriving late
  view = next;
  receivedAt = performance.now();
  render();
}

async function load() {
  if (!itemId) { view = null; render(); return; }
  try {
    const response = await fetch(`${api}/items/${encodeURIComponent(itemId)}/floor`, { cache: 'no-store' });
    if (response.ok) {
      const next = await response.json();
      if (view?.itemId !== next.itemId) view = null;
      accept(next);
    }
  } catch {
    // The next push or poll brings it.
  }
}

function key() {
  if (mode === 'follow') return delegation?.key;
  return sessionStorage.getItem(`meetingops:chair-key:${meetingId}`);
}

/**
 * Sends one floor command. Commands go one after another, never dropped: the chair sees the new speaker from the push
 * (often before the answer to the press that caused it) and presses F again at once; that press must count. The
 * chair's commands carry the list's version as it was when the key was pressed (If-Match), so a press made on a list
 * that has since changed is refused in words rather than giving the floor to someone the chair did not see first.
 */
function send(action, body = {}) {
  if (!itemId) return Promise.resolve();
  const target = itemId;
  const expected = mode === 'chair' && view?.itemId === target ? view.version : null;
  const job = sending.then(() => post(target, action, body, expected));
  sending = job.catch(() => {});
  return job;
}

async function post(target, action, body, expected) {
  const answer = await request('POST', `${api}/items/${encodeURIComponent(target)}/floor/${action}`,
    { key: key(), json: body, ifMatch: expected, idempotent: true });
  if (answer.ok) {
    said = null;
    accept(answer.body);
  } else if (answer.status === 0) {
    say({ text: t('floor.notSent'), lang: '' });
  } else {
    const problem = answer.body ?? {};
    // The server's phrase in the viewer's language; its English only for a phrase this catalogue does not know.
    say(problem.text || problem.detail ? serverText(problem.text, problem.detail, meetingWithDelegations())
      : { text: t('floor.refused', { status: answer.status }), lang: '' });
    render();
    if (answer.status === 409 || answer.status === 412) load(); // show the list as it is now
  }
}

function signIn() {
  // The link the secretariat hands out: /follow/{id}#delegation=brazil&key=…&name=Brazil — kept for this meeting, then taken off the address bar.
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get('key') && hash.get('delegation')) {
    localStorage.setItem(delegationStore, JSON.stringify({ id: hash.get('delegation'), key: hash.get('key'), name: hash.get('name') }));
    history.replaceState(null, '', location.pathname + location.search);
  }
  try {
    delegation = JSON.parse(localStorage.getItem(delegationStore) ?? 'null');
  } catch {
    delegation = null;
  }
}

let delegationsAskedWith = null; // the chair key the list of delegations was asked with (the key is often entered after load)

async function loadDelegations() {
  const chairKey = key();
  if (!chairKey || chairKey === delegationsAskedWith) return;
  delegationsAskedWith = chairKey;
  const response = await fetch(`${api}/delegations`, { headers: { Authorization: `Bearer ${chairKey}` } }).catch(() => null);
  if (response?.ok) {
    delegationNames = (await response.json()).delegations;
    render();
  } else if (!response) {
    delegationsAskedWith = null; // not reached: asked again with the next snapshot tick
  }
}

function onMeeting(meeting) {
  if (mode === 'chair') loadDelegations();
  // The chair console operates one of the sittings in progress (it names it in body data-sitting); other pages show the current one.
  const operated = mode === 'chair' && document.body.dataset.sitting ? meeting.sessions.find(s => s.id === document.body.dataset.sitting) : null;
  const current = (operated ?? currentSession(meeting))?.currentItemId ?? null;
  if (current !== itemId) {
    itemId = current;
    view = null;
    said = null; // a refusal about the last item says nothing about this one
    load();
  }
}

if (section && meetingId) {
  if (mode === 'follow') signIn();
  const attach = () => {
    const live = window.meetingOpsLive;
    if (!live) {
      setTimeout(attach, 100);
      return;
    }
    live.connection.on('floor', push => { if (push.meetingId === meetingId) accept(push); });
    live.connection.onreconnected(() => load());
    // The item under consideration is the page's snapshot's; a change of item shows here within a moment.
    setInterval(() => live.meeting && onMeeting(live.meeting), 250);
  };
  attach();
  if (mode === 'chair') {
    loadDelegations();
    document.addEventListener('keydown', event => {
      const target = event.target;
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || !view) return;
      if (target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const s = view.speaking;
      const action = { f: 'next', p: s?.paused ? 'resume' : 'pause', x: 'finish', l: view.closed ? 'reopen' : 'close' }[event.key.toLowerCase()];
      if (action) {
        event.preventDefault();
        send(action);
      }
    });
  }
  // The timer ticks on its own: only the timer is redrawn, so a list the chair is choosing from stays open.
  setInterval(() => {
    if (!view?.speaking) return;
    for (const shown of section.querySelectorAll('[data-timer]')) {
      const fresh = timerBox();
      if (fresh && (fresh.textContent !== shown.textContent || fresh.dataset.timer !== shown.dataset.timer)) shown.replaceWith(fresh);
    }
  }, 500);
  setInterval(load, 10000); // a missed push is caught up within seconds
  render();
}
