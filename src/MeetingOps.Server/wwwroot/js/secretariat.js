// The secretariat's workspace (/secretariat/{id}, or /secretariat/new for an import): the whole agenda and organization
// of work as one editable form, saved with PUT /definition and If-Match; publishing a draft; formats and caps with the
// re-plan preview; announcements; exports; a new chair key; archive or delete; and the share card with the follow
// link's QR code. The organizer key is kept for this browser tab only (sessionStorage), as the chair console keeps its key.
// The form edits a copy of the definition as the server gave it, so what it does not show (annotations, delegations)
// goes back unchanged.
import { meetingIdFromPath, h, fill, venueTime, venueDate, venueTimeOf } from './meeting.js';
import { t, ltr, list } from './i18n.js';
import { serverText, serverTextElement, around as aroundElement } from './server-text.js';
import { request } from './api.js';
import { translationsCard } from './secretariat-translations.js';

// Every word this page shows, in one place: each from the catalogues (/i18n/<lang>.json, keys secretariat.*), so the
// page speaks the six languages as the others do. A function fills the catalogue text's {placeholders}.
const S = {
  pageEyebrow: t('secretariat.pageEyebrow'),
  importEyebrow: t('secretariat.importEyebrow'),
  importTitle: t('secretariat.importTitle'),
  keyHeading: t('secretariat.keyHeading'),
  keyText: t('secretariat.keyText'),
  keyLabel: t('secretariat.keyHeading'),
  keySubmit: t('secretariat.keySubmit'),
  keyRefused: t('secretariat.keyRefused'),
  forgetKey: t('secretariat.forgetKey'),
  loading: t('common.loading'),
  notFound: id => t('secretariat.notFound', { id }),
  unreachable: why => t('secretariat.unreachable', { why }),
  status: { draft: t('secretariat.status.draft'), live: t('secretariat.status.live'), archived: t('secretariat.status.archived') },
  archivedNote: t('secretariat.archivedNote'),
  importHeading: t('secretariat.importHeading'),
  importHint: t('secretariat.importHint'),
  importLabel: t('secretariat.importHeading'),
  importPreview: t('secretariat.importPreview'),
  importWarnings: n => t('secretariat.importWarnings', { count: n }),
  importGaps: t('secretariat.importGaps'),
  definitionHeading: t('secretariat.definitionHeading'),
  version: v => t('secretariat.version', { version: v }),
  save: t('secretariat.save'),
  reload: t('secretariat.reload'),
  createDraft: t('secretariat.createDraft'),
  createLive: t('secretariat.createLive'),
  saving: t('secretariat.saving'),
  saved: v => t('secretariat.saved', { version: v }),
  savedLive: v => t('secretariat.savedLive', { version: v }),
  stale: (mine, now) => now ? t('secretariat.staleNow', { mine, now }) : t('secretariat.stale', { mine }),
  problemsHeading: n => t('secretariat.problemsHeading', { count: n }),
  publishProblemsHeading: n => t('secretariat.publishProblemsHeading', { count: n }),
  // The server's detail is in English: when it already says nothing was changed, the page does not say it twice. What
  // the server said goes in as a node, its English fallback marked lang="en".
  refusedWith: (english, said) => aroundElement(/nothing was changed/i.test(english ?? '') ? 'secretariat.refused' : 'secretariat.refusedNothingChanged', {}, saidNode(said), 'detail'),
  meeting: t('secretariat.meeting'),
  title: t('secretariat.title'),
  venue: t('secretariat.venue'),
  timeZone: t('secretariat.timeZone'),
  startDate: t('secretariat.startDate'),
  endDate: t('secretariat.endDate'),
  symbol: t('secretariat.symbol'),
  parentBody: t('secretariat.parentBody'),
  bodies: t('secretariat.bodies'),
  body: n => t('secretariat.body', { n }),
  bodyId: t('secretariat.id'),
  bodyName: t('secretariat.bodyName'),
  bodySymbol: t('secretariat.bodySymbol'),
  bodyMeeting: t('secretariat.bodyMeeting'),
  chair: t('secretariat.chair'),
  viceChairs: t('secretariat.viceChairs'),
  rapporteur: t('secretariat.rapporteur'),
  addBody: t('secretariat.addBody'),
  items: t('secretariat.items'),
  itemId: t('secretariat.id'),
  itemTitle: t('secretariat.title'),
  itemKind: t('secretariat.itemKind'),
  kinds: {
    organizational: t('secretariat.kind.organizational'), opening: t('secretariat.kind.opening'), agenda: t('secretariat.kind.agenda'),
    substantive: t('secretariat.kind.substantive'), otherMatters: t('secretariat.kind.otherMatters'), report: t('secretariat.kind.report'),
  },
  numberOn: body => t('secretariat.numberOn', { body }),
  documents: t('common.documents'),
  documentSymbols: t('secretariat.documentSymbols'),
  documentTitle: t('secretariat.documentTitle'),
  addDocument: t('secretariat.addDocument'),
  subItems: t('secretariat.subItems'),
  addSubItem: t('secretariat.addSubItem'),
  addItem: t('secretariat.addItem'),
  remove: t('secretariat.remove'),
  moveUp: t('secretariat.moveUp'),
  moveDown: t('secretariat.moveDown'),
  sittings: t('secretariat.sittings'),
  sitting: t('secretariat.sitting'),
  sittingId: t('secretariat.id'),
  start: t('secretariat.start'),
  end: t('secretariat.end'),
  sittingBodies: t('secretariat.sittingBodies'),
  sittingStatus: status => { const words = t(`status.session.${status}`); return words.startsWith('status.') ? status : words; },
  format: t('secretariat.format'),
  formats: { inPerson: t('format.inPerson'), hybrid: t('format.hybrid'), online: t('format.online') },
  cap: t('secretariat.cap'),
  capFrom: t('secretariat.capFrom'),
  capFroms: { bookedStart: t('secretariat.capFromBooked'), actualStart: t('secretariat.capFromActual') },
  planned: t('secretariat.planned'),
  plannedNumber: n => t('secretariat.plannedNumber', { n }),
  continued: t('secretariat.continued'),
  addPlanned: t('secretariat.addPlanned'),
  addSitting: t('secretariat.addSitting'),
  noItems: t('secretariat.noItems'),
  noSittings: t('secretariat.noSittings'),
  publishHeading: t('secretariat.publishHeading'),
  publishText: t('secretariat.publishText'),
  publish: t('secretariat.publish'),
  publishing: t('secretariat.publishing'),
  published: t('secretariat.published'),
  saveFirst: t('secretariat.saveFirst'),
  shareHeading: t('secretariat.shareHeading'),
  shareCopy: t('secretariat.shareCopy'),
  shareCopied: t('secretariat.shareCopied'),
  shareScreen: t('secretariat.shareScreen'),
  shareClose: t('secretariat.shareClose'),
  shareAlt: t('secretariat.shareAlt'),
  shareOverlayTitle: title => t('secretariat.shareOverlayTitle', { title }),
  pageChair: t('secretariat.pageChair'),
  pageDisplay: t('secretariat.pageDisplay'),
  pageFollow: t('secretariat.pageFollow'),
  pageProgramme: t('secretariat.pageProgramme'),
  announceHeading: t('secretariat.announceHeading'),
  announceText: t('secretariat.announceText'),
  announceUntil: t('secretariat.announceUntil'),
  announce: t('secretariat.announce'),
  announced: t('secretariat.announced'),
  withdraw: t('secretariat.withdraw'),
  withdrawn: t('secretariat.withdrawn'),
  noAnnouncements: t('secretariat.noAnnouncements'),
  until: time => ` ${t('common.until', { time })}`,
  byChair: t('common.byChair'),
  bySecretariat: t('common.bySecretariat'),
  formatHeading: t('secretariat.formatHeading'),
  formatSittings: t('secretariat.formatSittings'),
  formatFormat: t('secretariat.formatFormat'),
  formatCap: t('secretariat.formatCap'),
  formatStrategy: t('secretariat.formatStrategy'),
  strategies: { compress: t('secretariat.strategy.compress'), reflow: t('secretariat.strategy.reflow'), fit: t('secretariat.strategy.fit') },
  formatPreview: t('secretariat.formatPreview'),
  proposalCurrent: t('secretariat.proposalCurrent'),
  proposalMove: (item, before, after) => t('secretariat.proposalMove', { item, before, after }),
  proposalNotPlaced: t('secretariat.proposalNotPlaced'),
  proposalProposed: t('secretariat.proposalProposed'),
  proposalNoChange: t('secretariat.proposalNoChange'),
  proposalOverflow: (before, after) => t('secretariat.proposalOverflow', { before, after }),
  proposalPublish: t('secretariat.proposalPublish'),
  proposalPublished: t('secretariat.proposalPublished'),
  proposalStale: t('secretariat.proposalStale'),
  minutes: m => t('secretariat.minutes', { minutes: m }),
  nothingPlanned: t('secretariat.nothingPlanned'),
  exportsHeading: t('secretariat.exportsHeading'),
  exportReport: t('secretariat.exportReport'),
  exportReportJson: t('secretariat.exportReportJson'),
  exportLog: t('secretariat.exportLog'),
  exportCalendar: t('secretariat.exportCalendar'),
  exportCalendarBody: name => t('secretariat.exportCalendarBody', { name }),
  chairKeyHeading: t('secretariat.chairKeyHeading'),
  chairKeyText: t('secretariat.chairKeyText'),
  rotate: t('secretariat.rotate'),
  rotateQuestion: t('secretariat.rotateQuestion'),
  rotateYes: t('secretariat.rotateYes'),
  newChairKey: t('secretariat.newChairKey'),
  createdChairKey: t('secretariat.createdChairKey'),
  no: t('secretariat.no'),
  removeHeadingDraft: t('secretariat.removeHeadingDraft'),
  removeHeadingLive: t('secretariat.removeHeadingLive'),
  removeTextDraft: t('secretariat.removeTextDraft'),
  removeTextLive: t('secretariat.removeTextLive'),
  removeDraft: t('secretariat.removeDraft'),
  removeLive: t('secretariat.removeLive'),
  removeQuestionDraft: title => t('secretariat.removeQuestionDraft', { title }),
  removeQuestionLive: title => t('secretariat.removeQuestionLive', { title }),
  removeYesDraft: t('secretariat.removeYesDraft'),
  removeYesLive: t('secretariat.removeYesLive'),
  deleted: t('secretariat.deleted'),
  archived: t('secretariat.archived'),
  back: t('secretariat.back'),
  jump: t('secretariat.jump'),
  jumpTo: t('secretariat.jumpTo'),
};

