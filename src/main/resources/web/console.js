// The approval queue: polls the API every few seconds, keeps drafts being edited untouched, claims a
// draft while an agent works on it, approves, rejects, snoozes and assigns; keyboard shortcuts.
// Long on purpose: one page's script, without a build step or framework, read top to bottom as the queue works.
'use strict';
const me = document.querySelector('meta[name="username"]').content;
const state = { drafts: new Map(), deadlines: new Map(), selected: null, claims: new Map(), killed: false, pages: 1 };

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
  head.append(el('span', 'author', d.mention.author.name || d.mention.author.handle), el('span', 'handle', d.platform === 'facebook' ? '' : at(d.platform, d.mention.author.handle)),
    el('span', 'when', d.platform.toUpperCase() + ' · ' + ago(d.mention.createdAt)));
  const timer = el('span', 'timer'); timer.title = 'Time left to the first-response target'; head.append(timer);
  const text = el('p', 'post-text', d.mention.text); text.dir = 'auto';
  const meta = el('div', 'meta');
  const w = d.work || {};
  if (w.priority && w.priority !== 'normal') meta.append(badge('badge prio-' + w.priority, w.priority, 'Priority set by rule ' + d.ruleId));
  if (w.kind === 'holding') meta.append(badge('badge auto', 'holding reply', 'Sent by the SLA timer while the team prepares the answer'));
  if (w.kind === 'closing') meta.append(badge('badge auto', 'closing message', 'Closes the loop in public after the ticket was resolved'));
  if (d.ticketId) {
    const t = el('a', 'badge ticket', 'ticket #' + d.ticketId); t.href = '/tickets#' + d.ticketId;
    t.title = w.kind === 'closing' ? 'The resolved ticket this message closes' : 'The reply carries this ticket\u2019s link (or its reference)';
    meta.append(t);
  } else if (w.action === 'ticket') meta.append(badge('badge', 'ticket', 'The rule opens a ticket for this post'));
  if (d.sentiment) meta.append(badge('badge ' + d.sentiment.label, d.sentiment.label + ' ' + d.sentiment.score.toFixed(2),
    'Sentiment score from -1 to 1, confidence ' + pct(d.sentiment.confidence)));
  if (d.emotion && d.emotion.label !== 'none') meta.append(badge('badge emotion', d.emotion.label, 'Emotion, confidence ' + pct(d.emotion.confidence)));
  if (d.care) meta.append(badge('badge care care-' + d.care.action, d.care.action, 'Care action the analysis proposes, confidence ' + pct(d.care.confidence)));
  if (d.care && d.care.urgent) meta.append(badge('badge prio-urgent', 'time matters', 'Travel today, stranded, money taken twice or an outage'));
  if (d.intent && d.intent.confidence > 0) meta.append(badge('badge', d.intent.label, 'Intent, confidence ' + pct(d.intent.confidence)));
  if (d.troll && (d.troll.label || d.troll.offensive)) meta.append(badge('badge troll', d.troll.label ? 'possible troll' : 'offensive',
    (d.troll.reasons || []).join('; ') || 'Troll score ' + d.troll.score.toFixed(2)));
  meta.append(el('span', 'badge', 'lang ' + (d.lang || '?')), badge('badge', 'rule ' + d.ruleId, w.ruleReason || ''));
  if (w.variants > 1) meta.append(badge('badge', 'variant ' + d.templateId, 'This rule compares ' + w.variants + ' templates (A/B test)'));
  if (w.assignedTo) meta.append(badge('badge', 'assigned to ' + w.assignedTo, ''));
  if (d.mention.permalink) { const a = el('a', '', 'open post'); a.href = d.mention.permalink; a.target = '_blank'; a.rel = 'noopener'; meta.append(a); }
  const parts = [head];
  const earlier = (d.thread || []).filter(t => t.id !== d.mention.id);
  if (earlier.length) {
    const th = el('div', 'thread'); th.setAttribute('aria-label', 'Earlier in the thread');
    earlier.slice(-4).forEach(t => {
      const ours = t.ours;
      const p = el('div', ours ? 'ours' : null);
      p.append(el('span', 't-author', ours ? 'Our reply ' : at(d.platform, t.author.handle) + ' '), el('span', '', t.text)); p.dir = 'auto'; th.append(p);
    });
    parts.push(th);
  }
  parts.push(text, meta);
  if (w.gate) parts.push(el('div', 'gate', 'Unattended mode left this to a person: ' + w.gate));
  const holder = el('div', 'holder'); holder.hidden = true; parts.push(holder);
  const why = el('details', 'why'); why.append(el('summary', '', 'Why this reply'));
  const ul = el('ul'); (d.reasons || []).concat((d.troll && d.troll.reasons) || []).forEach(r => ul.append(el('li', '', r)));
  ul.append(el('li', '', 'Rule "' + d.ruleId + '"' + (w.ruleReason ? ' (' + w.ruleReason + ')' : '') + ', template "' + d.templateId + '"'));
  why.append(ul);
  const area = el('textarea'); area.value = d.text; area.dir = 'auto'; area.setAttribute('aria-label', 'Reply to ' + at(d.platform, d.mention.author.handle));
  const chars = el('span', 'chars');
  const limit = d.replyLimit;
  const count = () => { const n = d.platform === 'x' ? xLength(area.value) : [...area.value].length; chars.textContent = n + ' / ' + limit; chars.classList.toggle('over', n > limit); };
  area.addEventListener('input', () => { area.dataset.edited = '1'; count(); claim(d.id, c, true); }); count();
  area.addEventListener('focus', () => { select(c); claim(d.id, c, true); });
  const approve = el('button', 'primary', 'Approve & publish'); approve.dataset.act = 'approve';
  const reject = el('button', 'danger', 'Reject'); reject.dataset.act = 'reject';
  const snooze = el('button', '', 'Snooze 15 min'); snooze.dataset.act = 'snooze';
  const assign = el('button', 'link', 'Assign…'); assign.dataset.act = 'assign';
  approve.addEventListener('click', () => act(d.id, 'approve', area.dataset.edited ? { text: area.value } : {}, c));
  reject.addEventListener('click', () => { const reason = prompt('Reason for rejecting (optional):', ''); if (reason !== null) act(d.id, 'reject', { reason }, c); });
  snooze.addEventListener('click', () => act(d.id, 'snooze', { minutes: 15 }, c));
  assign.addEventListener('click', () => { const agent = prompt('Assign to (username, empty for nobody):', w.assignedTo || ''); if (agent !== null) act(d.id, 'assign', { agent }, c, true); });
  const share = el('button', 'link', 'Share with marketing'); share.title = 'Add this post to the praise feed for marketing';
  share.addEventListener('click', async () => {
    try {
      const r = await api('/api/drafts/' + d.id + '/share', { method: 'POST', body: '{}' });
      say(r.added ? 'Shared with marketing: the post by @' + d.mention.author.handle + ' is in the praise feed.' : 'Already in the praise feed.');
    } catch (e) { say(e.message, true); }
  });
  const actions = el('div', 'actions'); actions.append(approve, reject, snooze, assign, share, chars);
  parts.push(why);
  if (!d.text) parts.push(el('div', 'gate', 'No reply drafted' + (d.lang ? ' in ' + d.lang : '') + ': write it here, then approve.'));
  if (d.suggestions && d.suggestions.length) {
    // Answers from the knowledge (best first) and the team's reply to a similar post: one click puts it in the box to check or edit.
    const box = el('div', 'suggestions'); box.append(el('span', 'label', 'Use instead:'));
    d.suggestions.forEach(s => {
      const past = s.entry.startsWith('past:');
      const b = el('button', 'link', (past ? '' : 'knowledge: ') + s.topic + (s.sure ? ' \u2713' : '')); b.title = s.text; b.dataset.entry = s.entry;
      b.addEventListener('click', () => { area.value = s.text; area.dataset.edited = '1'; count(); claim(d.id, c, true); area.focus(); });
      box.append(b);
    });
    parts.push(box);
  }
  parts.push(area, actions);
  c.append(...parts);
  c.addEventListener('click', () => select(c));
  state.deadlines.set(d.id, { deadline: d.deadline, timer, card: c });
  showHolder(c, w.claimedBy);
  return c;
}

