// The agents' tickets: the list by status, one ticket with its private conversation, the public thread,
// answers to the customer (shown on their private page), internal notes, assignment and resolving.
'use strict';
// A link from the queue (/tickets#42) opens that ticket, whatever its status.
const wanted = Number(location.hash.slice(1)) || null;
const state = { selected: wanted, filter: wanted ? 'all' : 'active', drafting: false };

function when(iso) { return iso ? new Date(iso).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' }) : ''; }

async function loadList() {
  const list = await api('/api/tickets?status=' + encodeURIComponent(state.filter));
  const ol = document.getElementById('tickets');
  ol.replaceChildren(...list.map(t => {
    const li = el('li'); li.dataset.id = t.id; li.tabIndex = 0;
    if (t.id === state.selected) li.classList.add('selected');
    const r1 = el('div', 'row'); r1.append(el('span', 'ref', t.reference + ' · ' + t.platform.toUpperCase()), el('span', 'tstatus ' + t.status, t.status));
    const r2 = el('div', 'subject', '@' + t.author.handle + ': ' + t.subject);
    const r3 = el('div', 'row muted'); r3.append(el('span', null, 'updated ' + when(t.updatedAt)), el('span', null, t.assignee ? 'assigned to ' + t.assignee : 'unassigned'));
    li.append(r1, r2, r3);
    li.addEventListener('click', () => select(t.id));
    li.addEventListener('keydown', e => { if (e.key === 'Enter') select(t.id); });
    return li;
  }));
  document.getElementById('ticket-count').textContent = list.length;
  document.getElementById('tickets-empty').hidden = list.length > 0;
  if (state.selected === null && list.length) select(list[0].id);
}

async function select(id) {
  state.selected = id;
  document.querySelectorAll('#tickets li').forEach(li => li.classList.toggle('selected', Number(li.dataset.id) === id));
  render(await api('/api/tickets/' + id));
}

function render(data) {
  const t = data.ticket, box = document.getElementById('ticket');
  const card = el('article', 'ticket-card'); card.dataset.id = t.id;
  card.append(el('h2', null, t.reference + ': ' + t.subject));
  const facts = el('div', 'facts');
  facts.append(el('span', 'tstatus ' + t.status, t.status), el('span', 'badge', '@' + t.author.handle + (t.author.name ? ' (' + t.author.name + ')' : '')),
    el('span', 'badge', 'priority ' + t.priority), el('span', 'badge', 'opened ' + when(t.createdAt)));
  if (t.permalink) { const a = el('a', 'small', 'public post'); a.href = t.permalink; a.target = '_blank'; a.rel = 'noreferrer'; facts.append(a); }
  if (t.rating) { const r = el('span', 'rating', '★'.repeat(t.rating) + '☆'.repeat(5 - t.rating)); r.title = 'Rated ' + t.rating + ' of 5' + (t.ratingComment ? ': ' + t.ratingComment : ''); facts.append(r); }
  facts.append(el('span', 'badge', t.pageOpenedAt ? 'customer page opened ' + when(t.pageOpenedAt) : 'link not opened yet'));
  card.append(facts);
  if (t.ratingComment) card.append(el('p', 'small muted', 'Customer\u2019s comment: ' + t.ratingComment));

  const assign = el('div', 'actions');
  const who = el('input'); who.placeholder = 'agent username'; who.value = t.assignee || ''; who.setAttribute('aria-label', 'Assign to');
  const assignBtn = el('button', null, 'Assign');
  assignBtn.onclick = () => act('/api/tickets/' + t.id + '/assign', { agent: who.value }, 'Assigned.');
  assign.append(who, assignBtn);
  if (t.status === 'open' || t.status === 'waiting') {
    const resolve = el('button', 'primary', 'Resolve and draft the closing message');
    resolve.id = 'resolve';
    resolve.onclick = async () => {
      try {
        const r = await api('/api/tickets/' + t.id + '/resolve', { method: 'POST', body: '{}' });
        say('Resolved. The public closing message is ' + (r.closingDraft.status === 'pending' ? 'waiting in the queue for approval.' : r.closingDraft.status + '.'));
        await loadList(); await select(t.id);
      } catch (e) { say(e.message, true); }
    };
    assign.append(resolve);
  } else if (t.status === 'resolved') {
    const close = el('button', null, 'Close');
    close.title = 'Nothing more to do; a new post in its thread still opens it again';
    close.onclick = () => act('/api/tickets/' + t.id + '/close', {}, 'Closed.');
    assign.append(close);
  }
  const relink = el('button', null, 'New link');
  relink.title = 'If someone else opened the link first: a new link for the customer (send it by direct message); the old link and page stop working';
  relink.onclick = async () => {
    try {
      const r = await api('/api/tickets/' + t.id + '/new-link', { method: 'POST', body: '{}' });
      say('New link (send it privately): ' + r.customerPage);
      await select(t.id);
    } catch (e) { say(e.message, true); }
  };
  assign.append(relink);
  card.append(assign);

  const files = new Map();
  for (const a of data.attachments) { if (!files.has(a.messageId)) files.set(a.messageId, []); files.get(a.messageId).push(a); }
  card.append(el('h3', 'small', 'Private conversation (the customer sees all but notes)'));
  const conv = el('ol', 'conv');
  for (const m of data.messages) {
    const li = el('li', m.kind.toLowerCase().replace('_', '-'));
    if (m.kind === 'EVENT') { li.textContent = m.body + ' · ' + when(m.at); conv.append(li); continue; }
    const label = { PUBLIC_POST: 'Public post', CUSTOMER: 'Customer', AGENT: 'Answer by ' + m.author, NOTE: 'Note by ' + m.author }[m.kind];
    const body = el('div', 'text', m.body); body.dir = 'auto';
    li.append(el('span', 'who', label + ' · ' + when(m.at)), body);
    for (const a of files.get(m.id) || []) {
      const link = el('a', 'small', 'Attachment: ' + a.filename + ' (' + a.contentType + ', ' + Math.ceil(a.size / 1024) + ' KB)');
      link.href = '/api/tickets/' + t.id + '/attachments/' + a.id; link.style.display = 'block';
      li.append(link);
    }
    conv.append(li);
  }
  card.append(conv);

  const form = el('div', 'reply-box');
  const text = el('textarea'); text.id = 'answer'; text.dir = 'auto'; text.placeholder = 'Answer the customer on their private page, or write an internal note';
  text.setAttribute('aria-label', 'Message');
  text.addEventListener('focus', () => { state.drafting = true; });
  text.addEventListener('blur', () => { state.drafting = text.value.length > 0; });
  const row = el('div', 'actions');
  const send = el('button', 'primary', 'Send to customer'); send.id = 'send-answer';
  const note = el('button', null, 'Add internal note');
  send.onclick = () => message(t.id, text, false);
  note.onclick = () => message(t.id, text, true);
  row.append(send, note, el('span', 'chars', 'Never posted publicly'));
  form.append(text, row);
  card.append(form);

  if (data.thread && data.thread.length) {
    card.append(el('h3', 'small', 'Public thread'));
    const th = el('ol', 'thread');
    for (const p of data.thread) { const li = el('li', null, '@' + p.author.handle + ': ' + p.text); li.dir = 'auto'; th.append(li); }
    card.append(th);
  }
  box.replaceChildren(card);
}

async function message(id, text, note) {
  if (!text.value.trim()) { say('Write something first.', true); return; }
  try {
    const data = await api('/api/tickets/' + id + '/messages', { method: 'POST', body: JSON.stringify({ body: text.value, note }) });
    state.drafting = false; render(data); say(note ? 'Note added.' : 'Sent: the customer reads it on their ticket page.');
    loadList();
  } catch (e) { say(e.message, true); }
}

async function act(path, body, done) {
  try { await api(path, { method: 'POST', body: JSON.stringify(body) }); say(done); await loadList(); if (state.selected) await select(state.selected); }
  catch (e) { say(e.message, true); }
}

async function loadStyles() {
  const rows = await api('/api/settings/reply-styles');
  const money = x => '$' + x.toFixed(2);
  document.querySelector('#styles tbody').replaceChildren(...rows.map(r => {
    const tr = el('tr');
    tr.append(el('td', null, r.platform.toUpperCase() + ' ' + r.account), el('td', null, r.style),
      el('td', r.style === 'link' ? 'chosen' : null, money(r.per100WithLink) + ' / 100'), el('td', r.style === 'link-free' ? 'chosen' : null, money(r.per100WithoutLink) + ' / 100'));
    return tr;
  }));
}

document.getElementById('filter').addEventListener('change', e => { state.filter = e.target.value; state.selected = null; loadList(); });
document.getElementById('filter').value = state.filter;
loadList().then(() => state.selected && select(state.selected)).catch(e => say(e.message, true));
loadStyles().catch(() => {});
setInterval(() => { if (!state.drafting) { loadList().then(() => state.selected && select(state.selected)).catch(() => {}); } }, 5000);
