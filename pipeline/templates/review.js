// Review page logic. Every string from the data reaches the page through
// textContent / text nodes, never as markup: names may contain angle brackets and quotes.
(function () {
  'use strict';

  var DATA = JSON.parse(document.getElementById('review-data').textContent);
  var EVENTS = DATA.events;
  var META = DATA.meta;
  var PAGE = 200;
  var STATES = ['correct', 'wrong', 'fixed'];
  var EDITABLE = ['person', 'person_aliases', 'org', 'role', 'date', 'destination', 'reason', 'status', 'optional'];
  var DATE_FORMS = [
    [/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'day'],
    [/^\d{4}-(0[1-9]|1[0-2])$/, 'month'],
    [/^\d{4}-Q[1-4]$/, 'quarter'],
    [/^\d{4}-H[12]$/, 'half'],
    [/^\d{4}$/, 'year']
  ];

  var view = { group: 'doc' };
  var filtered = [];
  var shown = 0;
  var storageNote = '';
  var decisions = loadDecisions();

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs) {
    var node = document.createElement(tag);
    var key;
    for (key in attrs || {}) {
      if (!Object.prototype.hasOwnProperty.call(attrs, key)) continue;
      if (key === 'class') node.className = attrs[key];
      else if (key.indexOf('data-') === 0 || key.indexOf('aria-') === 0) node.setAttribute(key, attrs[key]);
      else node[key] = attrs[key];
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) continue;
      node.append(child);  // strings become text nodes
    }
    return node;
  }

  // ---- decisions (kept in localStorage so that a reload does not lose work)

  function loadDecisions() {
    try {
      var raw = window.localStorage.getItem(META.storage_key);
      return raw ? JSON.parse(raw) : {};
    } catch (e) {
      storageNote = ' Decisions are kept only while this page is open (the browser refuses local storage).';
      return {};
    }
  }

  function saveDecisions() {
    try { window.localStorage.setItem(META.storage_key, JSON.stringify(decisions)); } catch (e) { /* see storageNote */ }
  }

  function stateOf(ev) {
    var d = decisions[ev.id];
    return d && STATES.indexOf(d.state) >= 0 ? d.state : 'unreviewed';
  }

  function value(ev, field) {
    var d = decisions[ev.id];
    if (d && d.state === 'fixed' && d.fix && Object.prototype.hasOwnProperty.call(d.fix, field)) return d.fix[field];
    if (field === 'optional') return false;
    return ev[field];
  }

  function changed(ev, field) {
    var d = decisions[ev.id];
    return !!(d && d.state === 'fixed' && d.fix && Object.prototype.hasOwnProperty.call(d.fix, field));
  }

  function precisionOf(date) {
    if (date === null || date === undefined || date === '') return null;
    for (var i = 0; i < DATE_FORMS.length; i++) if (DATE_FORMS[i][0].test(date)) return DATE_FORMS[i][1];
    return undefined;  // not a date of the spec's forms
  }

  function foldKey(text) {
    return (text || '').normalize('NFKC').toLowerCase().replace(/[\s.\-·・•_'’"“”()（）]/g, '');
  }

  function orgKey(ev) {
    return changed(ev, 'org') ? foldKey(value(ev, 'org')) : (ev.org_key || foldKey(ev.org));
  }

  // ---- highlighting

  function findAll(text, needle, kind, out) {
    if (!needle || needle.length < 1) return;
    var hay = text, pin = needle;
    var lower = text.toLowerCase(), lowNeedle = needle.toLowerCase();
    if (lower.length === text.length && lowNeedle.length === needle.length) { hay = lower; pin = lowNeedle; }
    // A Latin name matches whole words only: the alias "Lo" is not inside "Lowell".
    var word = /[A-Za-z0-9]/;
    var headWord = word.test(pin.charAt(0)), tailWord = word.test(pin.charAt(pin.length - 1));
    var at = hay.indexOf(pin);
    while (at >= 0) {
      var end = at + pin.length;
      if (!(headWord && at > 0 && word.test(hay.charAt(at - 1))) && !(tailWord && end < hay.length && word.test(hay.charAt(end)))) {
        out.push([at, end, kind]);
      }
      at = hay.indexOf(pin, at + 1);
    }
  }

  function marksFor(ev, source) {
    var marks = [];
    var names = [value(ev, 'person')].concat(value(ev, 'person_aliases') || []);
    names.forEach(function (n) { findAll(source.text, n, 'person', marks); });
    [value(ev, 'org')].concat(ev.org_aliases || []).forEach(function (n) { findAll(source.text, n, 'org', marks); });
    findAll(source.text, value(ev, 'role'), 'role', marks);
    (source.dates || []).forEach(function (m) {
      var kind = m[2];
      if (changed(ev, 'date')) kind = 'date-other';  // the phrase no longer stands for the event's date
      marks.push([m[0], m[1], kind]);
    });
    // Longest first at each position, then no overlaps.
    marks.sort(function (a, b) { return a[0] - b[0] || (b[1] - b[0]) - (a[1] - a[0]); });
    var out = [], until = 0;
    marks.forEach(function (m) { if (m[0] >= until) { out.push(m); until = m[1]; } });
    return out;
  }

  function highlighted(ev, source) {
    var frag = document.createDocumentFragment();
    var pos = 0;
    marksFor(ev, source).forEach(function (m) {
      if (m[0] > pos) frag.append(source.text.slice(pos, m[0]));
      frag.append(el('mark', { 'class': 'hl-' + m[2] }, source.text.slice(m[0], m[1])));
      pos = m[1];
    });
    if (pos < source.text.length) frag.append(source.text.slice(pos));
    return frag;
  }

  // ---- filters

  function haystack(ev) {
    var parts = [value(ev, 'person'), value(ev, 'org'), value(ev, 'role'), value(ev, 'date'),
      value(ev, 'destination'), value(ev, 'reason'), ev.doc, ev.rule].concat(value(ev, 'person_aliases') || []);
    ev.sources.forEach(function (s) { parts.push(s.text); });
    return parts.filter(function (p) { return p; }).join('\n').toLowerCase();
  }

  function matches(ev) {
    var status = $('filter-status').value, org = $('filter-org').value, lang = $('filter-lang').value;
    var minConf = parseFloat($('filter-confidence').value) || 0, review = $('filter-review').value;
    var query = $('search').value.trim().toLowerCase();
    if (status && value(ev, 'status') !== status) return false;
    if (org && orgKey(ev) !== org) return false;
    if (lang && (ev.lang || '') !== lang) return false;
    if (minConf > 0 && (ev.confidence === null || ev.confidence === undefined || ev.confidence < minConf - 1e-9)) return false;
    if (review && stateOf(ev) !== review) return false;
    if (query && haystack(ev).indexOf(query) < 0) return false;
    return true;
  }

  function groupOf(ev) {
    if (view.group === 'org') return { key: 'org:' + orgKey(ev), label: value(ev, 'org') || '(no organization)' };
    return { key: 'doc:' + ev.doc, label: ev.doc };
  }

  // ---- rendering

  function fieldSpan(ev, label, field) {
    var v = value(ev, field);
    if (v === null || v === undefined || v === '') return null;
    return el('span', { 'class': 'field-' + field + (changed(ev, field) ? ' changed' : '') }, label + ' ', el('b', {}, String(v)));
  }

  function renderCard(ev) {
    var state = stateOf(ev);
    var card = el('article', { 'class': 'event state-' + state, 'data-id': ev.id, 'data-doc': ev.doc });
    var status = value(ev, 'status') || '';
    card.append(el('div', { 'class': 'head' },
      el('span', { 'class': 'person' + (changed(ev, 'person') ? ' changed' : '') }, value(ev, 'person')),
      el('span', { 'class': 'arrow' }, 'left'),
      el('span', { 'class': 'org' + (changed(ev, 'org') ? ' changed' : '') }, value(ev, 'org') || '(no organization)'),
      el('span', { 'class': 'badge status-' + status.replace(/[^a-z]/g, '') }, status || 'no status'),
      ev.confidence === null || ev.confidence === undefined ? null
        : el('span', { 'class': 'badge confidence' }, 'conf ' + Number(ev.confidence).toFixed(2)),
      ev.lang ? el('span', { 'class': 'badge lang' }, ev.lang) : null,
      el('span', { 'class': 'badge state' }, state)
    ));
    card.append(el('div', { 'class': 'fields' },
      fieldSpan(ev, 'role', 'role'), fieldSpan(ev, 'date', 'date'), fieldSpan(ev, 'to', 'destination'),
      fieldSpan(ev, 'reason', 'reason'),
      (value(ev, 'person_aliases') || []).length ? el('span', {}, 'aka ', el('b', {}, value(ev, 'person_aliases').join(' · '))) : null,
      view.group === 'org' ? el('span', {}, 'doc ', el('b', {}, ev.doc)) : null,
      ev.rule ? el('span', { 'class': 'rule' }, 'rule ', el('b', {}, ev.rule)) : null
    ));
    ev.sources.forEach(function (s) {
      var where = s.start === null || s.start === undefined ? 'quoted' : '[' + s.start + ', ' + s.end + ')';
      card.append(el('blockquote', { 'class': 'sentence' },
        el('span', { 'class': 'where' }, where,
          s.check === false ? el('span', { 'class': 'mismatch' }, ' — not at these offsets in the source') : null),
        highlighted(ev, s)));
    });
    card.append(el('div', { 'class': 'actions' },
      el('button', { type: 'button', 'class': 'correct', 'data-action': 'correct', title: 'the event is right as shown' }, '✓ Correct'),
      el('button', { type: 'button', 'class': 'wrong', 'data-action': 'wrong', title: 'not a departure, or not this person/organization' }, '✗ Wrong'),
      el('button', { type: 'button', 'class': 'fix', 'data-action': 'edit', title: 'right event, some field needs fixing' }, '✎ Fix…'),
      state === 'unreviewed' ? null : el('button', { type: 'button', 'class': 'quiet', 'data-action': 'undo' }, 'Undo')
    ));
    return card;
  }

  function fixForm(ev) {
    var form = el('form', { 'class': 'fix-form' });
    function row(label, input) { form.append(el('label', { htmlFor: input.id }, label), input); return input; }
    var prefix = 'fix-' + ev.id + '-';
    function text(field, label, v) {
      return row(label, el('input', { type: 'text', id: prefix + field, name: field, value: v === null || v === undefined ? '' : v }));
    }
    text('person', 'person', value(ev, 'person'));
    text('person_aliases', 'aliases ( | between)', (value(ev, 'person_aliases') || []).join(' | '));
    text('org', 'organization', value(ev, 'org'));
    text('role', 'role', value(ev, 'role'));
    var date = text('date', 'date (2025-06-16, 2025-06, 2025-Q2, 2025-H1, 2025)', value(ev, 'date'));
    text('destination', 'destination', value(ev, 'destination'));
    text('reason', 'reason', value(ev, 'reason'));
    var select = el('select', { id: prefix + 'status', name: 'status' });
    var current = value(ev, 'status');
    META.statuses.forEach(function (s) { select.append(new Option(s, s, false, s === current)); });
    if (current && META.statuses.indexOf(current) < 0) select.append(new Option(current, current, false, true));
    row('status', select);
    row('optional (implied / vague)', el('input', { type: 'checkbox', id: prefix + 'optional', name: 'optional', checked: !!value(ev, 'optional') }));
    var error = el('p', { 'class': 'error', hidden: true });
    form.append(error, el('div', { 'class': 'buttons' },
      el('button', { type: 'submit', 'data-action': 'save' }, 'Save fix'),
      el('button', { type: 'button', 'data-action': 'cancel', 'class': 'quiet' }, 'Cancel')));
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var got = {};
      EDITABLE.forEach(function (f) {
        var input = form.elements[f];
        if (f === 'optional') got[f] = input.checked;
        else if (f === 'person_aliases') got[f] = input.value.split('|').map(function (a) { return a.trim(); }).filter(function (a) { return a; });
        else { var v = input.value.trim(); got[f] = v === '' ? null : v; }
      });
      if (!got.person) { error.textContent = 'A person is required; mark the event wrong instead.'; error.hidden = false; return; }
      if (precisionOf(got.date) === undefined) {
        date.classList.add('invalid');
        error.textContent = 'Date must be YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY (or empty).';
        error.hidden = false;
        return;
      }
      var fix = {};
      EDITABLE.forEach(function (f) {
        var orig = f === 'optional' ? false : ev[f];
        if (JSON.stringify(got[f]) !== JSON.stringify(orig === undefined ? null : orig)) fix[f] = got[f];
      });
      decisions[ev.id] = Object.keys(fix).length ? { state: 'fixed', fix: fix } : { state: 'correct' };
      saveDecisions();
      replaceCard(ev);
    });
    return form;
  }

  function replaceCard(ev) {
    var old = document.querySelector('article.event[data-id="' + CSS.escape(ev.id) + '"]');
    if (old) old.replaceWith(renderCard(ev));
    updateProgress();
  }

  function byId(id) {
    for (var i = 0; i < EVENTS.length; i++) if (EVENTS[i].id === id) return EVENTS[i];
    return null;
  }

  function onAction(e) {
    var button = e.target.closest('button[data-action]');
    if (!button) return;
    var card = button.closest('article.event');
    if (!card) return;
    var ev = byId(card.getAttribute('data-id'));
    var action = button.getAttribute('data-action');
    if (action === 'correct' || action === 'wrong') {
      decisions[ev.id] = { state: action };
    } else if (action === 'undo') {
      delete decisions[ev.id];
    } else if (action === 'edit') {
      if (!card.querySelector('form.fix-form')) card.append(fixForm(ev));
      card.querySelector('form.fix-form input').focus();
      return;
    } else if (action === 'cancel') {
      card.querySelector('form.fix-form').remove();
      return;
    } else {
      return;
    }
    saveDecisions();
    replaceCard(ev);
  }

  function render() {
    var order = {};
    EVENTS.forEach(function (ev, i) { order[ev.id] = i; });
    filtered = EVENTS.filter(matches);
    var groups = {};
    filtered.forEach(function (ev) {
      var g = groupOf(ev);
      if (!groups[g.key]) groups[g.key] = { label: g.label, first: order[ev.id], count: 0 };
      groups[g.key].count++;
    });
    filtered.sort(function (a, b) {
      var ga = groups[groupOf(a).key], gb = groups[groupOf(b).key];
      if (view.group === 'org' && ga !== gb) return ga.label.localeCompare(gb.label) || ga.first - gb.first;
      return ga.first - gb.first || order[a.id] - order[b.id];
    });
    view.groups = groups;
    $('list').replaceChildren();
    shown = 0;
    view.lastGroup = null;
    showMore();
    updateProgress();
  }

  function showMore() {
    var list = $('list');
    var end = Math.min(filtered.length, shown + PAGE);
    for (var i = shown; i < end; i++) {
      var ev = filtered[i];
      var g = groupOf(ev);
      if (g.key !== view.lastGroup) {
        list.append(el('h2', { 'class': 'group', 'data-group': g.key }, g.label + ' ',
          el('span', { 'class': 'count' }, view.groups[g.key].count + (view.groups[g.key].count === 1 ? ' event' : ' events'))));
        view.lastGroup = g.key;
      }
      list.append(renderCard(ev));
    }
    shown = end;
    var more = $('more');
    more.hidden = shown >= filtered.length;
    more.textContent = 'Show more (' + (filtered.length - shown) + ' left)';
  }

  function updateProgress() {
    var counts = { unreviewed: 0, correct: 0, wrong: 0, fixed: 0 };
    EVENTS.forEach(function (ev) { counts[stateOf(ev)]++; });
    $('progress').textContent = 'Showing ' + filtered.length + ' of ' + EVENTS.length + ' events · reviewed ' +
      (EVENTS.length - counts.unreviewed) + ' (' + counts.correct + ' correct, ' + counts.wrong + ' wrong, ' +
      counts.fixed + ' fixed)' + storageNote;
  }

  // ---- export to the gold format of shared/spec/events.md

  function goldLine(ev) {
    var date = value(ev, 'date');
    return {
      doc: ev.doc,
      person: value(ev, 'person'),
      person_aliases: value(ev, 'person_aliases') || [],
      org: value(ev, 'org'),
      org_aliases: changed(ev, 'org') ? [] : (ev.org_aliases || []),
      role: value(ev, 'role'),
      date: date,
      date_precision: changed(ev, 'date') ? precisionOf(date) : (date ? ev.date_precision || precisionOf(date) || null : null),
      destination: value(ev, 'destination'),
      reason: value(ev, 'reason'),
      status: value(ev, 'status'),
      evidence: ev.sources.map(function (s) { return s.text; }),
      optional: !!value(ev, 'optional')
    };
  }

  function exportGold() {
    var includeUnreviewed = $('include-unreviewed').checked;
    var docs = [], byDoc = {};
    EVENTS.forEach(function (ev) {
      if (!byDoc[ev.doc]) { byDoc[ev.doc] = []; docs.push(ev.doc); }
      byDoc[ev.doc].push(ev);
    });
    var lines = [], kept = 0, none = 0, leftOut = 0;
    docs.forEach(function (doc) {
      var evs = byDoc[doc];
      if (evs.every(function (ev) { return stateOf(ev) === 'wrong'; })) {
        lines.push(JSON.stringify({ doc: doc, none: true }));
        none++;
        return;
      }
      evs.forEach(function (ev) {
        var s = stateOf(ev);
        if (s === 'correct' || s === 'fixed' || (s === 'unreviewed' && includeUnreviewed)) {
          lines.push(JSON.stringify(goldLine(ev)));
          kept++;
        } else if (s === 'unreviewed') {
          leftOut++;
        }
      });
    });
    var blob = new Blob([lines.join('\n') + (lines.length ? '\n' : '')], { type: 'application/x-ndjson' });
    var url = URL.createObjectURL(blob);
    var a = el('a', { href: url, download: 'review-gold.jsonl' });
    a.hidden = true;
    document.body.append(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 2000);
    $('export-status').textContent = 'Exported ' + kept + ' events and ' + none + ' documents with none' +
      (leftOut ? '; ' + leftOut + ' unreviewed events left out' : '') + ' → review-gold.jsonl';
  }

  // ---- set-up

  function fillSelect(id, entries) {
    var select = $(id);
    entries.forEach(function (entry) { select.append(new Option(entry[1], entry[0])); });
  }

  function counted(keyOf, labelOf) {
    var seen = {};
    EVENTS.forEach(function (ev) {
      var key = keyOf(ev);
      if (key === null || key === undefined || key === '') return;
      if (!seen[key]) seen[key] = { label: labelOf(ev), count: 0 };
      seen[key].count++;
    });
    return Object.keys(seen)
      .sort(function (a, b) { return seen[b].count - seen[a].count || seen[a].label.localeCompare(seen[b].label); })
      .map(function (k) { return [k, seen[k].label + ' (' + seen[k].count + ')']; });
  }

  function setUp() {
    var docs = {};
    EVENTS.forEach(function (ev) { docs[ev.doc] = true; });
    var summary = EVENTS.length + ' events in ' + Object.keys(docs).length + ' documents · generated ' + META.generated;
    if (META.sources_checked) {
      summary += ' · ' + META.sources_checked + ' cited spans checked against the source, ' +
        META.sources_mismatched + ' not at their offsets';
    }
    $('summary').textContent = summary;
    fillSelect('filter-status', counted(function (ev) { return ev.status; }, function (ev) { return ev.status; }));
    fillSelect('filter-org', counted(function (ev) { return ev.org_key; }, function (ev) { return ev.org; }));
    fillSelect('filter-lang', counted(function (ev) { return ev.lang; }, function (ev) { return ev.lang; }));
    ['filter-status', 'filter-org', 'filter-lang', 'filter-review'].forEach(function (id) {
      $(id).addEventListener('change', render);
    });
    $('filter-confidence').addEventListener('input', function () {
      $('confidence-value').textContent = Number(this.value).toFixed(2);
      render();
    });
    var timer = null;
    $('search').addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(render, 120); });
    ['group-doc', 'group-org'].forEach(function (id) {
      $(id).addEventListener('click', function () {
        view.group = this.getAttribute('data-group');
        $('group-doc').setAttribute('aria-pressed', String(view.group === 'doc'));
        $('group-org').setAttribute('aria-pressed', String(view.group === 'org'));
        render();
      });
    });
    $('list').addEventListener('click', onAction);
    $('more').addEventListener('click', showMore);
    $('export').addEventListener('click', exportGold);
    $('reset').addEventListener('click', function () {
      if (!window.confirm('Forget every decision made on this page?')) return;
      decisions = {};
      saveDecisions();
      render();
    });
    render();
  }

  setUp();
}());