/** Shows who holds the draft; another agent's claim disables the actions. */
function showHolder(c, holder) {
  const h = c.querySelector('.holder');
  const other = holder && holder !== me;
  h.hidden = !holder; h.textContent = holder ? (other ? holder + ' is handling this draft' : 'You are handling this draft') : '';
  c.classList.toggle('held', !!other);
  if (!c.classList.contains('gone')) c.querySelectorAll('.actions button, textarea').forEach(b => { b.disabled = !!other; });
}

/** Claims the draft while the agent works on it, renewing at most every minute. */
async function claim(id, c, quiet) {
  const last = state.claims.get(id) || 0;
  if (quiet && Date.now() - last < 60000) return;
  state.claims.set(id, Date.now());
  try {
    const d = await api('/api/drafts/' + id + '/claim', { method: 'POST', body: '{}' });
    showHolder(c, d.work && d.work.claimedBy);
  } catch (e) {
    state.claims.delete(id);
    say(e.message, true);
    refresh();
  }
}

const DONE = { approve: 'Approved: the reply is being published.', reject: 'Rejected.', snooze: 'Snoozed for 15 minutes.', assign: 'Assigned.' };

async function act(id, action, body, c, keep) {
  c.querySelectorAll('button').forEach(b => { b.disabled = true; });
  try {
    const d = await api('/api/drafts/' + id + '/' + action, { method: 'POST', body: JSON.stringify(body) });
    say(action === 'approve' ? 'Approved: the reply to ' + at(d.platform, d.mention.author.handle) + ' is being published.' : DONE[action]);
    if (keep) { c.querySelectorAll('button').forEach(b => { b.disabled = false; }); refresh(); return; }
    const next = c.nextElementSibling;
    c.remove(); state.drafts.delete(id); state.deadlines.delete(id);
    if (state.selected === c) select(next);
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

/** Cards a page of the queue shows: a shift's screen, few enough that a surge never renders thousands of cards. */
const PAGE = 50;
/** However far an agent pages on, at most this many cards are on the page at once. */
const MOST_SHOWN = 500;

/** One page of a drafts list: its drafts, how many the list holds in all, and the next page's address (null on the last). */
async function draftsPage(path) {
  const r = await apiWithHeaders(path);
  const next = /<([^>]+)>;\s*rel="next"/.exec(r.headers.get('Link') || '');
  return { drafts: r.body, total: Number(r.headers.get('X-Total-Count')), next: next ? next[1] : null };
}

/** The pages of the queue the agent has opened, each following the one before by its Link. */
async function queuePages(pages) {
  let page = await draftsPage('/api/drafts?status=pending&limit=' + PAGE);
  const drafts = [...page.drafts];
  for (let i = 1; i < pages && page.next; i++) {
    page = await draftsPage(page.next);
    drafts.push(...page.drafts);
  }
  return { drafts, total: page.total, next: page.next };
}

async function refresh() {
  try {
    // The most urgent pages only; the badge counts every waiting draft (a surge can queue thousands).
    const [queue, decided, accounts, status, snoozed, ignored, unprocessed, clusters] = await Promise.all([queuePages(state.pages),
      api('/api/drafts?status=decided&limit=15'), api('/api/accounts'), api('/api/status'), draftsPage('/api/drafts?status=snoozed&limit=' + PAGE),
      api('/api/ignored?limit=20'), api('/api/unprocessed'), api('/api/clusters')]);
    const pending = queue.drafts;
    // An incident's panel failing to load never holds up the queue.
    showIncidents().catch(e => console.warn('incidents', e));
    showClusters(clusters);
    showStatus(status);
    showSnoozed(snoozed.drafts, snoozed.total);
    showIgnored(ignored);
    showUnprocessed(unprocessed);
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
    pending.forEach(d => {
      if (!state.drafts.has(d.id)) { const c = card(d); state.drafts.set(d.id, c); }
      else showHolder(state.drafts.get(d.id), d.work && d.work.claimedBy);
    });
    // Most urgent first; nodes being edited keep their content, only their place may change.
    pending.forEach(d => list.append(state.drafts.get(d.id)));
    document.getElementById('pending-count').textContent = queue.total.toLocaleString('en');
    showMore(queue);
    document.getElementById('empty').hidden = pending.length > 0;
    const recent = document.getElementById('recent'); recent.replaceChildren();
    decided.forEach(d => {
      const li = el('li');
      const head = el('div', 'recent-head');
      const auto = d.work && d.work.autoPublished;
      head.append(el('span', 'status ' + d.status, d.status + (auto ? ' · auto' : '')),
        el('span', 'muted', (auto ? 'unattended' : (d.decidedBy ? d.decidedBy : '')) + (d.decidedAt ? ' · ' + ago(d.decidedAt) : '')));
      li.append(head, el('div', '', 'to ' + at(d.platform, d.mention.author.handle)), el('div', 'snippet', d.text));
      li.title = d.text;
      if (d.publishedId) li.append(el('div', 'muted small', 'published as ' + d.publishedId));
      if (d.error) li.append(el('div', 'error small', (d.status === 'rejected' ? 'reason: ' : '') + d.error));
      if (d.status === 'failed') {
        const retry = el('button', 'link', 'Retry publishing');
        retry.addEventListener('click', async () => {
          try { await api('/api/drafts/' + d.id + '/retry', { method: 'POST', body: '{}' }); say('Back in the outbox: publishing again.'); refresh(); }
          catch (e) { say(e.message, true); }
        });
        li.append(retry);
      }
      recent.append(li);
    });
    document.getElementById('recent-empty').hidden = decided.length > 0;
    const box = document.getElementById('accounts'); box.replaceChildren();
    accounts.forEach(a => {
      const chip = el('span', 'chip' + (a.healthy ? '' : ' down')); chip.append(el('span', 'dot'), el('span', '', a.platform.toUpperCase() + ' ' + at(a.platform, a.handle || a.account)));
      chip.title = a.healthy ? 'Connected' : ('Not healthy: ' + (a.lastError || 'unknown error')); box.append(chip);
    });
    document.getElementById('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
    tick();
  } catch (e) {
    document.getElementById('updated').textContent = 'update failed: ' + e.message;
  }
}

const PLATFORM_NAMES = { x: 'X', facebook: 'Facebook', instagram: 'Instagram' };

/**
 * Posts about the same thing, one row each: how many, what about, a few of them and one draft, which
 * Approve for all sends to every post (each reply made the customer's own by the server). A row being
 * edited keeps its text across refreshes.
 */
function showClusters(clusters) {
  const box = document.getElementById('clusters');
  const rows = new Map([...box.children].map(r => [Number(r.dataset.id), r]));
  const ids = new Set(clusters.map(c => c.id));
  for (const [id, r] of rows) if (!ids.has(id) && !r.querySelector('textarea').dataset.edited) r.remove();
  clusters.forEach(c => {
    const old = rows.get(c.id);
    if (old && old.querySelector('textarea').dataset.edited) { old.querySelector('.size').textContent = c.size.toLocaleString('en') + ' posts'; box.append(old); return; }
    const row = clusterRow(c);
    if (old) old.replaceWith(row); else box.append(row);
  });
  document.getElementById('clusters-box').hidden = clusters.length === 0;
  document.getElementById('clusters-count').textContent = clusters.length ? '\u00b7 ' + clusters.length + (clusters.length === 1 ? ' cluster' : ' clusters') : '';
}

function clusterRow(c) {
  const row = el('article', 'card cluster'); row.dataset.id = c.id;
  const head = el('div', 'post-head');
  const span = new Date(c.firstAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) + '\u2013'
    + new Date(c.lastAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  head.append(el('span', 'size', c.size.toLocaleString('en') + ' posts'), el('span', 'author', c.label ? '\u201c' + c.label + '\u201d' : 'alike'),
    el('span', 'when', c.platforms.map(p => PLATFORM_NAMES[p] || p).join(', ') + ' \u00b7 ' + span));
  const meta = el('div', 'meta');
  meta.append(badge('badge care care-' + c.careAction, c.careAction, 'The care action of every post in it'));
  const examples = el('ul', 'examples'); examples.setAttribute('aria-label', 'Some of its posts');
  c.examples.forEach(e => {
    const li = el('li'); li.dir = 'auto'; li.title = e.text;
    li.append(el('span', 't-author', e.platform === 'facebook' ? (e.author.name || e.author.handle) : at(e.platform, e.author.handle)), el('span', '', e.text));
    examples.append(li);
  });
  if (c.size > c.examples.length) examples.append(el('li', 'muted', 'and ' + (c.size - c.examples.length).toLocaleString('en') + ' more'));
  const area = el('textarea'); area.value = c.draftText || ''; area.dir = 'auto';
  area.setAttribute('aria-label', 'One reply for the ' + c.size + ' posts');
  area.addEventListener('input', () => { area.dataset.edited = '1'; });
  const note = el('div', 'small muted', 'Each post gets this reply in its own thread, with its author\u2019s name (and detail) in place of the first post\u2019s.');
  const approve = el('button', 'primary', 'Approve for all ' + c.size.toLocaleString('en')); approve.dataset.act = 'approve';
  const reject = el('button', 'danger', 'Reject all');
  const snooze = el('button', '', 'Snooze all 15 min');
  approve.addEventListener('click', () => clusterAct(c, 'approve', area.dataset.edited ? { text: area.value } : {}, row));
  reject.addEventListener('click', () => { const reason = prompt('Reason for rejecting all ' + c.size + ' (optional):', ''); if (reason !== null) clusterAct(c, 'reject', { reason }, row); });
  snooze.addEventListener('click', () => clusterAct(c, 'snooze', { minutes: 15 }, row));
  const actions = el('div', 'actions'); actions.append(approve, reject, snooze);
  const cost = clusterCost(c.cost || []);
  if (c.incidentId) {
    const inc = el('a', 'badge incident-link', 'Incident INC-' + c.incidentId); inc.href = '#incident-' + c.incidentId;
    inc.title = 'This cluster is an incident: its tickets and later posts join it';
    meta.append(inc);
  } else {
    const make = el('button', 'incident-make', 'Make incident'); make.dataset.act = 'incident';
    make.title = 'One record for this problem: its tickets join it, later posts join it instead of opening tickets, and resolving it closes every post\u2019s loop';
    make.addEventListener('click', () => makeIncident(c, row));
    actions.append(make);
  }
  row.append(head, meta, examples, area, note);
  if (cost) row.append(cost);
  row.append(actions);
  return row;
}

/** What approving the cluster costs, before the click: per paying account, in its reply style and in the other. */
function clusterCost(costs) {
  const paid = costs.filter(x => x.withLink > 0 || x.linkFree > 0);
  if (!paid.length) return null;
  const usd = v => '$' + v.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const line = el('div', 'cost small');
  line.append(el('strong', '', 'Cost: '));
  line.append(paid.map(x => {
    const other = x.style === 'link' ? 'link-free ' + usd(x.linkFree) : 'with links ' + usd(x.withLink);
    return usd(x.inStyle) + ' for ' + x.replies.toLocaleString('en') + (x.replies === 1 ? ' reply' : ' replies') + ' on '
      + (PLATFORM_NAMES[x.platform] || x.platform) + ' @' + x.account + ' (' + (x.style === 'link' ? 'with ticket links' : 'link-free') + '; ' + other + ')';
  }).join(' \u00b7 '));
  line.title = 'What the platform charges for these replies, in the account\u2019s reply style and in the other (Settings: reply styles)';
  return line;
}

async function makeIncident(c, row) {
  row.querySelectorAll('button').forEach(b => { b.disabled = true; });
  try {
    const i = await api('/api/clusters/' + c.id + '/incident', { method: 'POST', body: '{}' });
    say('Incident ' + i.reference + ' opened: ' + i.ticketCount + (i.ticketCount === 1 ? ' ticket' : ' tickets') + ' and '
      + i.postCount + (i.postCount === 1 ? ' post' : ' posts') + ' joined it.');
    refresh();
  } catch (e) {
    say(e.message, true);
    row.querySelectorAll('button').forEach(b => { b.disabled = false; });
  }
}

/** Resolved incidents stay in view this long, so the team sees the closing messages go out. */
const RESOLVED_SHOWN_MS = 6 * 3600 * 1000;

/**
 * Open incidents (and those resolved in the last hours), one panel each: its tickets, its posts, the team's
 * notes with a box for a new one, and Resolve. A panel whose note is being written is left as it is.
 */
async function showIncidents() {
  const list = (await api('/api/incidents')).filter(i => i.status === 'open' || Date.now() - new Date(i.resolvedAt) < RESOLVED_SHOWN_MS);
  const details = await Promise.all(list.map(i => api('/api/incidents/' + i.id)));
  const box = document.getElementById('incidents');
  const panels = new Map([...box.children].map(p => [Number(p.dataset.id), p]));
  const ids = new Set(list.map(i => i.id));
  for (const [id, p] of panels) if (!ids.has(id)) p.remove();
  details.forEach(d => {
    const old = panels.get(d.incident.id);
    const writing = old && old.querySelector('textarea') && old.querySelector('textarea').value.trim();
    const key = JSON.stringify(d);
    if (old && (writing || old.dataset.key === key)) { box.append(old); return; }
    const panel = incidentPanel(d); panel.dataset.key = key;
    if (old) old.replaceWith(panel); else box.append(panel);
  });
  document.getElementById('incidents-box').hidden = list.length === 0;
  const open = list.filter(i => i.status === 'open').length;
  document.getElementById('incidents-count').textContent = '\u00b7 ' + open + ' open';
}

function hhmm(iso) { return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }); }

function incidentPanel(d) {
  const i = d.incident, open = i.status === 'open';
  const panel = el('article', 'card incident' + (open ? '' : ' resolved')); panel.dataset.id = i.id; panel.id = 'incident-' + i.id;
  const head = el('div', 'post-head');
  head.append(el('span', 'ref', i.reference), el('span', 'author', '\u201c' + i.label + '\u201d'),
    el('span', 'status ' + (open ? 'open' : 'published'), i.status),
    el('span', 'when', open ? 'opened ' + hhmm(i.openedAt) + ' by ' + i.openedBy : 'resolved ' + hhmm(i.resolvedAt) + ' by ' + i.resolvedBy));
  const meta = el('div', 'meta');
  meta.append(badge('badge care care-' + i.careAction, i.careAction, 'The care action of its posts'),
    badge('badge', i.ticketCount + (i.ticketCount === 1 ? ' ticket' : ' tickets'), 'Tickets that joined the incident'),
    badge('badge', i.postCount + (i.postCount === 1 ? ' post' : ' posts'), 'Posts about it; later ones join without a ticket of their own'));
  const closed = d.posts.filter(p => p.closingStatus).length;
  if (!open) meta.append(badge('badge auto', closed + ' closing ' + (closed === 1 ? 'message' : 'messages'),
    d.posts.filter(p => p.closingStatus === 'published').length + ' published so far, each in its post\u2019s own thread'));
  const columns = el('div', 'incident-columns');
  const tickets = el('section', 'incident-tickets'); tickets.append(el('h4', '', 'Tickets'));
  const tl = el('ul', 'plain');
  d.tickets.forEach(t => {
    const li = el('li'); const a = el('a', '', t.reference); a.href = '/tickets#' + t.id;
    li.append(a, el('span', 'status ' + (t.status === 'resolved' ? 'published' : 'approved'), t.status),
      el('span', 'muted', (t.platform === 'facebook' ? (t.author.name || t.author.handle) : '@' + t.author.handle) + ' \u00b7 ' + t.subject));
    tl.append(li);
  });
  if (!d.tickets.length) tl.append(el('li', 'muted', 'No tickets: its posts joined the incident directly.'));
  tickets.append(tl);
  const posts = el('details', 'incident-posts'); posts.append(el('summary', '', 'Posts (' + i.postCount + ')'));
  const pl = el('ul', 'plain');
  d.posts.forEach(p => {
    const li = el('li'); li.dir = 'auto'; li.title = p.text;
    li.append(el('span', 't-author', p.platform === 'facebook' ? (p.author.name || p.author.handle) : at(p.platform, p.author.handle)), el('span', '', p.text));
    if (p.closingStatus) li.append(el('span', 'status ' + p.closingStatus, ' closing ' + p.closingStatus));
    pl.append(li);
  });
  posts.append(pl); tickets.append(posts);
  const talk = el('section', 'incident-notes'); talk.append(el('h4', '', 'Team notes'));
  const notes = el('ol', 'plain notes');
  d.notes.forEach(n => { const li = el('li'); li.append(el('div', 'note-head muted', n.author + ' \u00b7 ' + hhmm(n.at)), el('div', 'note-text', n.text)); notes.append(li); });
  if (!d.notes.length) notes.append(el('li', 'muted', 'No notes yet.'));
  const area = el('textarea'); area.placeholder = 'Note for the team (never shown to customers)'; area.setAttribute('aria-label', 'Note on ' + i.reference);
  const add = el('button', '', 'Add note');
  add.addEventListener('click', async () => {
    if (!area.value.trim()) return;
    add.disabled = true;
    try { await api('/api/incidents/' + i.id + '/notes', { method: 'POST', body: JSON.stringify({ text: area.value }) }); area.value = ''; refresh(); }
    catch (e) { say(e.message, true); add.disabled = false; }
  });
  const noteActions = el('div', 'actions note-actions'); noteActions.append(add);
  talk.append(notes, area, noteActions);
  columns.append(tickets, talk);
  const actions = el('div', 'actions');
  if (open) {
    const resolve = el('button', 'primary', 'Resolve'); resolve.dataset.act = 'resolve';
    resolve.title = 'Resolves its tickets and sends each post the closing message in its own thread';
    resolve.addEventListener('click', () => resolveIncident(d, panel));
    actions.append(resolve,
      el('span', 'small muted', 'Resolving sends each of its ' + i.postCount + ' posts the closing message in its own thread.'));
  }
  panel.append(head, meta, columns);
  if (open) panel.append(actions);
  return panel;
}

async function resolveIncident(d, panel) {
  const i = d.incident;
  if (!confirm('Resolve ' + i.reference + '? Its ' + i.ticketCount + ' tickets are resolved and each of its ' + i.postCount
    + ' posts gets the closing message in its own thread.')) return;
  panel.querySelectorAll('button').forEach(b => { b.disabled = true; });
  try {
    const r = await api('/api/incidents/' + i.id + '/resolve', { method: 'POST', body: '{}' });
    say(i.reference + ' resolved: ' + r.ticketsResolved + (r.ticketsResolved === 1 ? ' ticket' : ' tickets') + ' resolved, '
      + r.queued.length + ' closing ' + (r.queued.length === 1 ? 'message' : 'messages') + ' being published.'
      + (r.left.length ? ' ' + r.left.length + ' left for a person: ' + r.left[0].reason + '.' : ''), r.left.length > 0);
    refresh();
  } catch (e) {
    say(e.message, true);
    panel.querySelectorAll('button').forEach(b => { b.disabled = false; });
  }
}

const CLUSTER_DONE = { approve: 'approved', reject: 'rejected', snooze: 'snoozed' };

async function clusterAct(c, action, body, row) {
  row.querySelectorAll('button').forEach(b => { b.disabled = true; });
  try {
    const r = await api('/api/clusters/' + c.id + '/' + action, { method: 'POST', body: JSON.stringify(body) });
    const done = r[CLUSTER_DONE[action]].length, left = r.left.length;
    say(done + (done === 1 ? ' post ' : ' posts ') + CLUSTER_DONE[action] + (action === 'approve' ? ': each reply is being published in its own thread.' : '.')
      + (left ? ' ' + left + ' left for a person: ' + r.left[0].reason + '.' : ''), left > 0);
    row.remove();
    refresh();
  } catch (e) {
    say(e.message, true);
    row.querySelectorAll('button').forEach(b => { b.disabled = false; });
  }
}

/** How many wait beyond the cards shown, and Show more while the agent may open another page. */
function showMore(queue) {
  const more = document.getElementById('more');
  const shown = queue.drafts.length;
  more.hidden = queue.total <= shown;
  document.getElementById('more-text').textContent = 'Showing the ' + shown.toLocaleString('en') + ' most urgent of '
    + queue.total.toLocaleString('en') + ' waiting.' + (shown >= MOST_SHOWN ? ' Decide or snooze these to reach the next ones.' : '');
  const button = document.getElementById('show-more');
  button.hidden = !queue.next || shown >= MOST_SHOWN;
  button.textContent = 'Show ' + Math.min(PAGE, queue.total - shown).toLocaleString('en') + ' more';
}

document.getElementById('show-more').addEventListener('click', async e => {
  e.target.disabled = true;
  state.pages = Math.min(state.pages + 1, MOST_SHOWN / PAGE);
  try { await refresh(); } finally { e.target.disabled = false; }
});

function showStatus(status) {
  const rp = document.getElementById('rules-problem');
  rp.hidden = !status.rules.problem;
  rp.textContent = status.rules.problem ? 'The latest rules edit is broken, the previous rules stay in force: ' + status.rules.problem : '';
  const box = document.getElementById('alerts'); box.replaceChildren();
  const alerts = status.alerts || [];
  // Surges come first, each on its own line with its chart: each is about something else.
  // A topic says more than a care action: topics first, then the biggest.
  const topicFirst = a => (a.surge && a.surge.series.startsWith('topic:') ? 0 : 1);
  alerts.filter(a => a.kind === 'surge')
    .sort((a, b) => topicFirst(a) - topicFirst(b) || ((b.surge || {}).posts || 0) - ((a.surge || {}).posts || 0))
    .forEach(a => box.append(alertRow(a)));
  // Every other kind is one line: its one alert, or the server's sum of many (a surge's breaches, a restart after hours away).
  alerts.filter(a => a.kind !== 'surge').forEach(a => box.append(a.alerts > 1 ? summedRow(a) : alertRow(a)));
  const u = status.unattended;
  state.killed = u.killSwitchConsole;
  const on = Object.entries(u.accounts).filter(([, v]) => v).map(([k]) => k);
  document.getElementById('unattended').textContent = !on.length ? 'Off for every account: every reply waits for a person.'
    : (u.killSwitchConsole || u.killSwitchConfig) ? 'Stopped by the kill switch' + (u.killSwitchConfig ? ' in the configuration' : '') + '. Replies wait for a person.'
    : 'On for ' + on.join(', ') + ': replies that pass every gate are published without a person.';
  const kill = document.getElementById('kill');
  kill.textContent = u.killSwitchConsole ? 'Resume unattended publishing' : 'Stop unattended publishing';
  kill.className = u.killSwitchConsole ? 'primary' : 'danger';
  // Nothing to stop when no account runs unattended; still shown while the switch is on, to turn it off.
  kill.hidden = !on.length && !u.killSwitchConsole;
}

/** One alert's line: its kind, its message (a surge's chart beside it), when, and Dismiss. */
function alertRow(a) {
  const row = el('div', 'alert ' + a.kind);
  row.append(el('strong', '', a.kind === 'surge' ? (a.surge && a.surge.endedAt ? 'Surge over' : 'Surge') : a.kind.replace('sla-', 'SLA ')),
    el('span', 'alert-text', a.message));
  if (a.surge) row.append(surgeChart(a.surge));
  row.append(el('span', 'muted small', ago(a.at)), ackButton('Dismiss', '/api/alerts/' + a.id + '/ack', row));
  return row;
}

/** Many open alerts of one kind as one line: what they add up to, the newest of them, and Dismiss all. */
function summedRow(a) {
  const row = el('div', 'alert ' + a.kind);
  const newest = el('span', 'muted small', 'latest: ' + a.latest[0].message + ' · ' + ago(a.at));
  newest.title = a.latest.map(l => l.message).join('\n');
  row.append(el('strong', '', a.kind.replace('sla-', 'SLA ')), el('span', 'alert-text', a.message), newest,
    ackButton('Dismiss all', '/api/alerts/kind/' + encodeURIComponent(a.kind) + '/ack', row));
  return row;
}

function ackButton(text, path, row) {
  const ack = el('button', 'link', text);
  ack.addEventListener('click', async () => { try { await api(path, { method: 'POST', body: '{}' }); row.remove(); } catch (e) { say(e.message, true); } });
  return ack;
}

/** A surge's posts per minute as small bars (the surge's minutes in red), with a dashed line at the usual level. */
function surgeChart(s) {
  const NS = 'http://www.w3.org/2000/svg', W = 200, H = 36;
  const counts = s.chart.perMinute, n = counts.length;
  const top = Math.max(1, s.usualPerMinute, ...counts);
  const from = new Date(s.chart.from).getTime(), since = new Date(s.since).getTime();
  const ended = s.endedAt ? new Date(s.endedAt).getTime() : Infinity;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('class', 'spark'); svg.setAttribute('width', W); svg.setAttribute('height', H);
  svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H); svg.setAttribute('role', 'img');
  const hhmm = t => new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const label = 'Posts per minute from ' + hhmm(from) + ': peak ' + s.peakPerMinute + ', usually ' + s.usualPerMinute;
  svg.setAttribute('aria-label', label);
  const title = document.createElementNS(NS, 'title'); title.textContent = label; svg.append(title);
  // At most 8 px a minute, the newest at the right edge: a young surge is a few bars, not a few blocks.
  const bar = Math.min(8, W / n), left = W - n * bar;
  counts.forEach((c, i) => {
    if (!c) return;
    const t = from + i * 60000, h = Math.max(1, c / top * (H - 2));
    const r = document.createElementNS(NS, 'rect');
    r.setAttribute('x', (left + i * bar).toFixed(1)); r.setAttribute('y', (H - h).toFixed(1));
    r.setAttribute('width', Math.max(1, bar - 1).toFixed(1)); r.setAttribute('height', h.toFixed(1));
    r.setAttribute('class', t + 60000 > since && t <= ended ? 'in' : 'out');
    const tip = document.createElementNS(NS, 'title'); tip.textContent = hhmm(t) + ': ' + c + (c === 1 ? ' post' : ' posts'); r.append(tip);
    svg.append(r);
  });
  const y = (H - s.usualPerMinute / top * (H - 2)).toFixed(1);
  const usual = document.createElementNS(NS, 'line');
  usual.setAttribute('x1', left.toFixed(1)); usual.setAttribute('x2', W); usual.setAttribute('y1', y); usual.setAttribute('y2', y); usual.setAttribute('class', 'usual');
  svg.append(usual);
  return svg;
}

/** How a platform names a person: @handle, except on Facebook, which has display names only. */
function at(platform, handle) {
  return (platform === 'facebook' ? '' : '@') + handle;
}

function showIgnored(ignored) {
  document.getElementById('ignored-count').textContent = ignored.length;
  const list = document.getElementById('ignored'); list.replaceChildren();
  ignored.forEach(i => {
    const li = el('li');
    const head = el('div', 'recent-head');
    const m = i.moderation, hidden = m && m.hidden;
    head.append(el('span', 'status rejected', (hidden ? 'hidden' : i.action === 'hide' ? 'not hidden' : 'ignored') + ' · ' + i.ruleId),
      el('span', 'muted', i.platform.toUpperCase() + ' · ' + at(i.platform, i.mention.author.handle)));
    const text = el('div', 'snippet', i.mention.text); text.dir = 'auto'; li.title = i.mention.text;
    li.append(head, text, el('div', 'small', i.reason));
    const why = (i.troll && i.troll.reasons && i.troll.reasons.length ? i.troll.reasons : i.reasons || []).slice(0, 3);
    why.forEach(r => li.append(el('div', 'muted small', '· ' + r)));
    if (m) li.append(el('div', 'muted small', (hidden ? 'Hidden by ' : 'Shown by ') + m.by + ' · ' + new Date(m.at).toLocaleTimeString()));
    if (m && m.error) li.append(el('div', 'error small', m.error));
    if (i.action === 'hide' || m) li.append(moderationButton(i, hidden));
    list.append(li);
  });
}

/** Posts set aside after their processing failed every attempt: each with its error and a retry. */
function showUnprocessed(posts) {
  document.getElementById('unprocessed-box').hidden = posts.length === 0;
  document.getElementById('unprocessed-count').textContent = posts.length;
  const list = document.getElementById('unprocessed'); list.replaceChildren();
  posts.forEach(u => {
    const li = el('li');
    const head = el('div', 'recent-head');
    head.append(el('span', 'status failed', 'failed ' + u.attempts + '×'),
      el('span', 'muted', u.platform.toUpperCase() + ' · ' + at(u.platform, u.mention.author.handle)));
    const text = el('div', 'snippet', u.mention.text); text.dir = 'auto'; li.title = u.mention.text;
    const b = el('button', '', 'Retry');
    b.onclick = async () => {
      b.disabled = true;
      try {
        await api('/api/mentions/' + u.platform + '/' + encodeURIComponent(u.mention.id) + '/retry', { method: 'POST', body: '{}' });
        say('The post went through: its draft is in the queue, or the rules chose to let it be.'); refresh();
      } catch (e) { say(e.message, true); b.disabled = false; refresh(); }
    };
    const d = el('button', '', 'Dismiss');
    d.title = 'Let it go without a reply (in the audit log)';
    d.onclick = async () => {
      d.disabled = true;
      try {
        await api('/api/mentions/' + u.platform + '/' + encodeURIComponent(u.mention.id) + '/dismiss', { method: 'POST', body: '{}' });
        say('Dismissed: the post goes without a reply.'); refresh();
      } catch (e) { say(e.message, true); d.disabled = false; }
    };
    const actions = el('div', 'actions');
    actions.append(b, d);
    li.append(head, text, el('div', 'error small', u.error || 'unknown error'), actions);
    list.append(li);
  });
}

/** Unhide (or hide again) a comment on its platform; never a deletion. */
function moderationButton(i, hidden) {
  const b = el('button', hidden ? '' : 'danger', hidden ? 'Unhide' : 'Hide');
  b.onclick = async () => {
    b.disabled = true;
    try {
      await api('/api/mentions/' + i.platform + '/' + encodeURIComponent(i.mention.id) + '/' + (hidden ? 'unhide' : 'hide'),
        { method: 'POST', body: '{}' });
      say(hidden ? 'The comment is visible again.' : 'The comment is hidden.'); refresh();
    } catch (e) { say(e.message, true); b.disabled = false; }
  };
  return b;
}

function showSnoozed(snoozed, total) {
  document.getElementById('snoozed-count').textContent = total.toLocaleString('en');
  const box = document.getElementById('snoozed'); box.replaceChildren();
  snoozed.forEach(d => { const p = el('div', 'small'); p.append(el('span', 'muted', 'until ' + new Date(d.work.snoozedUntil).toLocaleTimeString() + ' · '),
    el('span', '', at(d.platform, d.mention.author.handle) + ': ' + d.mention.text)); box.append(p); });
}

async function report() {
  try {
    const r = await api('/api/reports?days=7');
    const f = r.firstResponse;
    const fmt = s => s >= 60 ? Math.floor(s / 60) + ' min ' + (s % 60) + ' s' : s + ' s';
    document.getElementById('report').textContent = !f.answered ? 'No replies published yet.'
      : f.answered + ' answered · median ' + fmt(f.medianSeconds) + ' · p90 ' + fmt(f.p90Seconds) + ' · ' + pct(f.withinTarget) + ' within ' + Math.round(f.targetSeconds / 60) + ' min';
    const t = r.tickets, c = r.csat;
    const hours = s => s >= 3600 ? (s / 3600).toFixed(1) + ' h' : fmt(s);
    document.getElementById('report-tickets').textContent = !t || !t.opened ? 'No tickets yet.'
      : t.opened + ' tickets · ' + t.open + ' open · ' + (t.resolved + t.closed) + ' resolved'
        + (t.resolutionMedianSeconds !== undefined ? ' (median ' + hours(t.resolutionMedianSeconds) + ')' : '')
        + ' · ' + t.closingMessagesPublished + ' closing messages'
        + (c && c.ratings ? ' · CSAT ' + pct(c.satisfied) + ' of ' + c.ratings + ' (avg ' + c.average.toFixed(1) + ' / 5)' : '');
    showVolume(r.volume);
    showParts(r.parts || [], r.variants || []);
  } catch (e) { /* the report is a side panel: the queue matters more */ }
}

/** The parts and knowledge answers agents change most, first: what to rewrite. */
function showParts(parts, variants) {
  const rows = parts.concat(variants.filter(v => String(v.template).startsWith('answer/')).map(v => Object.assign({ part: 'knowledge ' + v.template.slice(7) }, v)))
    .filter(r => r.drafted - r.pending - r.autoPublished > 0);
  const decided = r => r.approvedUnedited + r.edited + r.rejected;
  const changed = r => decided(r) ? (r.edited + r.rejected) / decided(r) : 0;
  rows.sort((a, b) => changed(b) - changed(a) || b.drafted - a.drafted);
  const table = document.getElementById('parts'); table.replaceChildren();
  if (!rows.length) { const tr = el('tr'); tr.append(el('td', 'muted', 'No decided drafts yet.')); table.append(tr); return; }
  const head = el('tr'); ['part', 'as drafted', 'edited', 'rejected'].forEach(h => head.append(el('th', '', h))); table.append(head);
  rows.slice(0, 12).forEach(r => {
    const tr = el('tr');
    tr.append(el('td', '', r.part), el('td', 'num', String(r.approvedUnedited)), el('td', 'num', String(r.edited)), el('td', 'num', String(r.rejected)));
    table.append(tr);
  });
}

const SENTIMENT_COLOURS = { negative: '#d9534f', neutral: '#9aa5b1', positive: '#2e9d5b', unknown: '#d8dee6' };
const charts = {};

/** Customer posts per day by sentiment, and by intent, as charts; platforms and trolls in words. */
function showVolume(v) {
  if (!v) return;
  document.getElementById('volume-count').textContent = v.posts;
  const names = { x: 'X', facebook: 'Facebook', instagram: 'Instagram' };
  const platforms = Object.entries(v.byPlatform).map(([p, n]) => (names[p] || p) + ' ' + n).join(' · ');
  document.getElementById('volume').textContent = (platforms || 'No posts yet.')
    + ' · trolls ignored ' + v.trollsIgnored + (v.trollsHidden ? ', hidden ' + v.trollsHidden : '');
  if (typeof Chart === 'undefined') return;
  const labels = v.byDay.map(d => new Date(d.day + 'T00:00:00Z').toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }));
  const sentiments = Object.keys(SENTIMENT_COLOURS).filter(s => v.byDay.some(d => d[s]));
  chart('volume-chart', {
    type: 'bar',
    data: { labels, datasets: sentiments.map(s => ({ label: s, data: v.byDay.map(d => d[s] || 0), backgroundColor: SENTIMENT_COLOURS[s] })) },
    options: { scales: { x: { stacked: true, grid: { display: false } }, y: { stacked: true, ticks: { precision: 0 } } } }
  });
  const intents = Object.entries(v.byIntent).sort((a, b) => b[1] - a[1]);
  chart('intent-chart', {
    type: 'bar',
    data: { labels: intents.map(i => i[0]), datasets: [{ label: 'posts', data: intents.map(i => i[1]), backgroundColor: '#4a6fdc' }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { ticks: { precision: 0 } }, y: { grid: { display: false }, ticks: { autoSkip: false, font: { size: 11 } } } } }
  });
}

