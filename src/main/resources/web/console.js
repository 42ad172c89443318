// The approval queue: polls the API, keeps drafts being edited untouched, approves and rejects.
'use strict';
const csrf = document.querySelector('meta[name="csrf-token"]').content;
const state = { drafts: new Map(), deadlines: new Map() };

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

async function api(path, options = {}) {
  const res = await fetch(path, { credentials: 'same-origin', ...options,
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, ...(options.headers || {}) } });
  if (res.status === 401) { location.href = '/login'; throw new Error('signed out'); }
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error || ('HTTP ' + res.status));
  return body;
}

function say(text, isError) {
  const m = document.getElementById('message');
  m.textContent = text; m.hidden = false; m.className = 'message' + (isError ? ' error' : '');
  clearTimeout(say.timer); say.timer = setTimeout(() => { m.hidden = true; }, 6000);
}

function timeLeft(deadline) {
  const s = Math.round((new Date(deadline) - Date.now()) / 1000);
  const abs = Math.abs(s), mm = Math.floor(abs / 60), ss = String(abs % 60).padStart(2, '0');
  return { s, text: (s < 0 ? 'late ' : '') + mm + ':' + ss, cls: s < 0 ? 'breached' : (s < 300 ? 'soon' : '') };
}

function xLength(text) {
  let n = 0;
  for (const part of text.split(/(https?:\/\/\S+)/)) {
    if (/^https?:\/\//.test(part)) { n += 23; continue; }
    for (const ch of part) { const cp = ch.codePointAt(0); n += (cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247)) ? 1 : 2; }
  }
  return n;
}

function badge(cls, text, title) {
  const b = el('span', cls, text); if (title) b.title = title; return b;
}

function pct(x) { return Math.round((x || 0) * 100) + '%'; }