const meetingId = meetingIdFromPath();
const importing = meetingId === 'new';
const keyName = 'meetingops:organizer-key';
const $ = id => document.getElementById(id);

let organizerKey = sessionStorage.getItem(keyName) || '';
let view = null; // the workspace view: { id, status, version, definition, warnings, problems }
let model = null; // the definition being edited
let snapshot = null; // the live meeting (GET /api/meetings/{id}), for sittings' statuses and announcements

/** Why the server refused, in the viewer's language when it sent a phrase code (else its English detail, else the status): { text, lang }. */
function refusalSaid(answer) {
  // No answer at all: the page's own words (already in the viewer's language), not the server's.
  if (answer.status === 0) return { text: answer.body?.detail ?? '', lang: '' };
  return serverText(answer.body?.text, answer.body?.detail ?? `${answer.status}`, snapshot);
}

/** What the server said as a node: plain text in the viewer's language, or the English marked lang="en". */
function saidNode({ text, lang: code }) {
  return code ? h('span', { lang: code }, text) : text;
}

/** Why the server refused, as a node for the page. */
function refusal(answer) {
  return saidNode(refusalSaid(answer));
}

let gaps = [];

// --- words on the static parts of the page ----------------------------------------------------------------------

function text(id, value) { const e = $(id); if (e) e.textContent = value; }
for (const [id, key] of Object.entries({
  'key-heading': 'keyHeading', 'key-text': 'keyText', 'key-label': 'keyLabel', 'key-submit': 'keySubmit', 'forget-key': 'forgetKey',
  'import-heading': 'importHeading', 'import-text-hint': 'importHint', 'import-text-label': 'importLabel', 'import-preview': 'importPreview',
  'definition-heading': 'definitionHeading', save: 'save', reload: 'reload', 'create-draft': 'createDraft', 'create-live': 'createLive',
  'publish-heading': 'publishHeading', 'publish-text': 'publishText', publish: 'publish',
  'share-heading': 'shareHeading', 'share-copy': 'shareCopy', 'share-screen': 'shareScreen', 'share-overlay-close': 'shareClose',
  'announce-heading': 'announceHeading', 'announce-text-label': 'announceText', 'announce-until-label': 'announceUntil', announce: 'announce',
  'format-heading': 'formatHeading', 'format-sittings-legend': 'formatSittings', 'format-format-label': 'formatFormat',
  'format-cap-label': 'formatCap', 'format-strategy-label': 'formatStrategy', 'format-preview': 'formatPreview',
  'exports-heading': 'exportsHeading', 'chair-key-heading': 'chairKeyHeading', 'chair-key-text': 'chairKeyText', rotate: 'rotate',
  'remove-no': 'no',
})) text(id, S[key]);
$('share-qr').alt = S.shareAlt;
$('share-overlay-qr').alt = S.shareAlt;
text('eyebrow', importing ? S.importEyebrow : S.pageEyebrow);
document.title = `${S.pageEyebrow} · MeetingOps`;