/** Draws a chart once, then only updates its data (no flicker every 30 s). */
function chart(id, config) {
  const c = charts[id];
  if (c) { c.data = config.data; c.update('none'); return; }
  config.options = { ...config.options, responsive: true, maintainAspectRatio: false, animation: false,
    plugins: { legend: { position: 'bottom', labels: { boxWidth: 10, font: { size: 11 } } }, ...(config.options.plugins || {}) } };
  charts[id] = new Chart(document.getElementById(id), config);
}

document.getElementById('kill').addEventListener('click', async () => {
  try { showStatus({ ...(await api('/api/status')), unattended: await api('/api/unattended/kill-switch', { method: 'POST', body: JSON.stringify({ on: !state.killed }) }) }); }
  catch (e) { say(e.message, true); }
});

function select(c) {
  if (state.selected) state.selected.classList.remove('selected');
  state.selected = c || null;
  if (c) { c.classList.add('selected'); c.scrollIntoView({ block: 'nearest' }); }
}

function cards() { return [...document.querySelectorAll('#pending .card')]; }

document.addEventListener('keydown', e => {
  const typing = e.target.tagName === 'TEXTAREA' || e.target.tagName === 'INPUT';
  const c = state.selected;
  if (typing) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && c) { e.preventDefault(); c.querySelector('[data-act=approve]').click(); }
    if (e.key === 'Escape') e.target.blur();
    return;
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const list = cards(), i = list.indexOf(c);
  const key = e.key.toLowerCase();
  if (key === 'j') select(list[Math.min(list.length - 1, i + 1)] || list[0]);
  else if (key === 'k') select(list[Math.max(0, i - 1)] || list[0]);
  else if (!c) return;
  else if (key === 'e') { e.preventDefault(); c.querySelector('textarea').focus(); }
  else if (key === 'a') c.querySelector('[data-act=approve]').click();
  else if (key === 'r') c.querySelector('[data-act=reject]').click();
  else if (key === 's') c.querySelector('[data-act=snooze]').click();
  else if (key === 'c') claim(Number(c.dataset.id), c, false);
});

refresh(); report();
setInterval(refresh, 3000);
setInterval(report, 30000);
setInterval(tick, 1000);
