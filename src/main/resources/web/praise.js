// The praise feed for marketing: filters, pages (keyset cursor), CSV and Atom links of the same
// filters. For agents and admins it is a second view beside the queue; marketing sees only this.
'use strict';
(() => {
  const view = document.getElementById('praise-view');
  const queue = document.getElementById('queue-view');
  const form = document.getElementById('praise-filters');
  const list = document.getElementById('praise-list');
  const more = document.getElementById('praise-more');
  let next = null, shown = 0;

  function filters() {
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim()) q.set(k, String(v).trim());
    return q;
  }

  function item(p) {
    const c = el('article', 'card');
    const head = el('div', 'post-head');
    head.append(el('span', 'author', p.author.name || p.author.handle), el('span', 'handle', '@' + p.author.handle),
      el('span', 'when', p.platform.toUpperCase() + ' · ' + new Date(p.postedAt || p.addedAt).toLocaleString()));
    const score = el('span', 'score' + (p.score < 0.3 ? ' low' : ''), 'score ' + (p.score >= 0 ? '+' : '') + p.score.toFixed(2));
    score.title = 'Sentiment score, from -1 to 1';
    const text = el('p', 'post-text', p.text); text.dir = 'auto';
    const meta = el('div', 'meta');
    meta.append(score);
    meta.append(el('span', 'badge', p.source === 'agent' ? 'shared by ' + (p.addedBy || 'an agent') : p.source === 'rule' ? 'marked by the rules' : 'praise'));
    if (p.lang) meta.append(el('span', 'badge', 'lang ' + p.lang));
    if (p.permalink) { const a = el('a', '', 'open post'); a.href = p.permalink; a.target = '_blank'; a.rel = 'noopener'; meta.append(a); }
    c.append(head, text, meta);
    return c;
  }

  async function load(reset) {
    const q = filters();
    const csv = document.getElementById('praise-csv'), feed = document.getElementById('praise-feed');
    const plain = q.toString();
    csv.href = '/api/praise.csv' + (plain ? '?' + plain : '');
    feed.href = '/feeds/praise.atom' + (plain ? '?' + plain : '');
    if (!reset && next) q.set('cursor', next);
    const msg = document.getElementById('praise-message');
    try {
      const res = await fetch('/api/praise?' + q, { credentials: 'same-origin' });
      if (res.status === 401) { location.href = '/login'; return; }
      const body = await res.json();
      if (!res.ok) throw new Error(body.error || 'HTTP ' + res.status);
      msg.hidden = true;
      if (reset) { list.replaceChildren(); shown = 0; }
      body.items.forEach(p => list.append(item(p)));
      shown += body.items.length;
      next = body.nextCursor;
      more.hidden = !next;
      document.getElementById('praise-count').textContent = shown + (next ? '+' : '');
      document.getElementById('praise-empty').hidden = shown > 0;
    } catch (e) {
      msg.textContent = e.message; msg.hidden = false;
    }
  }

  /** Agents and admins switch between the queue and praise with the tabs (#queue, #praise). */
  function route() {
    const praise = !queue || location.hash === '#praise';
    view.hidden = !praise;
    if (queue) queue.hidden = praise;
    document.querySelectorAll('.views a').forEach(a => a.classList.toggle('on', a.dataset.view === (praise ? 'praise' : 'queue')));
    if (praise && !load.started) { load.started = true; load(true); }
  }

  form.addEventListener('submit', e => { e.preventDefault(); load(true); });
  more.addEventListener('click', () => load(false));
  window.addEventListener('hashchange', route);
  route();
})();