// --- talking to the server --------------------------------------------------------------------------------------

/** A request with the organizer key (api.js): { ok, status, body, etag }, never thrown; a wrong key asks for it again. */
async function call(method, path, options = {}) {
  const answer = await request(method, path, { key: organizerKey, ...options });
  if (answer.status === 401 || answer.status === 403) askForKey(S.keyRefused);
  if (answer.status === 0) answer.body = { detail: S.unreachable(answer.body.detail) };
  return answer;
}

const api = path => `/api/meetings/${encodeURIComponent(meetingId)}${path}`;

function say(element, words, kind = 'info') {
  const e = typeof element === 'string' ? $(element) : element;
  e.hidden = !words;
  e.className = `message message-${kind}`;
  fill(e, words ?? '');
}

// --- the key ----------------------------------------------------------------------------------------------------

function askForKey(why) {
  $('workspace').hidden = true;
  $('key-panel').hidden = false;
  $('forget-key').hidden = true;
  $('key-error').textContent = why ?? '';
  $('key-input').focus();
}

$('key-form').addEventListener('submit', event => {
  event.preventDefault();
  organizerKey = $('key-input').value.trim();
  sessionStorage.setItem(keyName, organizerKey);
  $('key-input').value = '';
  start();
});
$('forget-key').addEventListener('click', () => {
  sessionStorage.removeItem(keyName);
  organizerKey = '';
  askForKey();
});

// --- venue time ---------------------------------------------------------------------------------------------------

