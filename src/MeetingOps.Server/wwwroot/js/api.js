// One way for every page to send a command over REST: the key, the Idempotency-Key, If-Match and a JSON body, and
// one shape of answer ({ ok, status, body, etag }) that never throws, so each page only decides what to say.
// The Idempotency-Key is made here, not with crypto.randomUUID: that exists only in a secure context, and a venue
// that serves the pages over plain http on its own network (http://10.0.0.5:8080) is not one.

/** A fresh idempotency key for one press. */
export function newIdempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Sends one request. key: the bearer key; json: a body sent as JSON; body and type: any other body and its
 * Content-Type; ifMatch: the version expected; idempotencyKey: the key of this press (a resend passes the same one),
 * or idempotent: true for a fresh one. A network failure answers status 0 with the browser's words in body.detail.
 */
export async function request(method, path, { key, json, body, type, ifMatch, idempotencyKey, idempotent } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (key) headers.Authorization = `Bearer ${key}`;
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  if (type) headers['Content-Type'] = type;
  if (ifMatch !== undefined && ifMatch !== null) headers['If-Match'] = `"${ifMatch}"`;
  const idempotency = idempotencyKey ?? (idempotent ? newIdempotencyKey() : null);
  if (idempotency) headers['Idempotency-Key'] = idempotency;
  try {
    const response = await fetch(path, { method, headers, body: json !== undefined ? JSON.stringify(json) : body });
    const raw = await response.text();
    let parsed = null;
    try { parsed = raw ? JSON.parse(raw) : null; } catch { parsed = { detail: raw }; }
    return { ok: response.ok, status: response.status, body: parsed, etag: response.headers.get('ETag') };
  } catch (error) {
    return { ok: false, status: 0, body: { detail: error.message } };
  }
}

/** The path of a meeting's API, e.g. meetingApi(id, '/announcements'). */
export const meetingApi = (meetingId, path = '') => `/api/meetings/${encodeURIComponent(meetingId)}${path}`;
