/* veiviser site search. Needs window.VEIVISER_SEARCH (sok/indeks.js, loaded before this file)
 * and a page with #search-results. Tokenizing and stemming repeat src/search/*.rs rule for
 * rule; the index format (a main file, and parts loaded on demand with script elements, so
 * it works from file:// too) is documented in src/search/index.rs. */
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
  // Arabic (any page language): alef forms → ا, ة → ه, ى → ي, the article ال dropped when two
  // letters are left (stem.rs `arabic`).
  function arabic(t) {
    t = t.replace(/[\u0623\u0625\u0622\u0671]/g, '\u0627').replace(/\u0629/g, '\u0647').replace(/\u0649/g, '\u064a');
    return t.slice(0, 2) === '\u0627\u0644' && Array.from(t).length >= 4 ? t.slice(2) : t;
  }
  function stem(t, lang) {
    if (/[\u0620-\u064a\u0671]/.test(t)) return arabic(t);
    if (!/^[a-z]+$/.test(t)) return t;
    return /^n[bno]$/.test(lang) ? norwegian(t) : lang === 'en' ? english(t) : t;
  }

  var DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_', DIGIT = [], i;
  for (i = 0; i < DIGITS.length; i++) DIGIT[DIGITS.charCodeAt(i)] = i;
  // Calls fn(doc, list) for each document of a postings entry ("body.title.keywords.name"
  // lists of delta-coded base-32 numbers, see index.rs).
  function eachPosting(s, fn) {
    var list = 0, doc = -1, n = 0, i, c, v;
    for (i = 0; i < s.length; i++) {
      c = s.charCodeAt(i);
      if (c === 46) { list++; doc = -1; n = 0; continue; } // '.'
      v = DIGIT[c];
      n = n * 32 + (v & 31);
      if (v < 32) { doc += n + 1; fn(doc, list); n = 0; }
    }
  }

  // Postings lists in the index: body, title, keywords, name. SLOT: where each goes in a
  // score vector [title, keywords, body, name]; WEIGHT: its score.
  var SLOT = [2, 0, 1, 3], WEIGHT = [1, 10, 5, 3], PAGE = 10;

  // raw: window.VEIVISER_SEARCH; base: URL of the folder holding the part files.
  function Index(raw, base) {
    var p = raw.parts || {}, k;
    this.lang = raw.lang;
    this.kinds = raw.kinds;
    this.n = raw.n;
    this.chunk = raw.chunk || 1;
    this.shards = raw.shards || [''];
    this.id = raw.id;
    this.stop = new Set(raw.stop ? raw.stop.split(' ') : []);
    this.base = base || '';
    this.data = {}; // part name → its content
    this.loading = {}; // part name → Promise
    this.t = []; // term shard i → decoded {terms, post}
    for (k in p) if (Object.prototype.hasOwnProperty.call(p, k)) this.data[k] = p[k];
  }
  // Promise of a part: inline, loaded before, or loaded now with a script element.
  Index.prototype.part = function (name) {
    var self = this, key = this.id + '/' + name;
    if (this.data[name]) return Promise.resolve(this.data[name]);
    if (!this.loading[name]) {
      this.loading[name] = new Promise(function (resolve, reject) {
        var reg = w.VEIVISER_SEARCH_PARTS, s = d.createElement('script');
        if (reg && reg[key]) return resolve(reg[key]);
        s.src = self.base + self.id + '-' + name + '.js';
        s.onload = function () {
          var r = w.VEIVISER_SEARCH_PARTS;
          if (r && r[key]) resolve(r[key]); else reject(new Error('no ' + key + ' in ' + s.src));
        };
        s.onerror = function () { reject(new Error('cannot load ' + s.src)); };
        (d.head || d.documentElement || d.body).appendChild(s);
      }).then(function (v) { self.data[name] = v; return v; },
        function (e) { delete self.loading[name]; throw e; });
    }
    return this.loading[name];
  };
  // Term shards that may hold st or words starting with st (see `shards` in index.rs).
  Index.prototype.shardsOf = function (st) {
    var sh = this.shards, lo = 0, hi = sh.length, mid, out;
    while (lo < hi) { mid = (lo + hi) >> 1; if (sh[mid] <= st) lo = mid + 1; else hi = mid; }
    out = [Math.max(lo - 1, 0)];
    while (lo < sh.length && sh[lo].startsWith(st)) out.push(lo++);
    return out;
  };
  // Decoded term shard i, or null while it is not loaded.
  Index.prototype.shard = function (i) {
    if (this.t[i]) return this.t[i];
    var raw = this.data['t' + i], terms = [], prev = '', re = /([A-Z])([^A-Z]*)/g, m;
    if (!raw) return null;
    while ((m = re.exec(raw.terms))) terms.push((prev = prev.slice(0, m[1].charCodeAt(0) - 65) + m[2]));
    return (this.t[i] = { terms: terms, post: raw.post.split(',') });
  };
  // The query's stems: tokens minus stop words (unless only stop words), deduplicated.
  Index.prototype.stems = function (q) {
    var self = this, toks = tokenize(q), kept = toks.filter(function (t) { return !self.stop.has(t); });
    return Array.from(new Set((kept.length ? kept : toks).map(function (t) { return stem(t, self.lang); })));
  };
  // Promise that settles when the term shards that q needs are loaded.
  Index.prototype.ready = function (q) {
    var self = this, need = [];
    this.stems(q).forEach(function (st) {
      self.shardsOf(st).forEach(function (i) { need.push(self.part('t' + i)); });
    });
    return Promise.all(need);
  };
  // [{doc, score}] of the documents matching every stem of q by prefix, best first. Needs
  // the term shards of q (see ready); shards not loaded count as empty.
  Index.prototype.search = function (q) {
    var self = this, stems = this.stems(q), n = this.n, total = new Float64Array(n), count = new Uint16Array(n), out = [], doc;
    stems.forEach(function (st) {
      // Per document the best [title, keywords, body, name] score of this word.
      var best = new Float64Array(n * 4), seen = new Uint8Array(n), touched = [];
      self.shardsOf(st).forEach(function (si) {
        var sh = self.shard(si), terms, lo, hi, mid, i, exact, f;
        if (!sh) return;
        terms = sh.terms;
        for (lo = 0, hi = terms.length; lo < hi;) { mid = (lo + hi) >> 1; if (terms[mid] < st) lo = mid + 1; else hi = mid; }
        for (i = lo; i < terms.length && terms[i].startsWith(st); i++) {
          // Exact stem 1; a longer word 0.5–1, less the longer it is. Names count exactly only.
          exact = terms[i] === st;
          f = exact ? 1 : 0.5 + 0.5 * st.length / terms[i].length;
          eachPosting(sh.post[i], function (d, list) {
            if (list > 3 || (list === 3 && !exact)) return;
            var j = d * 4 + SLOT[list], v = list === 3 ? WEIGHT[3] : WEIGHT[list] * f;
            if (!seen[d]) { seen[d] = 1; touched.push(d); }
            if (v > best[j]) best[j] = v;
          });
        }
      });
      // Per word: the best title, keyword, body and name match, added; words are ANDed.
      touched.forEach(function (d) {
        var j = d * 4;
        total[d] = total[d] + best[j] + best[j + 1] + best[j + 2] + best[j + 3];
        count[d]++;
      });
    });
    for (doc = 0; doc < n && stems.length; doc++) {
      if (count[doc] === stems.length) out.push({ doc: doc, score: total[doc] });
    }
    return out.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
  };
  // Document row [url, title, kind index, excerpt] of id, or undefined while not loaded.
  Index.prototype.doc = function (id) {
    var c = this.data['d' + Math.floor(id / this.chunk)];
    return c && c[id % this.chunk];
  };
  // Promise of the rows of ids (loads their document chunks).
  Index.prototype.docs = function (ids) {
    var self = this, chunks = {};
    ids.forEach(function (id) { chunks[Math.floor(id / self.chunk)] = true; });
    return Promise.all(Object.keys(chunks).map(function (k) { return self.part('d' + k); }))
      .then(function () { return ids.map(function (id) { return self.doc(id); }); });
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

  // Link to a result: root (the language root, relative to the search page) + url. Opened
  // from disk (file://) a folder does not open its index.html, so name it.
  function href(root, url, local) {
    var h = root + url;
    return local ? h.replace(/(^|\/)(#|$)/, '$1index.html$2') : h;
  }

  function el(tag, text, cls) {
    var e = d.createElement(tag);
    if (text) e.appendChild(d.createTextNode(text));
    if (cls) e.className = cls;
    return e;
  }
  function fill(tpl, n, q) { return (tpl || '').split('{n}').join(n).split('{q}').join(q); }

  // The results on a page: list (#search-results, with data-root and the messages), status
  // (live region), more (the "show more" button, optional).
  function Results(ix, list, status, more, local) {
    this.ix = ix;
    this.list = list;
    this.status = status;
    this.more = more;
    this.local = local;
    this.root = list.dataset.root || '';
    this.seq = 0;
    this.hits = [];
    this.shown = 0;
    this.stems = [];
    this.size = PAGE; // results shown at a time
  }
  // Shows the results of q (the first `size` of them). Returns a Promise of the hits.
  Results.prototype.run = function (q) {
    var self = this, seq = ++this.seq, data = this.list.dataset, text = q.trim();
    if (!text) {
      this.hits = [];
      this.list.textContent = '';
      this.say('');
      if (this.more) this.more.hidden = true;
      return Promise.resolve([]);
    }
    return this.ix.ready(q).then(function () {
      if (seq !== self.seq) return null; // a newer query took over
      self.hits = self.ix.search(q);
      self.stems = self.ix.stems(q);
      self.shown = 0;
      return self.page(seq, true).then(function () {
        if (seq !== self.seq) return null;
        var n = self.hits.length;
        self.say(fill(n ? (n === 1 && data.one) || data.count : data.none, n, text));
        return self.hits;
      });
    }).catch(function (e) {
      if (seq === self.seq) self.say(data.failed || String(e));
      if (w.console) w.console.error(e);
      return [];
    });
  };
  Results.prototype.say = function (text) { if (this.status) this.status.textContent = text; };
  // Adds the next `size` results (replacing the list when fresh). Promise of the first new link.
  Results.prototype.page = function (seq, fresh) {
    var self = this, from = this.shown, ids = this.hits.slice(from, from + this.size).map(function (h) { return h.doc; });
    return this.ix.docs(ids).then(function (rows) {
      var first = null;
      if (seq !== self.seq) return null;
      if (fresh) self.list.textContent = '';
      rows.forEach(function (doc) {
        if (!doc) return;
        var li = el('li'), a = el('a', doc[1]), p = el('p');
        a.setAttribute('href', href(self.root, doc[0], self.local));
        li.appendChild(a);
        li.appendChild(d.createTextNode(' '));
        li.appendChild(el('span', self.ix.kinds[doc[2]], 'search-kind'));
        snippet(doc[3], self.stems, self.ix.lang).forEach(function (part) {
          p.appendChild(part[1] ? el('mark', part[0]) : d.createTextNode(part[0]));
        });
        li.appendChild(p);
        self.list.appendChild(li);
        first = first || a;
      });
      self.shown = from + ids.length;
      if (self.more) self.more.hidden = self.shown >= self.hits.length;
      return first;
    });
  };
  // "Show more": the next results, and focus on the first of them.
  Results.prototype.next = function () {
    return this.page(this.seq, false).then(function (first) { if (first) first.focus(); return first; });
  };

  function init() {
    var list = d.getElementById('search-results'), raw = w.VEIVISER_SEARCH;
    if (!list || !raw) return null;
    var script = d.querySelector && d.querySelector('script[src$="indeks.js"]');
    var base = script ? script.src.replace(/[^/]*$/, '') + 'indeks/' : 'indeks/';
    var input = d.getElementById('search-input'), more = d.getElementById('search-more');
    var results = new Results(new Index(raw, base), list, d.getElementById('search-status'), more,
      w.location.protocol === 'file:');
    var header = d.getElementById('header-q'), timer, q = new URLSearchParams(w.location.search).get('q') || '';
    function go() {
      clearTimeout(timer);
      q = input.value;
      results.run(q);
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
      // The header's search field searches here too, without leaving the page (file:// too).
      if (header && header.form) {
        header.form.addEventListener('submit', function (e) {
          e.preventDefault();
          input.value = header.value;
          go();
          input.focus();
        });
      }
    }
    if (more) more.addEventListener('click', function () { results.next(); });
    results.done = results.run(q);
    return results;
  }

  w.VeiviserSearch = { norm: norm, tokenize: tokenize, stem: stem, Index: Index, snippet: snippet, href: href, Results: Results, init: init };
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', function () { w.VeiviserSearch.results = init(); });
  else w.VeiviserSearch.results = init();
})(window, document);