/** The instant (ISO with Z) of a venue-local "2022-05-23T13:00" in the meeting's time zone. */
function venueInstant(local, timeZone) {
  const asUtc = Date.parse(`${local}:00Z`);
  const offsetAt = t => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(new Date(t)).map(p => [p.type, p.value]));
    return Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}Z`) - t;
  };
  let instant = asUtc - offsetAt(asUtc);
  instant = asUtc - offsetAt(instant); // once more, for a day on which the clocks change
  return new Date(instant).toISOString();
}

// --- the form ---------------------------------------------------------------------------------------------------

const empty = value => value === undefined || value === null || String(value).trim() === '';
const orNull = value => empty(value) ? null : String(value).trim();

/** Every item and sub-item, in agenda order, with its depth. */
function allItems(items = model?.items ?? [], depth = 0, out = []) {
  for (const item of items) {
    out.push({ item, depth });
    allItems(item.subItems ?? [], depth + 1, out);
  }
  return out;
}

function itemCaption(item) {
  const numbers = Object.values(item.numbers ?? {}).filter(n => !empty(n));
  return `${numbers.length ? `${numbers[0]}. ` : ''}${item.title || item.id}`;
}

function uniqueId(prefix, taken) {
  for (let n = taken.size + 1; ; n++) {
    if (!taken.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
  }
}

let fieldCount = 0;
/** A labelled input bound to the model: edits go straight into it. */
function field(label, path, value, onChange, { type = 'text', options, wide, rows } = {}) {
  const id = `f${++fieldCount}`;
  let input;
  if (options) {
    input = h('select', { id }, Object.entries(options).map(([v, words]) => h('option', { value: v, selected: v === value }, words)));
    input.addEventListener('change', () => onChange(input.value));
  } else if (rows) {
    input = h('textarea', { id, rows, spellcheck: 'false', dir: 'auto' });
    input.value = value ?? '';
    input.addEventListener('input', () => onChange(input.value));
  } else {
    // dir=auto: an English title typed on the Arabic page reads left to right in its box.
    input = h('input', { id, type, spellcheck: 'false', dir: 'auto' });
    input.value = value ?? '';
    input.addEventListener('input', () => onChange(input.value));
  }
  input.dataset.path = path;
  return h('div', { class: `field${wide ? ' field-wide' : ''}`, dataset: { fieldPath: path } }, h('label', { for: id }, label), input);
}

function smallButton(words, onClick, extra = '') {
  return h('button', { type: 'button', class: `button button-small ${[extra].flat().join(' ')}`.trim(), onclick: event => { event.preventDefault(); onClick(); } }, words);
}

/** An arrow button named in words for a screen reader and a tooltip. */
function labelled(button, words) {
  button.setAttribute('aria-label', words);
  button.title = words;
  return button;
}

function move(list, index, by) {
  const to = index + by;
  if (to < 0 || to >= list.length) return;
  [list[index], list[to]] = [list[to], list[index]];
  render();
}

function meetingFields() {
  const d = model;
  const set = key => v => { d[key] = key === 'startDate' || key === 'endDate' ? orNull(v) : v; };
  return h('fieldset', { class: 'secretariat-group', dataset: { path: '$' } },
    h('legend', {}, S.meeting),
    h('div', { class: 'secretariat-grid' },
      field(S.title, '$.title', d.title, set('title'), { wide: true }),
      field(S.venue, '$.venue', d.venue, set('venue')),
      field(S.timeZone, '$.timeZone', d.timeZone, set('timeZone')),
      field(S.startDate, '$.startDate', d.startDate, set('startDate'), { type: 'date' }),
      field(S.endDate, '$.endDate', d.endDate, set('endDate'), { type: 'date' }),
      field(S.symbol, '$.symbol', d.symbol, v => { d.symbol = orNull(v); }),
      field(S.parentBody, '$.parentBody', d.parentBody, v => { d.parentBody = orNull(v); })));
}

function bodyFields() {
  const bodies = model.bodies;
  return h('fieldset', { class: 'secretariat-group', dataset: { path: '$.bodies' } },
    h('legend', {}, S.bodies),
    bodies.map((b, i) => {
      const path = `$.bodies[${i}]`;
      b.officers ??= {};
      const o = b.officers;
      return h('div', { class: 'secretariat-entry', dataset: { path, body: b.id } },
        h('div', { class: 'secretariat-entry-head' }, h('h3', {}, b.name || S.body(i + 1)),
          h('span', { class: 'secretariat-tools' }, smallButton(S.remove, () => { bodies.splice(i, 1); render(); }, 'button-quiet'))),
        h('div', { class: 'secretariat-grid' },
          field(S.bodyId, `${path}.id`, b.id, v => { b.id = v.trim(); }),
          field(S.bodyName, `${path}.name`, b.name, v => { b.name = v; }, { wide: true }),
          field(S.bodySymbol, `${path}.symbol`, b.symbol, v => { b.symbol = orNull(v); }),
          field(S.bodyMeeting, `${path}.meeting`, b.meeting, v => { b.meeting = orNull(v); }),
          field(S.chair, `${path}.officers.chair`, o.chair, v => { o.chair = orNull(v); }),
          field(S.rapporteur, `${path}.officers.rapporteur`, o.rapporteur, v => { o.rapporteur = orNull(v); }),
          field(S.viceChairs, `${path}.officers.viceChairs`, (o.viceChairs ?? []).join('\n'),
            v => { o.viceChairs = v.split('\n').map(s => s.trim()).filter(Boolean); }, { rows: 2, wide: true })));
    }),
    h('div', { class: 'actions' }, smallButton(S.addBody, () => {
      bodies.push({ id: uniqueId('body', new Set(bodies.map(b => b.id))), name: '', officers: {} });
      render();
    })));
}

function documentFields(item, path) {
  item.documents ??= [];
  const docs = item.documents;
  return h('div', { class: 'secretariat-documents', dataset: { path: `${path}.documents` } },
    h('h4', {}, S.documents),
    docs.map((doc, j) => {
      const docPath = `${path}.documents[${j}]`;
      return h('div', { class: 'secretariat-row secretariat-document', dataset: { path: docPath } },
        field(S.documentSymbols, `${docPath}.symbols`, (doc.symbols ?? []).join(', '),
          v => { doc.symbols = v.split(',').map(s => s.trim()).filter(Boolean); }),
        field(S.documentTitle, `${docPath}.title`, doc.title, v => { doc.title = orNull(v); }),
        smallButton(S.remove, () => { docs.splice(j, 1); render(); }, 'button-quiet'));
    }),
    smallButton(S.addDocument, () => { docs.push({ symbols: [] }); render(); }));
}

function itemFields(item, path, list, index) {
  const bodies = model.bodies;
  item.numbers ??= {};
  const numbers = item.numbers;
  return h('div', { class: 'secretariat-entry secretariat-item', dataset: { path, item: item.id } },
    h('div', { class: 'secretariat-entry-head' },
      h('h3', {}, itemCaption(item)),
      h('span', { class: 'secretariat-tools' },
        labelled(smallButton('↑', () => move(list, index, -1), 'button-quiet'), S.moveUp),
        labelled(smallButton('↓', () => move(list, index, 1), 'button-quiet'), S.moveDown),
        smallButton(S.remove, () => removeItem(list, index), ['button-quiet', 'item-remove']))),
    h('div', { class: 'secretariat-grid' },
      field(S.itemTitle, `${path}.title`, item.title, v => { item.title = v; }, { wide: true }),
      field(S.itemId, `${path}.id`, item.id, v => { item.id = v.trim(); }),
      field(S.itemKind, `${path}.kind`, item.kind ?? 'substantive', v => { item.kind = v; }, { options: S.kinds }),
      bodies.map(b => field(S.numberOn(b.symbol || b.name || b.id), `${path}.numbers.${b.id}`, numbers[b.id],
        v => { if (empty(v)) delete numbers[b.id]; else numbers[b.id] = v.trim(); }))),
    documentFields(item, path),
    (item.subItems ?? []).length > 0
      ? h('div', { class: 'secretariat-subitems', dataset: { path: `${path}.subItems` } },
        h('h4', {}, S.subItems),
        item.subItems.map((sub, k) => itemFields(sub, `${path}.subItems[${k}]`, item.subItems, k)))
      : null,
    smallButton(S.addSubItem, () => {
      item.subItems ??= [];
      item.subItems.push(newItem(item));
      render();
    }));
}

/** Takes an item (and its sub-items) out of the agenda and out of the sittings' plans, which cannot name an item that is gone. */
function removeItem(list, index) {
  const gone = new Set(allItems([list[index]]).map(e => e.item.id));
  list.splice(index, 1);
  for (const session of model.sessions) session.items = (session.items ?? []).filter(p => !gone.has(p.item));
  render();
}

function newItem(parent) {
  const taken = new Set(allItems().map(e => e.item.id));
  const numbers = {};
  for (const [body, number] of Object.entries(parent?.numbers ?? {})) {
    numbers[body] = `${number} (${String.fromCharCode(97 + (parent.subItems?.length ?? 0))})`;
  }
  if (!parent && model.bodies.length > 0) {
    for (const b of model.bodies) numbers[b.id] = String(model.items.filter(i => i.numbers?.[b.id]).length + 1);
  }
  return { id: uniqueId('item', taken), numbers, title: '', kind: 'substantive', documents: [], subItems: [] };
}

function itemsFields() {
  return h('fieldset', { class: 'secretariat-group', dataset: { path: '$.items' } },
    h('legend', {}, S.items),
    model.items.length === 0 ? h('p', { class: 'muted' }, S.noItems) : null,
    model.items.map((item, i) => itemFields(item, `$.items[${i}]`, model.items, i)),
    h('div', { class: 'actions' }, smallButton(S.addItem, () => { model.items.push(newItem(null)); render(); }, 'add-item')));
}

function sittingFields() {
  const sessions = model.sessions;
  const items = allItems();
  const status = id => snapshot?.sessions?.find(s => s.id === id)?.status;
  return h('fieldset', { class: 'secretariat-group', dataset: { path: '$.sessions' } },
    h('legend', {}, S.sittings),
    sessions.length === 0 ? h('p', { class: 'muted' }, S.noSittings) : null,
    sessions.map((s, i) => {
      const path = `$.sessions[${i}]`;
      s.items ??= [];
      s.bodies ??= [];
      return h('div', { class: 'secretariat-entry secretariat-sitting', dataset: { path, session: s.id } },
        h('div', { class: 'secretariat-entry-head' },
          h('h3', {}, s.start ? `${venueDate(s.start, false)} ${ltr(`${venueTime(s.start)}–${s.end ? venueTime(s.end) : ''}`)}` : S.sitting,
            status(s.id) && status(s.id) !== 'scheduled' ? h('span', { class: 'muted' }, ` · ${S.sittingStatus(status(s.id))}`) : null),
          h('span', { class: 'secretariat-tools' }, smallButton(S.remove, () => { sessions.splice(i, 1); render(); }, 'button-quiet'))),
        h('div', { class: 'secretariat-grid' },
          field(S.sittingId, `${path}.id`, s.id, v => { s.id = v.trim(); }),
          field(S.start, `${path}.start`, s.start?.slice(0, 16), v => { s.start = orNull(v); }, { type: 'datetime-local' }),
          field(S.end, `${path}.end`, s.end?.slice(0, 16), v => { s.end = orNull(v); }, { type: 'datetime-local' }),
          field(S.format, `${path}.format`, s.format ?? 'inPerson', v => { s.format = v; }, { options: S.formats }),
          field(S.cap, `${path}.capMinutes`, s.capMinutes, v => { s.capMinutes = empty(v) ? null : Number(v); }, { type: 'number' }),
          // Where the cap counts from: the booked slot unless the secretariat says this sitting's runs from its actual start.
          field(S.capFrom, `${path}.capFrom`, s.capFrom ?? 'bookedStart', v => { if (v === 'bookedStart') delete s.capFrom; else s.capFrom = v; }, { options: S.capFroms })),
        h('fieldset', { class: 'secretariat-checks', dataset: { path: `${path}.bodies` } },
          h('legend', {}, S.sittingBodies),
          model.bodies.map(b => h('label', { class: 'check' },
            h('input', {
              type: 'checkbox', checked: s.bodies.includes(b.id), dataset: { path: `${path}.bodies`, body: b.id },
              onchange: e => { s.bodies = e.target.checked ? [...new Set([...s.bodies, b.id])] : s.bodies.filter(x => x !== b.id); },
            }), ` ${b.symbol || b.name || b.id}`))),
        h('div', { class: 'secretariat-planned', dataset: { path: `${path}.items` } },
          h('h4', {}, S.planned),
          s.items.map((p, j) => {
            const select = h('select', { 'aria-label': S.plannedNumber(j + 1), dataset: { path: `${path}.items[${j}].item` } },
              items.map(e => h('option', { value: e.item.id, selected: e.item.id === p.item }, `${'  '.repeat(e.depth)}${itemCaption(e.item)}`)));
            select.addEventListener('change', () => { p.item = select.value; });
            return h('div', { class: 'secretariat-row' }, select,
              h('label', { class: 'check' }, h('input', { type: 'checkbox', checked: !!p.continued, onchange: e => { p.continued = e.target.checked; } }), ` ${S.continued}`),
              smallButton(S.remove, () => { s.items.splice(j, 1); render(); }, 'button-quiet'));
          }),
          smallButton(S.addPlanned, () => { s.items.push({ item: items[0]?.item.id ?? '', continued: false }); render(); })));
    }),
    h('div', { class: 'actions' }, smallButton(S.addSitting, () => {
      const day = model.startDate ?? new Date().toISOString().slice(0, 10);
      sessions.push({
        id: uniqueId('sitting', new Set(sessions.map(s => s.id))), start: `${day}T10:00`, end: `${day}T13:00`,
        bodies: model.bodies.map(b => b.id), items: [], format: 'inPerson',
      });
      render();
    }, 'add-sitting')));
}

function render() {
  fieldCount = 0;
  fill($('definition'), meetingFields(), bodyFields(), itemsFields(), sittingFields());
  const readOnly = view?.status === 'archived';
  for (const control of $('definition-form').querySelectorAll('input, select, textarea, button')) control.disabled = readOnly;
  showProblems(currentProblems, currentProblemsHeading);
}

// --- problems by path -------------------------------------------------------------------------------------------

let currentProblems = [];
let currentProblemsHeading = '';

/** The field (or the nearest enclosing part of the form) a problem's path names. */
function placeOf(path) {
  for (let p = path; p; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '')) {
    const at = document.querySelector(`#definition [data-field-path="${CSS.escape(p)}"], #definition [data-path="${CSS.escape(p)}"]`);
    if (at) return at.closest('[data-field-path]') ?? at;
    if (!/(\.[^.[\]]+|\[\d+\])$/.test(p)) break;
  }
  return null;
}

