// The room display when more than one sitting is in progress (a WG.3-only and a WG.2-only sitting at once): one
// panel per sitting, side by side, in the meeting's body order, each with its bodies, what is under consideration,
// what comes next and the time left under its cap. The unfiltered display shows them all; ?body= shows one.
import { t, list } from './i18n.js';
import { titleNodes, bodyName, itemById, itemNumbers, groupedNumbers, nextItem, sessionBodies, itemLabel, formatWords, venueTime, capLeft, duration, h, fill } from './meeting.js';

/** The sittings in progress or suspended, ordered by the first of their bodies in the meeting's body order. */
export function sittingsNow(meeting) {
  const order = id => meeting.bodies.findIndex(b => b.id === id);
  const first = s => Math.min(...s.bodies.map(order));
  return meeting.sessions
    .filter(s => s.status === 'inProgress' || s.status === 'suspended')
    .sort((a, b) => first(a) - first(b));
}

/** One panel per sitting into the container. */
export function renderSittings(container, meeting, sittings) {
  fill(container, sittings.map(session => panel(meeting, session)));
  renderSittingCaps(container, meeting);
}

/** The time left under each panel's cap (every second, with the clock). */
export function renderSittingCaps(container, meeting, now = Date.now()) {
  for (const element of container.querySelectorAll('[data-session]')) {
    const session = meeting.sessions.find(s => s.id === element.dataset.session);
    const left = capLeft(session, now);
    const box = element.querySelector('.sitting-cap');
    box.hidden = left === null;
    if (left !== null) {
      box.querySelector('.display-label').textContent = left >= 0 ? t('display.leftUnderCap', { count: session.capMinutes }) : t('display.overCap', { count: session.capMinutes });
      box.querySelector('.sitting-cap-time').textContent = duration(Math.abs(left));
      box.classList.toggle('is-warning', left < 15 * 60000);
    }
  }
}

function panel(meeting, session) {
  const item = itemById(meeting, session.currentItemId);
  // The numbers on the agendas of the bodies sitting here; an item on none of them shows with its bodies' names.
  const own = item ? itemNumbers(meeting, item).filter(n => session.bodies.includes(n.body.id)) : [];
  const groups = own.length > 0 ? [...new Map(own.map(n => [n.number, { number: n.number, shorts: [] }])).values()] : item ? groupedNumbers(meeting, item) : [];
  const next = nextItem(meeting, session);
  const when = session.status === 'suspended'
    ? t('display.suspended')
    : `${t('display.sitting', { time: `${venueTime(session.start)}–${venueTime(session.end)}` })}${session.format === 'inPerson' ? '' : ` · ${formatWords[session.format] ?? session.format}`}`;
  return h('section', { class: `display-sitting-panel${session.status === 'suspended' ? ' is-suspended' : ''}`, dataset: { session: session.id }, 'aria-label': list(sessionBodies(meeting, session).map(b => bodyName(b))) },
    h('p', { class: 'sitting-bodies' }, sessionBodies(meeting, session).map(b => h('span', { class: 'display-body' }, bodyName(b)))),
    h('p', { class: 'display-sitting sitting-when' }, when),
    h('p', { class: 'display-label' }, item ? t('display.underConsideration') : t('display.noItem')),
    h('p', { class: 'display-numbers sitting-numbers' }, groups.map(g => h('span', { class: 'display-number' },
      g.shorts.map(short => h('span', { class: 'display-number-body' }, short)),
      h('span', { class: 'display-number-value' }, t('item.label', { number: g.number }))))),
    h('p', { class: 'sitting-title' }, item ? titleNodes(item) : ''),
    h('div', { class: 'sitting-foot' },
      h('div', { class: 'display-next' },
        h('p', { class: 'display-label' }, t('common.next')),
        h('p', { class: 'display-next-text sitting-next' }, next
          ? [h('span', { class: 'display-next-number' }, itemLabel(meeting, next.item)), ' ', titleNodes(next.item), next.item.status === 'continued' ? ` ${t('item.continued')}` : '']
          : t('display.nothingMore'))),
      h('div', { class: 'display-cap sitting-cap', hidden: true },
        h('p', { class: 'display-label' }, t('display.timeLeft')),
        h('p', { class: 'display-cap-time sitting-cap-time' }))));
}
