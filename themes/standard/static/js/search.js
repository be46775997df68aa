/* veiviser site search. Needs window.VEIVISER_SEARCH (search-index.js, loaded before this
 * file) and a page with #search-results. Tokenizing and stemming repeat src/search/*.rs rule
 * for rule; the index format is documented in src/search/index.rs. */
(function (w, d) {
  'use strict';
  var WORD, IGN = /[\u0300-\u0309\u030b-\u036f\u0640\u064b-\u065f\u0670\u00ad\u200c\u200d'\u2019\u02bc]/g;
  try {
    WORD = new RegExp("[\\p{Alphabetic}\\p{N}\\u0300-\\u036f\\u064b-\\u065f\\u0670\\u00ad\\u200c\\u200d'\\u2019\\u02bc]+", 'gu');
  } catch (e) { // no Unicode property escapes: split on ASCII and general punctuation
    WORD = /[^\s!-&(-\/:-@[-`{-~\u00a0-\u00ac\u00ae-\u00bf\u2000-\u200b\u200e-\u2018\u201a-\u206f\u3000-\u303f]+/g;
  }
  var FROM = 'æäøöåáàâéèêëíìîïóòôúùûü', TO = 'ae ae oe oe aa a a a e e e e i i i i o o o u u u u'.split(' ');
  var FOLD_RE = new RegExp('[' + FROM + ']', 'g');
  var MAX = 40;

  // One raw word → token: compose a+ring, drop ignorables, lowercase, fold, cut.
  function norm(raw) {
    var s = raw.replace(IGN, '').replace(/([aA])\u030a/g, function (m, a) { return a === 'a' ? 'å' : 'Å'; })
      .replace(/\u030a/g, '').toLowerCase().replace(FOLD_RE, function (c) { return TO[FROM.indexOf(c)]; });
    if (s.length > MAX) { var a = Array.from(s); if (a.length > MAX) s = a.slice(0, MAX).join(''); }
    return s;
  }

  // Calls fn(token, start, end) for each word of text (start/end: UTF-16 offsets).
  function scan(text, fn) {
    var m, t;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) if ((t = norm(m[0]))) fn(t, m.index, m.index + m[0].length);
  }

  function tokenize(text) { var out = []; scan(text, function (t) { out.push(t); }); return out; }

  var S1 = 'hetenes hetene hetens arane endes erens ernes heten heter ande arar aren edes ende enes eren erne erte ane ast ede ene ens ere ers ert ets het ar as en er es et a e s'.split(' ');
  var S3 = 'hetslov eleg elig elov slov eig els leg lig lov ig'.split(' ');
  function vowel(c) { return 'aeiouy'.indexOf(c) >= 0; }
  function suffix(w, p, list) {
    for (var i = 0; i < list.length; i++) if (w.length >= p + list[i].length && w.slice(-list[i].length) === list[i]) return list[i];
  }
  function norwegian(w) {
    var n = w.length, i = 0, p, s;
    while (i < n && !vowel(w[i])) i++;
    while (i < n && vowel(w[i])) i++;
    p = i < n ? Math.min(Math.max(i + 1, 3), n) : n;
    if ((s = suffix(w, p, S1))) {
      if (s === 's') {
        var c = w[n - 2];
        if ('bcdfghjlmnoprtvyz'.indexOf(c) >= 0 || (c === 'k' && !vowel(w[n - 3]))) w = w.slice(0, -1);
      } else w = w.slice(0, -s.length) + (s === 'erte' || s === 'ert' ? 'er' : '');
    }
    if (w.length >= p + 2 && /[dv]t$/.test(w)) w = w.slice(0, -1);
    if ((s = suffix(w, p, S3))) w = w.slice(0, -s.length);
    return w;
  }
  function english(w) {
    var n = w.length;
    if (n > 4 && /ies$/.test(w)) return w.slice(0, -3) + 'y';
    if (n > 4 && /(ss|sh|ch|x)es$/.test(w)) return w.slice(0, -2);
    if (n > 3 && /s$/.test(w) && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
    return w;
  }
  // Stems a normalized token.
  function stem(t, lang) {
    if (!/^[a-z]+$/.test(t)) return t;
    return /^n[bno]$/.test(lang) ? norwegian(t) : lang === 'en' ? english(t) : t;
  }

  var DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
  function numbers(s) {
    var out = [], n = 0, i, v;
    for (i = 0; i < s.length; i++) {
      v = DIGITS.indexOf(s[i]);
      n = n * 32 + (v & 31);
      if (v < 32) { out.push(n); n = 0; }
    }
    return out;
  }

  function Index(raw) {
    var terms = [], prev = '', re = /([A-Z])([^A-Z]*)/g, m;
    while ((m = re.exec(raw.terms))) terms.push((prev = prev.slice(0, m[1].charCodeAt(0) - 65) + m[2]));
    this.lang = raw.lang;
    this.docs = raw.docs;
    this.kinds = raw.kinds;
    this.stop = new Set(raw.stop ? raw.stop.split(' ') : []);
    this.terms = terms;
    this.post = raw.post.split(',');
    this.cache = {};
  }
  // Map doc id → [title, keywords, body] scores (10, 5, 1) of term i.
  Index.prototype.postings = function (i) {
    if (this.cache[i]) return this.cache[i];
    var lists = this.post[i].split('.'), m = new Map(), k, j, v, doc, f;
    for (k = 0; k < lists.length; k++) {
      v = numbers(lists[k]);
      for (doc = -1, j = 0; j < v.length; j++) {
        doc += v[j] + 1;
        f = m.get(doc) || [0, 0, 0];
        f[(k + 2) % 3] = [1, 10, 5][k];
        m.set(doc, f);
      }
    }
    return (this.cache[i] = m);
  };
  // The query's stems: tokens minus stop words (unless only stop words), deduplicated.
  Index.prototype.stems = function (q) {
    var self = this, toks = tokenize(q), kept = toks.filter(function (t) { return !self.stop.has(t); });
    return Array.from(new Set((kept.length ? kept : toks).map(function (t) { return stem(t, self.lang); })));
  };
  // Returns [{doc, score}] of the documents matching every stem by prefix, best first.
  Index.prototype.search = function (q) {
    var stems = this.stems(q), terms = this.terms, acc = null, s, i, lo, hi, mid, best;
    for (s = 0; s < stems.length; s++) {
      var st = stems[s];
      best = new Map();
      for (lo = 0, hi = terms.length; lo < hi;) { mid = (lo + hi) >> 1; if (terms[mid] < st) lo = mid + 1; else hi = mid; }
      for (i = lo; i < terms.length && terms[i].startsWith(st); i++) {
        var f = terms[i] === st ? 1 : 0.5 + 0.5 * st.length / terms[i].length;
        this.postings(i).forEach(function (v, doc) {
          var b = best.get(doc) || [0, 0, 0];
          for (var j = 0; j < 3; j++) b[j] = Math.max(b[j], v[j] * f);
          best.set(doc, b);
        });
      }
      // Per word: the best title, keyword and body match, added; words are ANDed.
      if (acc) acc.forEach(function (v, doc) { var b = best.get(doc); if (b) acc.set(doc, v + b[0] + b[1] + b[2]); else acc.delete(doc); });
      else { acc = new Map(); best.forEach(function (b, doc) { acc.set(doc, b[0] + b[1] + b[2]); }); }
    }
    var out = [];
    if (acc) acc.forEach(function (score, doc) { out.push({ doc: doc, score: score }); });
    return out.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
  };

  // Snippet of text around the first word matching a stem: [[string, marked], …].
  function snippet(text, stems, lang, size) {
    var marks = [], out = [], start = 0, end, pos;
    size = size || 160;
    scan(text, function (t, a, b) {
      var st = stem(t, lang);
      if (stems.some(function (s) { return st.startsWith(s); })) marks.push([a, b]);
    });
    if (marks.length && marks[0][1] > size) {
      start = text.lastIndexOf(' ', marks[0][0] - 40) + 1;
      if (start > marks[0][0]) start = marks[0][0];
    }
    end = start + size >= text.length ? text.length : Math.max(text.lastIndexOf(' ', start + size), marks.length && marks[0][1]);
    if (end <= start) end = Math.min(text.length, start + size);
    if (start) out.push(['…', false]);
    pos = start;
    marks.forEach(function (m) {
      if (m[0] < pos || m[1] > end) return;
      if (m[0] > pos) out.push([text.slice(pos, m[0]), false]);
      out.push([text.slice(m[0], m[1]), true]);
      pos = m[1];
    });
    if (end > pos) out.push([text.slice(pos, end), false]);
    if (end < text.length) out.push(['…', false]);
    return out;
  }

  function el(tag, text, cls) {
    var e = d.createElement(tag);
    if (text) e.appendChild(d.createTextNode(text));
    if (cls) e.className = cls;
    return e;
  }
  function fill(tpl, n, q) { return (tpl || '').split('{n}').join(n).split('{q}').join(q); }

  // Renders the results of q into list and the count into status.
  function render(ix, q, list, status, root) {
    var hits = q.trim() ? ix.search(q) : [], stems = ix.stems(q), data = list.dataset;
    list.textContent = '';
    hits.slice(0, 100).forEach(function (h) {
      var doc = ix.docs[h.doc], li = el('li'), a = el('a', doc[1]), p = el('p');
      a.setAttribute('href', root + doc[0]);
      li.appendChild(a);
      li.appendChild(d.createTextNode(' '));
      li.appendChild(el('span', ix.kinds[doc[2]], 'search-kind'));
      snippet(doc[3], stems, ix.lang).forEach(function (part) {
        p.appendChild(part[1] ? el('mark', part[0]) : d.createTextNode(part[0]));
      });
      li.appendChild(p);
      list.appendChild(li);
    });
    if (status) status.textContent = q.trim() ? fill(hits.length ? (hits.length === 1 && data.one) || data.count : data.none, hits.length, q.trim()) : '';
    return hits;
  }

  function init() {
    var list = d.getElementById('search-results'), raw = w.VEIVISER_SEARCH;
    if (!list || !raw) return;
    var ix = new Index(raw), input = d.getElementById('search-input'), status = d.getElementById('search-status');
    var root = list.dataset.root || '', timer, q = new URLSearchParams(w.location.search).get('q') || '';
    function go() {
      clearTimeout(timer);
      q = input.value;
      render(ix, q, list, status, root);
      try {
        var u = new URL(w.location.href);
        if (q) u.searchParams.set('q', q); else u.searchParams.delete('q');
        w.history.replaceState(w.history.state, '', u.href);
      } catch (e) { /* file:// in some browsers */ }
    }
    if (input) {
      input.value = q;
      input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(go, 100); });
      if (input.form) input.form.addEventListener('submit', function (e) { e.preventDefault(); go(); });
    }
    render(ix, q, list, status, root);
  }

  w.VeiviserSearch = { norm: norm, tokenize: tokenize, stem: stem, Index: Index, snippet: snippet, render: render, init: init };
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', init); else init();
})(window, document);