function showProblems(problems, heading) {
  currentProblems = problems ?? [];
  currentProblemsHeading = heading;
  for (const old of document.querySelectorAll('#definition .field-problem')) old.remove();
  for (const old of document.querySelectorAll('#definition .has-problem')) old.classList.remove('has-problem');
  const box = $('problems');
  box.hidden = currentProblems.length === 0;
  if (box.hidden) return;
  fill(box, h('p', { class: 'problems-heading' }, heading),
    h('ul', {}, currentProblems.map(p => h('li', { dataset: { problemPath: p.path } },
      h('a', {
        href: '#', onclick: e => {
          e.preventDefault();
          const place = placeOf(p.path);
          place?.scrollIntoView({ block: 'center' });
          place?.querySelector('input, select, textarea')?.focus();
        },
      }, h('code', {}, p.path)), ' ', saidNode(problemSaid(p))))));
  for (const p of currentProblems) {
    const place = placeOf(p.path);
    if (!place) continue;
    place.classList.add('has-problem');
    const said = problemSaid(p);
    const note = h('p', { class: 'field-problem', dataset: { problemPath: p.path }, lang: said.lang || null }, said.text);
    if (place.matches('[data-field-path]')) place.append(note);
    else place.prepend(note);
  }
}

function problemsOf(body) {
  return (body?.errors ?? body?.problems ?? []).filter(p => p.path).map(p => ({ path: p.path, message: p.message, text: p.text }));
}

/** A problem of the definition in the viewer's language (its phrase code), else its English message. */
function problemSaid(problem) {
  return serverText(problem.text, problem.message, snapshot);
}

// --- loading ----------------------------------------------------------------------------------------------------

// The importer's gaps and warnings in the officer's language, from their phrases; a warning stored before the importer
// gave phrases (or one a newer server says) keeps its English sentence, marked as English.
function showWarnings(warnings, importGaps = []) {
  const box = $('warnings');
  box.hidden = warnings.length === 0 && importGaps.length === 0;
  const said = w => {
    const words = serverTextElement(w.text, w.message, snapshot);
    return w.line > 0 ? aroundElement('secretariat.warningLine', { line: w.line }, words) : words;
  };
  fill(box,
    importGaps.length ? h('div', {}, h('p', { class: 'warnings-heading' }, S.importGaps),
      h('ul', { class: 'warnings' }, importGaps.map(g => h('li', { class: 'warning' }, g.message ? serverTextElement(g.text, g.message, snapshot) : g.field)))) : null,
    warnings.length ? h('div', {}, h('p', { class: 'warnings-heading' }, S.importWarnings(warnings.length)),
      h('ul', { class: 'warnings' }, warnings.map(w => h('li', { class: 'warning' }, said(w))))) : null);
}

// The form fills in empty parts as it draws them (officers: {}, documents: []), so "edited" compares the two
// definitions without their empty parts: drawing the form is not an edit.
function withoutEmpty(value) {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (value === null || typeof value !== 'object') return value;
  const kept = Object.entries(value).map(([k, v]) => [k, withoutEmpty(v)])
    .filter(([, v]) => v !== null && v !== undefined && !(typeof v === 'object' && Object.keys(v).length === 0));
  return Object.fromEntries(kept);
}

const edited = () => JSON.stringify(withoutEmpty(model)) !== JSON.stringify(withoutEmpty(view.definition));

