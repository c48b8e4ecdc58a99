// The one reducer every page uses for the hub's "changed" push {version, meetingId, since, changes}: it turns the
// snapshot a page holds (at version `since`) into the snapshot at `version`, as MeetingChanges.Apply does on the
// server. Field names in the changes are the snapshot's own, so a status change is merged into the item or sitting.
// Returns null when the page must follow again: a gap (the page holds another version), a "resync" change (too big
// to send), or a change this page does not know.

const byId = (list, id) => list.findIndex(x => x.id === id);

const merge = (list, id, fields) => {
  const at = byId(list, id);
  if (at >= 0) list[at] = { ...list[at], ...fields };
};

const replace = (list, id, element) => {
  const at = byId(list, id);
  if (at >= 0) list[at] = element;
};

const key = actions => actions.join(',');

/** Each element whose allowed actions read a rule's `from` reads its `to` (all rules at once). */
const applyRules = (list, rules) => {
  const to = new Map(rules.map(r => [key(r.from), r.to]));
  return list.map(x => (x.allowed && to.has(key(x.allowed)) ? { ...x, allowed: to.get(key(x.allowed)) } : x));
};

/** The snapshot after the push, or null: follow again. Never changes `meeting` itself. */
export function applyChanges(meeting, push) {
  const whole = push.changes.some(c => c.kind === 'snapshot' || c.kind === 'resync');
  if (!meeting || (!whole && push.since !== meeting.version)) return null;
  let view = { ...meeting };
  let items = [...meeting.items];
  let sessions = [...meeting.sessions];
  for (const c of push.changes) {
    switch (c.kind) {
      case 'log': break;
      case 'resync': return null;
      case 'snapshot': view = { ...c.meeting }; items = [...view.items]; sessions = [...view.sessions]; break;
      case 'meeting': {
        const { bodies, announcements, currentSessionId, currentItemId, archived, undoText } = view;
        view = { ...c.meeting, bodies, announcements, currentSessionId, currentItemId, archived, undoText };
        break;
      }
      case 'current': view = { ...view, ...c.current }; break;
      case 'bodies': view.bodies = c.bodies; break;
      case 'announcements': view.announcements = c.announcements; break;
      case 'items': items = [...c.items]; break;
      case 'itemRemoved': items = items.filter(x => x.id !== c.id); break;
      case 'item': if (c.at != null) items.splice(c.at, 0, c.item); else replace(items, c.id, c.item); break;
      case 'itemStatus': merge(items, c.id, c.itemState); break;
      case 'itemsAllowed': items = applyRules(items, c.rules); break;
      case 'sessionsAllowed': sessions = applyRules(sessions, c.rules); break;
      case 'sessions': sessions = [...c.sessions]; break;
      case 'sessionRemoved': sessions = sessions.filter(x => x.id !== c.id); break;
      case 'session': if (c.at != null) sessions.splice(c.at, 0, c.session); else replace(sessions, c.id, c.session); break;
      case 'sessionStatus': merge(sessions, c.id, c.sessionState); break;
      case 'sessionItem': merge(sessions, c.id, c.sessionItem); break;
      default: return null; // a newer server's change: follow again rather than show something wrong
    }
  }
  return { ...view, version: push.version, items, sessions };
}

/** The log entries a push carries (what the console lists and the follow page says in words). */
export function entriesOf(push) {
  return push.changes.filter(c => c.kind === 'log').map(c => c.entry);
}