function ago(iso) {
  const m = Math.round((Date.now() - new Date(iso)) / 60000);
  return m < 1 ? 'just now' : m < 60 ? m + ' min ago' : new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function card(d) {
  const c = el('article', 'card'); c.dataset.id = d.id;
  const head = el('div', 'post-head');
  head.append(el('span', 'author', d.mention.author.name || d.mention.author.handle), el('span', 'handle', '@' + d.mention.author.handle),
    el('span', 'when', d.platform.toUpperCase() + ' · ' + ago(d.mention.createdAt)));
  const timer = el('span', 'timer'); timer.title = 'Time left to the first-response target'; head.append(timer);
  const text = el('p', 'post-text', d.mention.text); text.dir = 'auto';
  const meta = el('div', 'meta');
  if (d.sentiment) meta.append(badge('badge ' + d.sentiment.label, d.sentiment.label + ' ' + d.sentiment.score.toFixed(2),
    'Sentiment score from -1 to 1, confidence ' + pct(d.sentiment.confidence)));
  if (d.emotion && d.emotion.label !== 'none') meta.append(badge('badge emotion', d.emotion.label, 'Emotion, confidence ' + pct(d.emotion.confidence)));
  if (d.intent && d.intent.confidence > 0) meta.append(badge('badge', d.intent.label, 'Intent, confidence ' + pct(d.intent.confidence)));
  if (d.troll && (d.troll.label || d.troll.offensive)) meta.append(badge('badge troll', d.troll.label ? 'possible troll' : 'offensive',
    (d.troll.reasons || []).join('; ') || 'Troll score ' + d.troll.score.toFixed(2)));
  meta.append(el('span', 'badge', 'lang ' + (d.lang || '?')), el('span', 'badge', 'rule ' + d.ruleId));
  if (d.mention.permalink) { const a = el('a', '', 'open post'); a.href = d.mention.permalink; a.target = '_blank'; a.rel = 'noopener'; meta.append(a); }
  const why = el('details', 'why'); why.append(el('summary', '', 'Why this reply'));
  const ul = el('ul'); (d.reasons || []).concat((d.troll && d.troll.reasons) || []).forEach(r => ul.append(el('li', '', r))); ul.append(el('li', '', 'Matched rule "' + d.ruleId + '", template "' + d.templateId + '"')); why.append(ul);
  const area = el('textarea'); area.value = d.text; area.dir = 'auto'; area.setAttribute('aria-label', 'Reply to @' + d.mention.author.handle);
  const chars = el('span', 'chars');
  const count = () => { const n = xLength(area.value); chars.textContent = n + ' / 280'; chars.classList.toggle('over', n > 280); };
  area.addEventListener('input', () => { area.dataset.edited = '1'; count(); }); count();
  const approve = el('button', 'primary', 'Approve & publish');
  const reject = el('button', 'danger', 'Reject');
  approve.addEventListener('click', () => act(d.id, 'approve', area.dataset.edited ? { text: area.value } : {}, c));
  reject.addEventListener('click', () => { const reason = prompt('Reason for rejecting (optional):', ''); if (reason !== null) act(d.id, 'reject', { reason }, c); });
  const actions = el('div', 'actions'); actions.append(approve, reject, chars);
  c.append(head, text, meta, why, area, actions);
  state.deadlines.set(d.id, { deadline: d.deadline, timer, card: c });
  return c;
}

async function act(id, action, body, c) {
  c.querySelectorAll('button').forEach(b => { b.disabled = true; });
  try {
    const d = await api('/api/drafts/' + id + '/' + action, { method: 'POST', body: JSON.stringify(body) });
    say(action === 'approve' ? 'Approved: the reply to @' + d.mention.author.handle + ' is being published.' : 'Rejected.');
    c.remove(); state.drafts.delete(id); state.deadlines.delete(id);
    refresh();
  } catch (e) {
    say(e.message, true);
    c.querySelectorAll('button').forEach(b => { b.disabled = false; });
  }
}

function dismiss(id, c) {
  const b = el('button', 'link', 'Dismiss');
  b.addEventListener('click', () => { c.remove(); state.drafts.delete(id); });
  return b;
}

function tick() {
  for (const { deadline, timer, card } of state.deadlines.values()) {
    const t = timeLeft(deadline);
    timer.textContent = t.text; timer.className = 'timer ' + t.cls; card.className = 'card ' + t.cls;
  }
}

async function refresh() {
  try {
    const [pending, decided, accounts] = await Promise.all([api('/api/drafts?status=pending'), api('/api/drafts?status=decided&limit=15'), api('/api/accounts')]);
    const list = document.getElementById('pending');
    const ids = new Set(pending.map(d => d.id));
    for (const [id, c] of state.drafts) {
      if (ids.has(id)) continue;
      if (!c.querySelector('textarea').dataset.edited) { c.remove(); state.drafts.delete(id); state.deadlines.delete(id); continue; }
      // Someone else decided while this agent was editing: keep the text so it is not lost, but say so.
      if (!c.classList.contains('gone')) {
        const gone = decided.find(x => x.id === id);
        c.classList.add('gone'); state.deadlines.delete(id);
        c.querySelectorAll('button').forEach(b => { b.disabled = true; });
        c.querySelector('.timer').textContent = gone ? gone.status + (gone.decidedBy ? ' by ' + gone.decidedBy : '') : 'no longer pending';
        c.querySelector('.actions').append(dismiss(id, c));
      }
    }
    pending.forEach(d => { if (!state.drafts.has(d.id)) { const c = card(d); state.drafts.set(d.id, c); } });
    // Most urgent first; nodes being edited keep their content, only their place may change.
    pending.forEach(d => list.append(state.drafts.get(d.id)));
    document.getElementById('pending-count').textContent = pending.length;
    document.getElementById('empty').hidden = pending.length > 0;
    const recent = document.getElementById('recent'); recent.replaceChildren();
    decided.forEach(d => {
      const li = el('li');
      const head = el('div', 'recent-head');
      head.append(el('span', 'status ' + d.status, d.status), el('span', 'muted', (d.decidedBy ? d.decidedBy + ' · ' : '') + (d.decidedAt ? ago(d.decidedAt) : '')));
      li.append(head, el('div', '', 'to @' + d.mention.author.handle), el('div', 'snippet', d.text));
      li.title = d.text;
      if (d.publishedId) li.append(el('div', 'muted small', 'published as ' + d.publishedId));
      if (d.error) li.append(el('div', 'error small', (d.status === 'rejected' ? 'reason: ' : '') + d.error));
      recent.append(li);
    });
    document.getElementById('recent-empty').hidden = decided.length > 0;
    const box = document.getElementById('accounts'); box.replaceChildren();
    accounts.forEach(a => {
      const chip = el('span', 'chip' + (a.healthy ? '' : ' down')); chip.append(el('span', 'dot'), el('span', '', a.platform.toUpperCase() + ' @' + (a.handle || a.account)));
      chip.title = a.healthy ? 'Connected' : ('Not healthy: ' + (a.lastError || 'unknown error')); box.append(chip);
    });
    document.getElementById('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
    tick();
  } catch (e) {
    document.getElementById('updated').textContent = 'update failed: ' + e.message;
  }
}

refresh();
setInterval(refresh, 5000);
setInterval(tick, 1000);