function takeView(next) {
  view = next;
  model = structuredClone(next.definition);
  model.sessions ??= [];
  model.items ??= [];
  model.bodies ??= [];
  $('meeting-title').textContent = model.title || meetingId;
  document.title = `${S.pageEyebrow} · ${model.title}`;
  const pill = $('status');
  pill.hidden = false;
  pill.textContent = S.status[view.status] ?? view.status;
  pill.className = `pill pill-status-${view.status}`;
  text('version', S.version(view.version));
  showWarnings(view.warnings ?? []);
  currentProblems = [];
  render();
  if (view.status === 'draft') showProblems(view.problems, S.publishProblemsHeading(view.problems.length));
  cards();
}

async function loadSnapshot() {
  if (view?.status === 'draft') { snapshot = null; return; }
  const answer = await call('GET', api(''));
  snapshot = answer.ok ? answer.body : null;
}

async function load() {
  say('message', S.loading, 'info');
  const answer = await call('GET', api('/definition'));
  if (!answer.ok) {
    if (answer.status === 401 || answer.status === 403) return;
    say('message', answer.status === 404 ? S.notFound(meetingId) : refusal(answer), 'error');
    $('meeting-title').textContent = S.notFound(meetingId);
    return;
  }
  say('message', null);
  $('key-panel').hidden = true;
  $('forget-key').hidden = false;
  $('workspace').hidden = false;
  takeView(answer.body);
  await loadSnapshot();
  render();
  cards();
  // The chair key of a meeting made from the import form, shown here this once.
  const created = sessionStorage.getItem(`meetingops:created-chair-key:${meetingId}`);
  if (created) {
    sessionStorage.removeItem(`meetingops:created-chair-key:${meetingId}`);
    fill($('new-chair-key'), h('p', {}, S.createdChairKey), h('code', { class: 'chair-key' }, created));
  }
}

// --- the cards beside the form ------------------------------------------------------------------------------------

function cards() {
  const status = view?.status;
  const live = status === 'live';
  const archived = status === 'archived';
  $('publish-card').hidden = status !== 'draft';
  $('share-card').hidden = !(live || archived);
  $('announce-card').hidden = !live;
  $('format-card').hidden = !live;
  $('translate-card').hidden = archived || !status;
  $('exports-card').hidden = !(live || archived);
  $('chair-key-card').hidden = archived || !status;
  $('remove-card').hidden = archived || !status;
  $('save').hidden = archived;
  $('reload').hidden = archived;
  let note = $('archived-secretariat');
  if (archived && !note) {
    note = h('p', { id: 'archived-secretariat', class: 'archived-note', role: 'status' }, S.archivedNote);
    $('workspace').before(note);
  }
  if (!status) return;
  text('remove-heading', status === 'draft' ? S.removeHeadingDraft : S.removeHeadingLive);
  text('remove-text', status === 'draft' ? S.removeTextDraft : S.removeTextLive);
  text('remove', status === 'draft' ? S.removeDraft : S.removeLive);
  text('remove-yes', status === 'draft' ? S.removeYesDraft : S.removeYesLive);
  text('remove-question', status === 'draft' ? S.removeQuestionDraft(model.title) : S.removeQuestionLive(model.title));
  // On a phone the cards come after the long form: a row of links reaches each one shown.
  const shown = [...document.querySelectorAll('.secretariat-side > section.card')].filter(c => !c.hidden);
  fill($('jump'), h('span', { class: 'muted' }, S.jumpTo), shown.map(c => h('a', { href: `#${c.id}` }, c.querySelector('h2')?.textContent ?? c.id)));
  $('jump').setAttribute('aria-label', S.jump);
  if (live || archived) shareCard();
  if (live || archived) exportsCard();
  if (live) { announcementsList(); formatCard(); }
}

function shareCard() {
  const link = `${location.origin}/follow/${encodeURIComponent(meetingId)}`;
  const qr = `${api('/follow-qr.svg')}?v=${encodeURIComponent(link)}`;
  $('share-qr').src = qr;
  $('share-overlay-qr').src = qr;
  const anchor = $('share-link');
  anchor.href = link;
  anchor.textContent = link;
  text('share-overlay-link', link);
  text('share-overlay-title', S.shareOverlayTitle(model.title));
  const id = encodeURIComponent(meetingId);
  fill($('share-pages'),
    h('a', { class: 'button button-small', href: `/chair/${id}` }, S.pageChair),
    h('a', { class: 'button button-small', href: `/display/${id}` }, S.pageDisplay),
    h('a', { class: 'button button-small', href: `/follow/${id}` }, S.pageFollow),
    h('a', { class: 'button button-small', href: `/programme/${id}` }, S.pageProgramme));
}
$('share-copy').addEventListener('click', async () => {
  try { await navigator.clipboard.writeText($('share-link').href); $('share-copy').textContent = S.shareCopied; } catch { /* the link is on the card to copy by hand */ }
});
$('share-screen').addEventListener('click', () => { $('share-overlay').hidden = false; $('share-overlay-close').focus(); });
$('share-overlay-close').addEventListener('click', () => { $('share-overlay').hidden = true; });
document.addEventListener('keydown', e => { if (e.key === 'Escape') $('share-overlay').hidden = true; });

function exportsCard() {
  const id = encodeURIComponent(meetingId);
  const link = (href, words, download) => h('li', {}, h('a', { href, download: download ?? false }, words));
  fill($('exports'),
    link(`/api/meetings/${id}/report`, S.exportReport, `${meetingId}-report.md`),
    link(`/api/meetings/${id}/report?format=json`, S.exportReportJson),
    link(`/api/meetings/${id}/log?format=csv`, S.exportLog, `${meetingId}-log.csv`),
    link(`/api/meetings/${id}/calendar.ics`, S.exportCalendar, `${meetingId}.ics`),
    model.bodies.length > 1 ? model.bodies.map(b => link(`/api/meetings/${id}/calendar.ics?body=${encodeURIComponent(b.id)}`,
      S.exportCalendarBody(b.symbol || b.name), `${meetingId}-${b.id}.ics`)) : null);
}

// --- saving -------------------------------------------------------------------------------------------------------

$('definition-form').addEventListener('submit', async event => {
  event.preventDefault();
  if (importing) return;
  say('save-message', S.saving, 'info');
  const answer = await call('PUT', api('/definition'), { json: model, ifMatch: view.version });
  if (answer.ok) {
    const wasLive = view.status === 'live';
    takeView(answer.body);
    await loadSnapshot();
    render();
    cards();
    say('save-message', wasLive ? S.savedLive(answer.body.version) : S.saved(answer.body.version), 'success');
    return;
  }
  if (answer.status === 412) {
    const now = await call('GET', api('/definition'));
    say('save-message', S.stale(view.version, now.ok ? now.body.version : null), 'error');
    return;
  }
  const problems = problemsOf(answer.body);
  if (problems.length > 0) {
    showProblems(problems, S.problemsHeading(problems.length));
    say('save-message', S.refusedWith(answer.body?.detail, refusalSaid(answer)), 'error');
    $('problems').scrollIntoView({ block: 'start' });
    return;
  }
  say('save-message', S.refusedWith(answer.body?.detail, refusalSaid(answer)), 'error');
});

