// The list of meetings (GET /api/meetings) with links to the chair console, the room displays and the follow page.
import { h, fill, venueDate } from './meeting.js';

const list = document.getElementById('meetings');

async function load() {
  try {
    const response = await fetch('/api/meetings');
    if (!response.ok) {
      throw new Error(`${response.status}`);
    }
    const meetings = await response.json();
    if (meetings.length === 0) {
      fill(list, h('li', { class: 'muted' }, 'No meetings yet. The secretariat creates one with POST /api/meetings (see the README).'));
      return;
    }
    fill(list, meetings.map(m => {
      const id = encodeURIComponent(m.id);
      return h('li', { class: 'card meeting', dataset: { meeting: m.id } },
        h('p', { class: 'eyebrow' }, `${m.venue} · ${venueDate(`${m.startDate}T00:00`, false)} – ${venueDate(`${m.endDate}T00:00`)}`),
        h('h2', { class: 'meeting-title' }, m.title),
        h('p', { class: 'muted' }, m.bodies.join(' · ')),
        h('nav', { class: 'meeting-links', 'aria-label': `Views of ${m.title}` },
          h('a', { class: 'button button-primary', href: `/chair/${id}` }, 'Chair console'),
          h('a', { class: 'button', href: `/display/${id}` }, 'Room display'),
          h('a', { class: 'button', href: `/follow/${id}` }, 'Follow')));
    }));
  } catch (error) {
    fill(list, h('li', { class: 'error' }, `The list of meetings could not be loaded (${error.message}).`));
  }
}

load();
