// The participant's schedule also lists what the plan in force could not place in any sitting, as "not yet placed",
// so an item that overflowed a re-plan does not silently disappear from the programme. Read from GET /schedule
// (its notYetPlaced list) when the page opens and once a minute after, which is often enough for a re-plan.
import { meetingIdFromPath, itemById, itemLabel, itemTitle, h, fill } from './meeting.js';
import { t } from './i18n.js';

const meetingId = meetingIdFromPath();
const refreshMs = 60_000;

function section() {
  let element = document.getElementById('not-placed');
  if (!element) {
    const schedule = document.getElementById('schedule');
    if (!schedule) {
      return null;
    }
    element = h('section', { id: 'not-placed', class: 'not-placed', 'aria-live': 'polite' });
    schedule.after(element);
  }
  return element;
}

function label(meeting, itemId) {
  const item = meeting ? itemById(meeting, itemId) : null;
  return item ? `${itemLabel(meeting, item)}: ${itemTitle(item).text}` : itemId;
}

async function refresh() {
  const base = `/api/meetings/${encodeURIComponent(meetingId)}`;
  try {
    const [schedule, meeting] = await Promise.all([
      fetch(`${base}/schedule`).then(r => (r.ok ? r.json() : null)),
      fetch(base).then(r => (r.ok ? r.json() : null)),
    ]);
    const element = section();
    if (!element || !schedule) {
      return;
    }
    const items = schedule.notYetPlaced ?? [];
    if (items.length === 0) {
      fill(element);
      return;
    }
    fill(element,
      h('h3', {}, t('follow.notYetPlaced')),
      h('ul', { class: 'not-placed-items' }, items.map(i =>
        h('li', { dataset: { item: i.itemId } }, `${label(meeting, i.itemId)} — ${t('floor.minutes', { count: i.minutes })}`))));
  } catch {
    // The rest of the page works without this list; the next refresh tries again.
  }
}

if (meetingId) {
  refresh();
  setInterval(refresh, refreshMs);
}