$('reload').addEventListener('click', async () => {
  say('save-message', null);
  const answer = await call('GET', api('/definition'));
  if (answer.ok) {
    takeView(answer.body);
    await loadSnapshot();
    render();
    cards();
  }
});

// --- publishing a draft -------------------------------------------------------------------------------------------

$('publish').addEventListener('click', async () => {
  if (edited()) {
    say('publish-message', S.saveFirst, 'warning');
    return;
  }
  say('publish-message', S.publishing, 'info');
  const answer = await call('POST', api('/publish'));
  if (answer.ok) {
    const next = await call('GET', api('/definition'));
    if (next.ok) takeView(next.body);
    await loadSnapshot();
    cards();
    say('save-message', S.published, 'success');
    return;
  }
  const problems = problemsOf(answer.body);
  showProblems(problems, S.publishProblemsHeading(problems.length));
  say('publish-message', refusal(answer), 'error');
});

// --- announcements ------------------------------------------------------------------------------------------------

/** Says how an announcement went; a refusal in the viewer's language, the server's English (a phrase unknown here) marked lang="en". */
function announceSay(words, kind, answer = null) {
  const said = answer ? serverText(answer.body?.text, answer.body?.detail ?? `${answer.status}`, snapshot) : { text: words, lang: '' };
  say('announce-message', said.text, kind);
  if (said.lang) $('announce-message').lang = said.lang; else $('announce-message').removeAttribute('lang');
}

function announcementsList() {
  const now = Date.now();
  const showing = (snapshot?.announcements ?? []).filter(a => !a.until || Date.parse(a.until) > now);
  fill($('announcements'), showing.length === 0 ? h('li', { class: 'muted' }, S.noAnnouncements)
    : showing.map(a => h('li', { class: 'notice', dataset: { announcement: a.id } }, a.text,
      h('span', { class: 'muted' }, `${a.until ? S.until(venueTimeOf(a.until, model.timeZone)) : ''} — ${a.by === 'chair' ? S.byChair : S.bySecretariat} `),
      smallButton(S.withdraw, async () => {
        const answer = await call('DELETE', api(`/announcements/${encodeURIComponent(a.id)}`), { idempotent: true });
        if (answer.ok) { snapshot = answer.body; announcementsList(); announceSay(S.withdrawn, 'success'); } else announceSay(null, 'error', answer);
      }, ['button-quiet', 'withdraw']))));
}

$('announce-form').addEventListener('submit', async event => {
  event.preventDefault();
  const until = $('announce-until').value;
  const body = { text: $('announce-text').value.trim(), until: until ? venueInstant(until, model.timeZone) : null };
  const answer = await call('POST', api('/announcements'), { json: body, idempotent: true });
  if (answer.ok) {
    snapshot = answer.body;
    $('announce-text').value = '';
    $('announce-until').value = '';
    announcementsList();
    announceSay(S.announced, 'success');
  } else {
    announceSay(null, 'error', answer);
  }
});

// --- formats, caps and the re-plan preview ------------------------------------------------------------------------

let formatReady = false;
function formatCard() {
  if (!formatReady) {
    fill($('format-format'), Object.entries(S.formats).map(([v, words]) => h('option', { value: v, selected: v === 'hybrid' }, words)));
    fill($('format-strategy'), Object.entries(S.strategies).map(([v, words]) => h('option', { value: v }, words)));
    formatReady = true;
  }
  const open = (snapshot?.sessions ?? []).filter(s => s.status !== 'ended' && s.status !== 'cancelled');
  // The card is drawn again whenever the meeting's view is (a save, an announcement, a push): the sittings the officer
  // has ticked stay ticked, or a re-plan would be previewed for none of them.
  const ticked = new Set([...document.querySelectorAll('input[name=format-sitting]:checked')].map(i => i.value));
  fill($('format-sittings'), open.map(s => h('label', { class: 'check' },
    h('input', { type: 'checkbox', value: s.id, name: 'format-sitting', checked: ticked.has(s.id) }),
    ` ${t('common.withNote', { text: `${venueDate(s.start, false)} ${ltr(`${venueTime(s.start)}–${venueTime(s.end)}`)}`, note: S.formats[s.format] ?? s.format })}`)));
}

let proposalRequest = null;

function itemTitleOf(id) {
  const e = allItems().find(x => x.item.id === id);
  return e ? itemCaption(e.item) : id;
}

/** Where a plan puts an item, in the officer's language: its sittings by day and hours, and its minutes; or not yet placed. */
function placement(plan, sessions, minutes) {
  if (sessions.length === 0) return S.proposalNotPlaced;
  const names = sessions.map(id => {
    const s = plan.sessions.find(x => x.sessionId === id);
    return s ? `${venueDate(s.localStart, false)} ${ltr(`${venueTime(s.localStart)}–${venueTime(s.localEnd)}`)}` : ltr(id);
  });
  return t('common.withNote', { text: list(names), note: S.minutes(minutes) });
}

function planColumn(heading, plan) {
  return h('div', { class: 'proposal-column' }, h('h3', {}, heading),
    h('ol', { class: 'proposal-sittings' }, plan.sessions.map(s => h('li', { dataset: { session: s.sessionId } },
      h('strong', {}, `${venueDate(s.localStart, false)} ${ltr(`${venueTime(s.localStart)}–${venueTime(s.localEnd)}`)}`),
      s.allocations.length === 0 ? h('p', { class: 'muted' }, S.nothingPlanned)
        : h('ul', {}, s.allocations.map(a => h('li', {}, `${itemTitleOf(a.itemId)}${a.continued ? ` ${S.continued}` : ''} · ${S.minutes(a.minutes)}`)))))));
}

/**
 * A refused re-plan's problems (errors[]: each at its path, with its phrase) in the officer's language, in the box under
 * the form; the refusal's own words say how many. Nothing to show (no errors sent): the box is hidden.
 */
function showPlanProblems(box, answer) {
  const problems = problemsOf(answer.body);
  box.hidden = problems.length === 0;
  fill(box, problems.length === 0 ? '' : h('div', { class: 'problems plan-problems' },
    h('ul', {}, problems.map(p => h('li', { dataset: { problemPath: p.path } }, h('code', {}, p.path), ' ', saidNode(problemSaid(p)))))));
}

