// Follows one meeting over the SignalR hub (/hubs/meetings). The contract: Follow(meetingId) returns the snapshot
// and joins the meeting's group; every push ("changed") carries the meeting's version and what changed since the
// version before (changes.js applies it). A push from the version held is applied; an older one is ignored; one
// from another version (a gap), a change too big to send, or a reconnect means: follow again, which returns a
// fresh snapshot. Pushes that arrive while a snapshot is on its way wait for it and are applied after it.
import { t } from './i18n.js';
/* global signalR */
import { applyChanges, entriesOf } from './changes.js';

const hubPath = '/hubs/meetings';

/** The reconnect delays: quick at first, then every 5 s, for as long as it takes (a room screen never gives up). */
const retryPolicy = {
  nextRetryDelayInMilliseconds: context => Math.min(250 * 2 ** context.previousRetryCount, 5000),
};

/**
 * Starts following a meeting. handlers: onSnapshot(meeting, reason), onChange(meeting, changes),
 * onStatus('connecting' | 'live' | 'reconnecting' | 'offline'), onAnnouncement(capWarning), onError(message).
 * Returns { command(...), connection, get meeting(), get version(), get status() }.
 */
export function followMeeting(meetingId, handlers) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(hubPath)
    .withAutomaticReconnect(retryPolicy)
    .withStatefulReconnect()
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  // Notice a dead network within seconds, not half a minute (the server pings every 5 s).
  connection.serverTimeoutInMilliseconds = 12000;
  connection.keepAliveIntervalInMilliseconds = 5000;

  let meeting = null;
  let version = -1;
  let status = 'connecting';
  let syncing = null;
  let syncAgain = false;
  let queue = [];
  let gone = false;

  const setStatus = next => {
    if (status !== next) {
      status = next;
      handlers.onStatus?.(next);
    }
  };

  // Applies one push; returns false on a gap (the caller resyncs).
  const apply = push => {
    if (push.version <= version) {
      return true; // already in the snapshot or applied before
    }
    const next = applyChanges(meeting, push);
    if (!next) {
      return false;
    }
    version = push.version;
    meeting = next;
    handlers.onChange?.(meeting, entriesOf(push));
    return true;
  };

  const resync = reason => {
    if (syncing) {
      syncAgain = true;
      return syncing;
    }
    syncing = (async () => {
      try {
        do {
          syncAgain = false;
          const snapshot = await connection.invoke('Follow', meetingId);
          const waiting = queue.sort((a, b) => a.version - b.version);
          queue = [];
          const before = meeting;
          meeting = snapshot;
          version = snapshot.version;
          handlers.onSnapshot?.(snapshot, reason, before);
          for (const push of waiting) {
            if (!apply(push)) {
              syncAgain = true;
              reason = 'gap';
              break;
            }
          }
        } while (syncAgain);
      } catch (error) {
        const message = serverMessage(error);
        if (message && /no meeting/i.test(message)) {
          gone = true;
          handlers.onError?.(message);
          await connection.stop();
        } else if (message) {
          setTimeout(() => resync(reason), 1000); // refused for now (e.g. too many calls): ask again shortly
        }
        // Otherwise the connection broke while syncing: the reconnect handler syncs again.
      } finally {
        syncing = null;
      }
    })();
    return syncing;
  };

  connection.on('changed', push => {
    if (push.meetingId !== meetingId) {
      return;
    }
    if (syncing) {
      queue.push(push);
    } else if (!apply(push)) {
      resync('gap');
    }
  });
  connection.on('announced', warning => {
    if (warning.meetingId === meetingId) {
      handlers.onAnnouncement?.(warning);
    }
  });
  connection.onreconnecting(() => setStatus('reconnecting'));
  connection.onreconnected(() => {
    setStatus('live');
    resync('reconnected'); // a new connection is in no group yet; and something may have been missed
  });
  connection.onclose(() => {
    if (gone) {
      return;
    }
    setStatus('offline');
    start();
  });

  let starting = null;
  const start = () => {
    starting ??= (async () => {
      for (let attempt = 0; !gone; attempt++) {
        try {
          if (connection.state === signalR.HubConnectionState.Disconnected) {
            await connection.start();
          }
          setStatus('live');
          await resync(attempt === 0 && version < 0 ? 'start' : 'reconnected');
          return;
        } catch {
          setStatus('offline');
          await new Promise(resolve => setTimeout(resolve, Math.min(500 * 2 ** attempt, 5000)));
        }
      }
    })().finally(() => { starting = null; });
    return starting;
  };

  // Browsers say when the network goes and comes back: show it at once (a socket can take seconds to notice),
  // and when it is back, connect or resync at once instead of waiting for the next retry or ping.
  window.addEventListener('offline', () => setStatus('offline'));
  window.addEventListener('online', () => {
    if (connection.state === signalR.HubConnectionState.Disconnected) {
      start();
    } else if (connection.state === signalR.HubConnectionState.Connected) {
      setStatus('live');
      resync('online');
    }
  });

  start();

  /**
   * A chair's command on this meeting, as the hub's one request record (ChairCommand: kind "item" or "session", id,
   * action, chairKey, idempotencyKey, and optionally expectedVersion, sessionId, actorName, confirm); resolves with the
   * hub's CommandReply.
   */
  const command = request => connection.invoke('Command', { ...request, meetingId });

  /** Undo on this meeting, as the hub's UndoRequest (chairKey, idempotencyKey, expectedVersion, version, actorName). */
  const undo = request => connection.invoke('Undo', { ...request, meetingId });

  const api = {
    connection,
    command,
    undo,
    resync,
    get meeting() { return meeting; },
    get version() { return version; },
    get status() { return status; },
    /** Waits until the connection is up (for retrying a command), at most timeoutMs. */
    async ready(timeoutMs = 10000) {
      const deadline = Date.now() + timeoutMs;
      while (connection.state !== signalR.HubConnectionState.Connected || syncing) {
        if (Date.now() > deadline) {
          throw new Error(t('connection.notBack'));
        }
        await new Promise(resolve => setTimeout(resolve, 100));
      }
    },
  };
  window.meetingOpsLive = api; // for the browser tests and for anyone debugging a room screen
  return api;
}

/** The server's message in a HubException ("… HubException: <message>"), or null for a broken connection. */
export function serverMessage(error) {
  const text = String(error?.message ?? error ?? '');
  const marker = 'HubException: ';
  const at = text.indexOf(marker);
  return at >= 0 ? text.slice(at + marker.length) : null;
}

