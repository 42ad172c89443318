// What every console page shares: building elements, calling the API with the session's CSRF token,
// and the status line. Loaded before the page's own script.
'use strict';
const csrf = document.querySelector('meta[name="csrf-token"]').content;

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

async function api(path, options = {}) {
  return (await apiWithHeaders(path, options)).body;
}

/** The answer's body and its headers: a list says how many it holds in all (X-Total-Count) and where its next page is (Link). */
async function apiWithHeaders(path, options = {}) {
  const res = await fetch(path, { credentials: 'same-origin', ...options,
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, ...(options.headers || {}) } });
  if (res.status === 401) { location.href = '/login'; throw new Error('signed out'); }
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error || ('HTTP ' + res.status));
  return { body, headers: res.headers };
}

function say(text, isError) {
  const m = document.getElementById('message');
  m.textContent = text; m.hidden = false; m.className = 'message' + (isError ? ' error' : '');
  clearTimeout(say.timer); say.timer = setTimeout(() => { m.hidden = true; }, 6000);
}