$('format-form').addEventListener('submit', async event => {
  event.preventDefault();
  const sessions = [...document.querySelectorAll('input[name="format-sitting"]:checked')].map(i => i.value);
  const cap = $('format-cap').value;
  proposalRequest = {
    sessions, strategy: $('format-strategy').value,
    format: sessions.length ? $('format-format').value : null,
    capMinutes: sessions.length && cap ? Number(cap) : null,
  };
  say('format-message', null);
  const answer = await call('PUT', `${api('/format')}?dryRun=true`, { json: proposalRequest, idempotent: true });
  const box = $('proposal');
  if (!answer.ok) {
    showPlanProblems(box, answer);
    say('format-message', refusal(answer), 'error');
    return;
  }
  const p = answer.body;
  box.hidden = false;
  fill(box,
    h('div', { class: 'proposal-columns' }, planColumn(S.proposalCurrent, p.current), planColumn(S.proposalProposed, p.proposed)),
    p.difference.items.length === 0 && p.difference.overflowBefore === p.difference.overflowAfter
      ? h('p', { class: 'muted' }, S.proposalNoChange)
      : h('ul', { class: 'proposal-moves' }, p.difference.items.map(m => h('li', { dataset: { item: m.itemId } },
        S.proposalMove(itemTitleOf(m.itemId), placement(p.current, m.sessionsBefore, m.minutesBefore), placement(p.proposed, m.sessionsAfter, m.minutesAfter))))),
    p.difference.overflowBefore || p.difference.overflowAfter ? h('p', {}, S.proposalOverflow(p.difference.overflowBefore, p.difference.overflowAfter)) : null,
    p.warnings.length ? h('ul', { class: 'warnings' }, p.warnings.map(w => h('li', { class: 'warning' }, saidNode(serverText(w.text, w.message, snapshot))))) : null,
    h('div', { class: 'actions' }, h('button', {
      type: 'button', id: 'proposal-publish', class: 'button button-primary', onclick: async () => {
        const done = await call('PUT', api('/format'), { json: proposalRequest, ifMatch: p.version, idempotent: true });
        if (done.ok) {
          box.hidden = true;
          say('format-message', S.proposalPublished, 'success');
          const next = await call('GET', api('/definition'));
          if (next.ok) takeView(next.body);
          await loadSnapshot();
          render();
          cards();
        } else {
          if (problemsOf(done.body).length > 0) showPlanProblems(box, done);
          say('format-message', done.status === 412 ? S.proposalStale : refusal(done), 'error');
        }
      },
    }, S.proposalPublish)));
});

// --- chair key, archive and delete --------------------------------------------------------------------------------

function confirmInline(container, question, yes, action) {
  fill(container, h('div', { class: 'remove-confirm' }, h('p', {}, question), h('div', { class: 'actions' },
    h('button', { type: 'button', class: 'button button-primary', onclick: () => { fill(container); action(); } }, yes),
    h('button', { type: 'button', class: 'button', onclick: () => fill(container) }, S.no))));
}

$('rotate').addEventListener('click', () => confirmInline($('new-chair-key'), S.rotateQuestion, S.rotateYes, async () => {
  const answer = await call('POST', api('/chair-key'));
  fill($('new-chair-key'), answer.ok
    ? [h('p', {}, S.newChairKey), h('code', { class: 'chair-key', id: 'chair-key-value' }, answer.body.chairKey)]
    : h('p', { class: 'error' }, refusal(answer)));
}));

$('remove').addEventListener('click', () => { $('remove-confirm').hidden = false; $('remove-yes').focus(); });
$('remove-no').addEventListener('click', () => { $('remove-confirm').hidden = true; });
$('remove-yes').addEventListener('click', async () => {
  $('remove-confirm').hidden = true;
  const wasDraft = view.status === 'draft';
  const answer = await call('DELETE', api(''));
  if (!answer.ok) {
    say('remove-message', refusal(answer), 'error');
    return;
  }
  if (wasDraft) {
    $('workspace').hidden = true;
    say('message', S.deleted, 'success');
    $('message').append(' ', h('a', { href: '/' }, S.back));
    return;
  }
  const next = await call('GET', api('/definition'));
  if (next.ok) takeView(next.body);
  say('save-message', S.archived, 'success');
});

// --- the import form (/secretariat/new) ---------------------------------------------------------------------------

function importMode() {
  $('key-panel').hidden = true;
  $('forget-key').hidden = false;
  $('workspace').hidden = false;
  $('import-card').hidden = false;
  $('definition-card').hidden = true;
  $('meeting-title').textContent = S.importTitle;
  $('save').hidden = true;
  $('reload').hidden = true;
  cards();
}

$('import-form').addEventListener('submit', async event => {
  event.preventDefault();
  const answer = await call('POST', '/api/meetings/import?dryRun=true', { body: $('import-text').value, type: 'text/plain; charset=utf-8' });
  if (!answer.ok) {
    say('message', refusal(answer), 'error');
    return;
  }
  say('message', null);
  gaps = answer.body.gaps ?? [];
  model = structuredClone(answer.body.definition);
  // What the document does not give (dates) is left empty for the officer, as the stored draft would have it.
  if (gaps.some(g => g.field === 'dates')) {
    model.startDate = null;
    model.endDate = null;
    model.sessions = [];
  }
  model.sessions ??= [];
  $('definition-card').hidden = false;
  $('create-draft').hidden = false;
  $('create-live').hidden = false;
  showWarnings(answer.body.warnings ?? [], gaps);
  render();
  $('definition-card').scrollIntoView({ block: 'start' });
});

async function createFromForm(draft) {
  const answer = await call('POST', `/api/meetings${draft ? '?draft=true' : ''}`, { json: model });
  if (!answer.ok) {
    const problems = problemsOf(answer.body);
    showProblems(problems, S.problemsHeading(problems.length));
    say('save-message', S.refusedWith(answer.body?.detail, refusalSaid(answer)), 'error');
    return;
  }
  sessionStorage.setItem(`meetingops:created-chair-key:${answer.body.id}`, answer.body.chairKey);
  location.assign(`/secretariat/${encodeURIComponent(answer.body.id)}`);
}
$('create-draft').addEventListener('click', () => createFromForm(true));
$('create-live').addEventListener('click', () => createFromForm(false));

// --- another language version of the agenda -----------------------------------------------------------------------

translationsCard({
  call, api, say, refusal,
  // The titles are in the definition now: the form shows them, unless the officer has edits not yet saved (a save
  // would then be refused as stale, and says so; nothing is lost either way).
  changed: async version => {
    if (edited()) {
      say('translate-message', t('secretariat.translateUnsaved', { version, mine: view.version }), 'warning');
      return;
    }
    const next = await call('GET', api('/definition'));
    if (!next.ok) return;
    takeView(next.body);
    await loadSnapshot();
    render();
    cards();
  },
});

// --- start --------------------------------------------------------------------------------------------------------

function start() {
  if (!organizerKey) {
    askForKey();
    return;
  }
  if (importing) importMode();
  else load();
}

if (!meetingId) {
  $('meeting-title').textContent = S.notFound('');
} else {
  start();
}
