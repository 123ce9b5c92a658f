/* docgen: the site's search client and the little the pages do with JavaScript (copy a
 * link, filter a service's statuses). Everything else works without it.
 *
 * The index is built in Go (package render/search); this file mirrors search.Reader step
 * for step: the same tokenizer (with the word lists from the manifest), the same files
 * loaded for a query, the same scores. Index files are scripts that call docgenIndex(name,
 * data), so they load from file:// as well as over HTTP.
 *
 * API: window.docgen.search(query, {service, status, limit}) returns a Promise of results
 * [{id, code, status, service, title, url, score, snippet}], best first; url is the entry's
 * permanent site-relative URL; the array also has .total (all matches) and .partial (true
 * when no entry matched every word and these match some). limit defaults to 10.
 */
(function () {
  'use strict';

  var doc = document;
  var html = doc.documentElement;
  var root = html.getAttribute('data-root') || '';
  var base = root + (html.getAttribute('data-index') || '');

  // ---- loading index files ----
  var pending = {};
  var files = {};
  window.docgenIndex = function (name, data) {
    var p = pending[name];
    if (p) {
      delete pending[name];
      p(data);
    }
  };
  function load(name) {
    if (files[name]) return files[name];
    files[name] = new Promise(function (resolve, reject) {
      pending[name] = resolve;
      var s = doc.createElement('script');
      s.src = base + name + '.js';
      s.async = true;
      s.fetchPriority = 'high'; // a query waits for it: not a background load
      s.onload = function () {
        s.remove();
        if (pending[name]) {
          delete pending[name];
          delete files[name];
          reject(new Error('docgen: ' + name + '.js did not call docgenIndex'));
        }
      };
      s.onerror = function () {
        s.remove();
        delete pending[name];
        delete files[name];
        reject(new Error('docgen: cannot load ' + base + name + '.js'));
      };
      doc.head.appendChild(s);
    });
    return files[name];
  }

  var manifest = null;
  function ready() {
    if (manifest) return manifest;
    manifest = load('m').then(function (m) {
      N = m.n;
      // each service's number of documents, as varints: where each one's end
      m.ends = [];
      for (var ci = 0, end = 0; ci < m.counts.length;) {
        ci = readVarint(m.counts, ci);
        end += vv;
        m.ends.push(end);
      }
      m.seps = [''];
      if (m.shards) {
        var parts = m.shards.split(',');
        for (var i = 1; i < parts.length; i++) {
          var prev = m.seps[i - 1];
          m.seps.push(prev.slice(0, parts[i].charCodeAt(0) - 65) + parts[i].slice(1));
        }
      }
      m.hotMap = new Map();
      if (m.hot) {
        m.hot.split(',').forEach(function (e) {
          var at = e.indexOf('@');
          m.hotMap.set(e.slice(0, at), e.slice(at));
        });
      }
      // decoded here, when the manifest arrives (on focus for a typed query), not by a
      // query's first lookups
      m.specList = decodeSet(m.spec || '');
      m.stopSet = toSet(m.stop);
      m.suffixes = m.sfx.map(function (s) { return [s, 1]; }).concat(m.sfx2.map(function (s) { return [s, 2]; }),
        (m.sfxB || []).map(function (s) { return [s, 'B']; }));
      m.suffixes.sort(function (a, b) { return cpLen(b[0]) - cpLen(a[0]); });
      // by their last character, so that stem tries only those that can match (as Go's
      // suffixesBy): the endings are a few hundred, and every word of a result is stemmed
      m.sfxBy = new Map();
      m.suffixes.forEach(function (e) {
        var last = e[0].charCodeAt(e[0].length - 1);
        if (!m.sfxBy.has(last)) m.sfxBy.set(last, []);
        m.sfxBy.get(last).push(e);
      });
      m.sfxSet = toSet(m.sfx.concat(m.sfx2));
      return m;
    }, function (err) {
      manifest = null;
      throw err;
    });
    return manifest;
  }

  function toSet(list) {
    var o = Object.create(null);
    list.forEach(function (s) { o[s] = true; });
    return o;
  }

  // ---- the tokenizer (search.Words, search.ParseQuery) ----
  var reWord = /[\p{L}\p{Nd}]/u;
  var reHangul = /\p{Script=Hangul}/u;
  var reUpper = /\p{Lu}/u;
  var reLower = /\p{Ll}/u;
  var reDigit = /\p{Nd}/u;

  function cpLen(s) {
    var n = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) n++;
    }
    return n;
  }

  function stem(m, w) {
    var n = cpLen(w), list = m.sfxBy.get(w.charCodeAt(w.length - 1)) || [];
    for (var i = 0; i < list.length; i++) {
      var s = list[i][0];
      if (!w.endsWith(s)) continue;
      var kind = list[i][1], rest = n - cpLen(s);
      if (kind !== 'B' && rest >= kind) return w.slice(0, w.length - s.length);
      if (kind === 'B' && rest >= 1) {
        var c = w.charCodeAt(w.length - s.length - 1);
        if (c >= 0xac00 && c <= 0xd7a3 && (c - 0xac00) % 28 !== 0) return w.slice(0, w.length - s.length);
      }
    }
    return '';
  }

  // ---- English stems: Porter2 (Snowball English), as search.EnglishStem ----
  var P2_SPECIAL = {
    skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl', gently: 'gentl',
    ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl', sky: 'sky', news: 'news', howe: 'howe',
    atlas: 'atlas', cosmos: 'cosmos', bias: 'bias', andes: 'andes', inning: 'inning', innings: 'inning',
    outing: 'outing', outings: 'outing', canning: 'canning', cannings: 'canning', herring: 'herring',
    herrings: 'herring', earring: 'earring', earrings: 'earring', proceed: 'proceed', proceeds: 'proceed',
    proceeded: 'proceed', proceeding: 'proceed', exceed: 'exceed', exceeds: 'exceed', exceeded: 'exceed',
    exceeding: 'exceed', succeed: 'succeed', succeeds: 'succeed', succeeded: 'succeed', succeeding: 'succeed'
  };
  function p2vowel(c) { return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y'; }
  function p2first(w, list) {
    for (var i = 0; i < list.length; i++) if (w.length >= list[i].length && w.slice(-list[i].length) === list[i]) return list[i];
    return '';
  }
  function p2vnv(w, start) {
    for (var j = start + 1; j < w.length; j++) if (p2vowel(w[j - 1]) && !p2vowel(w[j])) return j + 1;
    return w.length;
  }
  function p2shortSyl(w, i) {
    if (i === 2) return p2vowel(w[0]) && !p2vowel(w[1]);
    if (i >= 3) {
      var s1 = w[i - 1], s2 = w[i - 2], s3 = w[i - 3];
      return !p2vowel(s1) && s1 !== 'w' && s1 !== 'x' && s1 !== 'Y' && p2vowel(s2) && !p2vowel(s3);
    }
    return false;
  }
  var P2_STEP2 = {
    tional: 'tion', enci: 'ence', anci: 'ance', abli: 'able', entli: 'ent', izer: 'ize', ization: 'ize',
    ational: 'ate', ation: 'ate', ator: 'ate', alism: 'al', aliti: 'al', alli: 'al', fulness: 'ful',
    ousli: 'ous', ousness: 'ous', iveness: 'ive', iviti: 'ive', biliti: 'ble', bli: 'ble', fulli: 'ful', lessli: 'less'
  };
  var P2_STEP2_LIST = ['ational', 'fulness', 'iveness', 'ization', 'ousness', 'biliti', 'lessli', 'tional', 'alism', 'aliti',
    'ation', 'entli', 'fulli', 'iviti', 'ousli', 'anci', 'abli', 'alli', 'ator', 'enci', 'izer', 'bli', 'ogi', 'li'];
  var P2_STEP3 = { ational: 'ate', tional: 'tion', alize: 'al', icate: 'ic', iciti: 'ic', ical: 'ic', ful: '', ness: '' };
  var P2_STEP3_LIST = ['ational', 'tional', 'alize', 'icate', 'ative', 'iciti', 'ical', 'ful', 'ness'];
  var P2_STEP4_LIST = ['ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ent', 'ant', 'ism', 'ate', 'iti', 'ous', 'ive',
    'ize', 'ion', 'al', 'er', 'ic'];

  function porter2(word) {
    if (word.length <= 2) return word;
    if (P2_SPECIAL[word]) return P2_SPECIAL[word];
    var w = '';
    for (var i = 0; i < word.length; i++) w += word[i] === 'y' && (i === 0 || p2vowel(word[i - 1])) ? 'Y' : word[i];
    var r1 = /^(gener|commun|arsen)/.test(w) ? RegExp.$1.length : p2vnv(w, 0);
    var r2 = p2vnv(w, r1);
    function set(s) {
      w = s;
      if (r1 > w.length) r1 = w.length;
      if (r2 > w.length) r2 = w.length;
    }
    // step 1a
    var sfx = p2first(w, ['sses', 'ied', 'ies', 'us', 'ss', 's']);
    if (sfx === 'sses') set(w.slice(0, -4) + 'ss');
    else if (sfx === 'ied' || sfx === 'ies') set(w.slice(0, -3) + (w.length > 4 ? 'i' : 'ie'));
    else if (sfx === 's') {
      for (i = 0; i < w.length - 2; i++) {
        if (p2vowel(w[i])) {
          set(w.slice(0, -1));
          break;
        }
      }
    }
    // step 1b
    sfx = p2first(w, ['eedly', 'ingly', 'edly', 'ing', 'eed', 'ed']);
    if (sfx === 'eed' || sfx === 'eedly') {
      if (sfx.length <= w.length - r1) set(w.slice(0, -sfx.length) + 'ee');
    } else if (sfx) {
      var vowel = false;
      for (i = 0; i < w.length - sfx.length; i++) if (p2vowel(w[i])) { vowel = true; break; }
      if (vowel) {
        var o1 = r1, o2 = r2;
        set(w.slice(0, -sfx.length));
        var ns = p2first(w, ['at', 'bl', 'iz', 'bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt']);
        if (!ns) {
          if (r1 >= w.length && p2shortSyl(w, w.length)) {
            w += 'e';
            r1 = r2 = w.length;
            o1 = o2 = -1;
          }
        } else if (ns === 'at' || ns === 'bl' || ns === 'iz') {
          set(w + 'e');
        } else {
          set(w.slice(0, -1));
        }
        if (o1 >= 0) {
          r1 = Math.min(o1, w.length);
          r2 = Math.min(o2, w.length);
        }
      }
    }
    // step 1c
    var n = w.length;
    if (n > 2 && (w[n - 1] === 'y' || w[n - 1] === 'Y') && !p2vowel(w[n - 2])) w = w.slice(0, -1) + 'i';
    // step 2
    sfx = p2first(w, P2_STEP2_LIST);
    if (sfx && sfx.length <= w.length - r1) {
      n = w.length;
      if (sfx === 'li') {
        if (n >= 3 && 'cdeghkmnrt'.indexOf(w[n - 3]) >= 0) set(w.slice(0, -2));
      } else if (sfx === 'ogi') {
        if (n >= 4 && w[n - 4] === 'l') set(w.slice(0, -3) + 'og');
      } else {
        set(w.slice(0, -sfx.length) + P2_STEP2[sfx]);
      }
    }
    // step 3
    sfx = p2first(w, P2_STEP3_LIST);
    if (sfx && sfx.length <= w.length - r1) {
      if (sfx === 'ative') {
        if (w.length - r2 >= 5) set(w.slice(0, -5));
      } else {
        set(w.slice(0, -sfx.length) + P2_STEP3[sfx]);
      }
    }
    // step 4
    sfx = p2first(w, P2_STEP4_LIST);
    if (sfx && sfx.length <= w.length - r2) {
      n = w.length;
      if (sfx !== 'ion') set(w.slice(0, -sfx.length));
      else if (n >= 4 && (w[n - 4] === 's' || w[n - 4] === 't')) set(w.slice(0, -3));
    }
    // step 5
    var last = w.length - 1;
    if (r1 <= last) {
      if (w[last] === 'e') {
        if (r2 <= last || !p2shortSyl(w, last)) set(w.slice(0, -1));
      } else if (r2 <= last && w[last] === 'l' && last >= 1 && w[last - 1] === 'l') {
        set(w.slice(0, -1));
      }
    }
    return w.replace(/Y/g, 'y');
  }

  // englishStem is search.EnglishStem: the Porter2 stem of a part of a-z letters, or ''.
  var stemCache = new Map();
  function englishStem(p) {
    if (p.length < 3 || !/^[a-z]+$/.test(p)) return '';
    if (stemCache.has(p)) return stemCache.get(p);
    var s = porter2(p);
    s = s === p ? '' : s;
    if (stemCache.size < 10000) stemCache.set(p, s);
    return s;
  }

  function splitParts(s) {
    var cps = Array.from(s);
    var parts = [];
    var from = 0;
    for (var i = 1; i < cps.length; i++) {
      var prev = cps[i - 1], cur = cps[i];
      var cut = reDigit.test(prev) !== reDigit.test(cur) ||
        reLower.test(prev) && reUpper.test(cur) ||
        reUpper.test(prev) && reUpper.test(cur) && i + 1 < cps.length && reLower.test(cps[i + 1]);
      if (cut) {
        parts.push(cps.slice(from, i).join(''));
        from = i;
      }
    }
    parts.push(cps.slice(from).join(''));
    return parts;
  }

  function makeWord(m, s, hangul) {
    if (hangul) {
      if (m.sfxSet[s]) return null;
      return { parts: [s], stems: [''], whole: '', stem: stem(m, s), hangul: true };
    }
    var raw = splitParts(s);
    var w = { parts: [], stems: [], whole: '', stem: '', hangul: false };
    raw.forEach(function (p) {
      p = p.toLowerCase();
      if (cpLen(p) >= 2 && !m.stopSet[p]) {
        w.parts.push(p);
        w.stems.push(englishStem(p));
      }
    });
    if (raw.length > 1) w.whole = s.toLowerCase();
    if (!w.parts.length && !w.whole) return null;
    return w;
  }

  // words splits text into words with their UTF-16 offsets (start, end): runs of letters
  // and digits, cut where Hangul begins or ends. One regular expression finds them, rather
  // than a test per character: a cold page splits the code, title and snippet of every
  // result of a query of several words (proximity) before the engine has compiled this.
  var reWords = /((?:(?=\p{Script=Hangul})[\p{L}\p{Nd}])+)|(?:(?!\p{Script=Hangul})[\p{L}\p{Nd}])+/gu;
  function words(m, text) {
    var out = [], r;
    reWords.lastIndex = 0; // makeWord does not call words: nothing moves it meanwhile
    while ((r = reWords.exec(text)) !== null) {
      var w = makeWord(m, r[0], r[1] !== undefined);
      if (w) {
        w.start = r.index;
        w.end = r.index + r[0].length;
        out.push(w);
      }
    }
    return out;
  }

  function codeKey(q) {
    var out = '';
    for (var ch of q) {
      if (reWord.test(ch)) out += ch.toLowerCase();
    }
    return out;
  }

  function isDigits(s) { return /^[0-9]+$/.test(s); }

  function parseQuery(m, q) {
    var tokens = [];
    words(m, q).forEach(function (w) {
      w.parts.forEach(function (p, i) {
        var t = { terms: [p], prefix: false, hangul: w.hangul };
        if (w.stem) t.terms.push(w.stem);
        if (w.stems[i]) t.terms.push(w.stems[i]);
        tokens.push(t);
      });
    });
    if (tokens.length) {
      var last = tokens[tokens.length - 1];
      last.prefix = !isDigits(last.terms[0]);
    }
    return { tokens: tokens, key: codeKey(q) };
  }

  // ---- the index format (search/encode.go) ----
  var ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var DIGIT = new Int8Array(128).fill(-1);
  for (var k = 0; k < ALPHA.length; k++) DIGIT[ALPHA.charCodeAt(k)] = k;
  var BITS = new Uint8Array(64); // the number of bits set in each 6-bit value
  for (k = 1; k < 64; k++) BITS[k] = BITS[k >> 1] + (k & 1);

  // readVarint reads a varint of s at i into vv and returns the index after it.
  var vv = 0;
  function readVarint(s, i) {
    var v = 0, mul = 1;
    for (;;) {
      var ch = s.charCodeAt(i++);
      var c = ch < 128 ? DIGIT[ch] : -1;
      if (c < 0) throw new Error('docgen: bad index data');
      v += (c & 31) * mul;
      mul *= 32;
      if (c < 32) {
        vv = v;
        return i;
      }
    }
  }

  // decodeSet returns the documents of a doc set (search/encode.go) in ascending order.
  function decodeSet(s) {
    var i, j, d, n = 0, out;
    if (!s) return new Int32Array(0);
    if (s[0] === '!') {
      var first = readVarint(s, 1), base6 = vv * 6;
      for (i = first; i < s.length; i++) n += BITS[DIGIT[s.charCodeAt(i)]];
      out = new Int32Array(n);
      n = 0;
      for (i = first; i < s.length; i++) {
        var v = DIGIT[s.charCodeAt(i)];
        if (v === 0) continue;
        d = base6 + (i - first) * 6;
        for (j = 0; j < 6; j++) if (v & (1 << j)) out[n++] = d + j;
      }
      return out;
    }
    if (s[0] === '~') {
      var runs = [], end = 0;
      for (i = 1; i < s.length;) {
        i = readVarint(s, i);
        var start = end + vv;
        i = readVarint(s, i);
        runs.push(start, vv + 1);
        n += vv + 1;
        end = start + vv + 1;
      }
      out = new Int32Array(n);
      n = 0;
      for (j = 0; j < runs.length; j += 2) for (d = 0; d < runs[j + 1]; d++) out[n++] = runs[j] + d;
      return out;
    }
    out = new Int32Array(s.length); // at least one character per document
    var prev = -1;
    for (i = 0; i < s.length;) {
      i = readVarint(s, i);
      prev = prev < 0 ? vv : prev + vv + 1;
      out[n++] = prev;
    }
    return out.subarray(0, n);
  }

  var NCLASS = 4;
  var WEIGHT = [1, 4, 10, 30]; // by class, weakest first: text, title, code, exact
  var STEM = 0.9, PREFIX = 0.6, EXACT = 10000, CODE_PREFIX = 5000, VERBATIM = 1000, PAIR = 0.5;
  var N = 0; // documents in the index, for idf

  // idf is a term's rarity (search.IDF), rounded as the Go side rounds it.
  function idf(df) {
    return Math.round(Math.log(1 + (N - df + 0.5) / (df + 0.5)) * 1024) / 1024;
  }
  var MAX_PREFIX_SHARDS = 2, MAX_PREFIX_FILES = 3;

  var EMPTY = [new Int32Array(0), new Int32Array(0), new Int32Array(0), new Int32Array(0)];
  EMPTY.idf = 0;
  var decoded = {};
  // postings resolves a dictionary value into per-class doc lists. A value asked for again
  // while its file loads gets the same promise: a first query asks for its words' postings
  // both when it starts their fetches and when it scores, and decoding big lists twice
  // cost a cold page 3-8 ms.
  var decoding = {};
  function postings(p) {
    if (!p) return Promise.resolve(EMPTY);
    if (decoded[p]) return Promise.resolve(decoded[p]);
    if (decoding[p]) return decoding[p];
    decoding[p] = decodePostings(p);
    decoding[p].then(function () { delete decoding[p]; }, function () { delete decoding[p]; });
    return decoding[p];
  }
  function decodePostings(p) {
    var get = Promise.resolve(p);
    if (p[0] === '@') {
      readVarint(p, 1);
      // A postings file also brings the records of its term's best documents.
      get = load('p/' + vv).then(function (file) {
        file[1].forEach(function (h) { known.set(h[0], h.slice(1)); });
        return file[0];
      });
    }
    return get.then(function (s) {
      var sets = [EMPTY[0], EMPTY[0], EMPTY[0], EMPTY[0]];
      s.split('|').forEach(function (part, i) { sets[NCLASS - 1 - i] = decodeSet(part); });
      var df = 0;
      if (p[0] === '@') {
        readVarint(p, readVarint(p, 1));
        df = vv;
      } else {
        sets.forEach(function (ids) { df += ids.length; });
      }
      sets.idf = idf(df);
      decoded[p] = sets;
      return sets;
    });
  }

  // hasExact reports whether a dictionary value has documents in the class Exact: a
  // reference to a postings file says how many ('@' file, count, exact count), inline
  // postings list that class first.
  function hasExact(p) {
    if (!p) return false;
    if (p[0] !== '@') return p.split('|')[0] !== '';
    readVarint(p, readVarint(p, readVarint(p, 1)));
    return vv > 0;
  }
  // exactDocs resolves a dictionary value's documents of the class Exact, loading its
  // postings file only when it has some (search.Reader.exactDocs).
  function exactDocs(p) {
    if (!hasExact(p)) return Promise.resolve(EMPTY[3]);
    return postings(p).then(function (sets) { return sets[3]; });
  }

  function shardOf(m, t) {
    var lo = 0, hi = m.seps.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (m.seps[mid] > t) hi = mid; else lo = mid + 1;
    }
    return Math.max(lo - 1, 0);
  }

  var shards = {};
  function shard(i) {
    if (shards[i]) return shards[i];
    shards[i] = load('t/' + i).then(function (s) {
      var sh = { map: new Map(), terms: [] };
      var prev = '';
      if (s) {
        s.split(',').forEach(function (e) {
          var sp = e.indexOf(' ');
          var term = prev.slice(0, e.charCodeAt(0) - 65) + e.slice(1, sp);
          sh.map.set(term, e.slice(sp + 1));
          sh.terms.push(term);
          prev = term;
        });
      }
      return sh;
    });
    shards[i].catch(function () { delete shards[i]; });
    return shards[i];
  }

  // lookup resolves the dictionary value of term t ('' for none); a term of the manifest's
  // hot list needs no shard.
  function lookup(m, t) {
    if (m.hotMap.has(t)) return Promise.resolve(m.hotMap.get(t));
    return shard(shardOf(m, t)).then(function (sh) { return sh.map.get(t) || ''; });
  }

  // specFile returns the number of the postings file that the manifest's spec list gives
  // term t (search.Reader.specFile), or -1: none, or t is hot. The list holds the top
  // SPEC_BITS bits of each term's FNV-1a hash over its UTF-16 code units (search.SpecHash).
  var SPEC_BITS = 20;
  function specHash(t) {
    var h = 2166136261;
    for (var i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 16777619);
    return h >>> (32 - SPEC_BITS);
  }
  function specFile(m, t) {
    if (m.hotMap.has(t)) return -1;
    var h = specHash(t), l = m.specList, lo = 0, hi = l.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (l[mid] < h) lo = mid + 1; else hi = mid;
    }
    return lo < l.length && l[lo] === h ? m.spec0 + lo : -1;
  }
  // speculate asks for the postings file that the spec list gives term t alongside its
  // dictionary shard, before the shard says whether t has it (search.Reader.speculate).
  function speculate(m, t) {
    var n = specFile(m, t);
    if (n >= 0) load('p/' + n).catch(function () { /* the step that needs it reports it */ });
  }

  // expand returns the postings of the terms that start with p (see Reader.expand).
  function expand(m, p, nShards, files) {
    var first = shardOf(m, p);
    var last = Math.min(shardOf(m, p + '\uffff'), first + nShards - 1);
    var waits = [];
    for (var i = first; i <= last; i++) waits.push(shard(i));
    return Promise.all(waits).then(function (list) {
      var inline = [], refs = [];
      list.forEach(function (sh) {
        sh.terms.forEach(function (t) {
          if (t === p || t.slice(0, p.length) !== p) return;
          var post = sh.map.get(t);
          if (post[0] === '@') {
            readVarint(post, readVarint(post, 1));
            refs.push({ post: post, df: vv, i: refs.length });
          } else {
            inline.push(post);
          }
        });
      });
      refs.sort(function (a, b) { return b.df - a.df || a.i - b.i; });
      refs.slice(0, files).forEach(function (r) { inline.push(r.post); });
      return inline;
    });
  }

  function prefixable(t) {
    return cpLen(t) >= 2 || reHangul.test(t);
  }

  var services = null;
  function serviceTitles() {
    services = services || load('s').then(function (list) {
      // [id, title], and for a service in several languages its titles in the others.
      var o = {};
      list.forEach(function (s) { o[s[0]] = s[2] && own(s[2], pageLang) && s[2][pageLang] || s[1]; });
      return o;
    }, function (err) {
      services = null;
      throw err;
    });
    return services;
  }

  var docShards = {};
  var known = new Map(); // document → record, from postings files
  function docRecord(m, d) {
    if (known.has(d)) return Promise.resolve(makeResult(m, known.get(d)));
    // A postings file still on its way (asked ahead, prefetchSplit) may bring d's record,
    // as it always has by now in search.Reader: wait for those first, so that a loaded
    // machine fetches no documents file the record was coming with.
    var pending = Object.keys(decoding).map(function (p) { return decoding[p].catch(function () { /* reported by its step */ }); });
    if (pending.length) return Promise.all(pending).then(function () { return docRecordNow(m, d); });
    return docRecordNow(m, d);
  }
  function docRecordNow(m, d) {
    if (known.has(d)) return Promise.resolve(makeResult(m, known.get(d)));
    var n = Math.floor(d / m.per);
    if (!docShards[n]) {
      docShards[n] = load('d/' + n);
      docShards[n].catch(function () { delete docShards[n]; });
    }
    return docShards[n].then(function (recs) { return makeResult(m, recs[d % m.per]); });
  }

  // The language results are shown in: the page's own (data-lang, on the pages of a
  // service in several languages), else its words'. r[7], when there, holds an entry's
  // page, title and snippet in its service's other languages (and, fourth, the language
  // of that text when the language does not document the entry); r[8] the language of
  // the entry's own text when it is not its service's default (search.Reader.doc).
  var pageLang = html.getAttribute('data-lang') || html.lang;
  function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function makeResult(m, r) {
    var t = r[7] && own(r[7], pageLang) ? r[7][pageLang] : null;
    if (t) return { id: r[0], code: r[1], status: r[2], service: m.services[r[3]], url: t[0], title: t[1], snippet: t[2], lang: t[3] || pageLang };
    var res = { id: r[0], code: r[1], status: r[2], service: m.services[r[3]], url: r[4], title: r[5], snippet: r[6] };
    if (r[7] && r[8]) res.lang = r[8];
    return res;
  }


  // keep returns which documents pass the filters, or null for all.
  var keeps = {};
  function keep(m, f) {
    if (!f.service && !f.status) return Promise.resolve(null);
    var k = (f.service || '') + '|' + (f.status || '');
    keeps[k] = keeps[k] || filterDocs(m, f).catch(function (err) {
      delete keeps[k];
      throw err;
    });
    return keeps[k];
  }

  function filterDocs(m, f) {
    var n = m.n;
    var ok = new Uint8Array(n);
    var lo = 0, hi = n;
    if (f.service) {
      lo = hi = 0;
      var i = m.services.indexOf(f.service);
      if (i >= 0) {
        lo = i > 0 ? m.ends[i - 1] : 0;
        hi = m.ends[i];
      }
    }
    for (var d = lo; d < hi; d++) ok[d] = 1;
    if (!f.status) return Promise.resolve(ok);
    return lookup(m, '~' + f.status).then(postings).then(function (sets) {
      var inSet = new Uint8Array(n);
      sets.forEach(function (ids) { ids.forEach(function (d) { inSet[d] = 1; }); });
      for (var d = 0; d < n; d++) ok[d] &= inSet[d];
      return ok;
    });
  }

  // ---- query expansion (search/expand.go) ----
  var SYN = 0.7, INITIALS = 0.8, TYPO1 = 0.5, TYPO2 = 0.3, MAX_TYPO_WORDS = 4, MAX_INITIALS_WORDS = 8;
  var MIN_COMPOUND = 3, TYPO_MIN = 5, TYPO_MIN2 = 9, MIN_PREFIX = 3;
  var CHOSEONG = Array.from('ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ');
  var reCJK = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

  function isLatinPhrase(p) { return !reCJK.test(p); }
  function compact(s) {
    var out = '';
    for (var ch of s) if (!/\s/u.test(ch)) out += ch.toLowerCase();
    return out;
  }
  function synIndex(groups) {
    var x = { groups: groups, seq: new Map(), sub: new Map() };
    groups.forEach(function (g, gi) {
      (g.q || []).forEach(function (sq, pi) {
        if (!x.seq.has(sq[0])) x.seq.set(sq[0], []);
        x.seq.get(sq[0]).push([gi, pi]);
      });
      (g.s || []).forEach(function (sb, pi) {
        var r = String.fromCodePoint(sb.codePointAt(0));
        if (!x.sub.has(r)) x.sub.set(r, []);
        x.sub.get(r).push([gi, pi]);
      });
    });
    return x;
  }
  function seqMatches(x, forms, f) {
    forms.forEach(function (w, i) {
      (x.seq.get(w) || []).forEach(function (gp) {
        var sq = x.groups[gp[0]].q[gp[1]];
        if (i + sq.length > forms.length) return;
        for (var k = 1; k < sq.length; k++) if (forms[i + k] !== sq[k]) return;
        f(gp[0], i, i + sq.length);
      });
    });
  }
  // subMatches finds the phrases of other scripts in text, an array of code points.
  function subMatches(x, text, f) {
    text.forEach(function (r, i) {
      (x.sub.get(r) || []).forEach(function (gp) {
        var sb = Array.from(x.groups[gp[0]].s[gp[1]]);
        if (i + sb.length <= text.length && text.slice(i, i + sb.length).join('') === sb.join('')) f(gp[0], i, i + sb.length);
      });
    });
  }
  // wholePhrase is search.synIndex.whole: a Hangul word (without its particle or ending)
  // that is one phrase of a group as a whole is that concept, no compound to split.
  function wholePhrase(m, w) {
    var st = stem(m, w), rs = Array.from(compact(st || w)), whole = false;
    subMatches(synx(), rs, function (g, from, to) { if (from === 0 && to === rs.length) whole = true; });
    return whole;
  }
  // The synonym files (search.SynFiles): a query loads those of the scripts it is written
  // in (search.queryScripts), alongside the manifest and its first lookups.
  var SYN_FILES = ['l', 'k', 'j'];
  // a letter of the script each page language is written in (loadSyn of it loads that
  // script's synonym file); others are written in Latin letters
  var PAGE_SCRIPT = { ko: '가', ja: 'あ', zh: '中' };
  var synFiles = {}, synLoaded = {}, synCache = null;
  function queryScripts(q) {
    var has = { l: false, k: false, j: false };
    for (var ch of q) {
      if (!/\p{L}/u.test(ch)) continue;
      if (/\p{Script=Hangul}/u.test(ch)) has.k = true;
      else if (reCJK.test(ch)) has.j = true;
      else has.l = true;
    }
    return SYN_FILES.filter(function (f) { return has[f]; });
  }
  function loadSyn(q) {
    return Promise.all(queryScripts(q).map(function (f) {
      if (synFiles[f]) return synFiles[f];
      synFiles[f] = load('v/' + f).then(function (list) {
        // [concept, its dictionary value, phrase…]
        synLoaded[f] = list.filter(function (e) { return e.length > 2; }).map(function (e) {
          return f === 'l' ? { n: e[0], v: e[1], q: e.slice(2).map(function (p) { return p.split(' '); }), s: [] }
            : { n: e[0], v: e[1], q: [], s: e.slice(2) };
        });
        synCache = null;
      });
      synFiles[f].catch(function () { delete synFiles[f]; });
      return synFiles[f];
    }));
  }
  // synx is search.Reader.syn: the groups of the synonym files loaded so far, indexed, in
  // the order of SYN_FILES.
  function synx() {
    if (!synCache) {
      var groups = [];
      SYN_FILES.forEach(function (f) { if (synLoaded[f]) groups = groups.concat(synLoaded[f]); });
      synCache = synIndex(groups);
    }
    return synCache;
  }
  function choseongIndex(r) { return CHOSEONG.indexOf(r); }
  function isInitials(s) {
    var cps = Array.from(s);
    return cps.length >= 2 && cps.every(function (c) { return choseongIndex(c) >= 0; });
  }
  function typoDistance(n) { return n >= TYPO_MIN2 ? 2 : n >= TYPO_MIN ? 1 : 0; }
  function isTypoWord(t) { return t.length >= TYPO_MIN && /^[a-z]+$/.test(t); }
  // editDistance is the optimal string alignment distance, or max+1 when more than max.
  function editDistance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = new Array(b.length + 1).fill(0), prev = [], cur = new Array(b.length + 1).fill(0);
    for (var j = 0; j <= b.length; j++) prev[j] = j;
    for (var i = 1; i <= a.length; i++) {
      cur[0] = i;
      var low = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur[j] = v;
        if (v < low) low = v;
      }
      if (low > max) return max + 1;
      var t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length];
  }
  // segment splits the syllables rs (an array) into found pieces (search.segment).
  function segment(rs, minPiece, found) {
    var n = rs.length, INF = 1 << 30, st = [];
    st[n] = { miss: 0, pieces: 0, next: 0, take: false };
    for (var i = n - 1; i >= 0; i--) {
      var best = { miss: INF, pieces: 0, next: 0, take: false };
      for (var j = n; j >= i + minPiece; j--) {
        if (!found(rs.slice(i, j).join(''))) continue;
        var s = st[j];
        if (s.miss < best.miss || s.miss === best.miss && s.pieces + 1 < best.pieces) {
          best = { miss: s.miss, pieces: s.pieces + 1, next: j, take: true };
        }
      }
      s = st[i + 1];
      if (s.miss + 1 < best.miss || s.miss + 1 === best.miss && s.pieces < best.pieces) {
        best = { miss: s.miss + 1, pieces: s.pieces, next: i + 1, take: false };
      }
      st[i] = best;
    }
    if (st[0].miss > 1 || st[0].pieces < 2) return null;
    var out = [];
    for (i = 0; i < n; i = st[i].next) if (st[i].take) out.push(rs.slice(i, st[i].next).join(''));
    return out;
  }
  function substrings(rs, minLen, maxLen) {
    var out = [];
    for (var i = 0; i < rs.length; i++) {
      for (var j = i + minLen; j <= Math.min(rs.length, i + maxLen); j++) out.push(rs.slice(i, j).join(''));
    }
    return out;
  }

  function newToken(text, prefix, hangul) { return { text: text, alts: [], prefix: prefix, hangul: hangul, fixed: '' }; }
  function addAlt(t, a) {
    for (var i = 0; i < t.alts.length; i++) if (t.alts[i].term === a.term) return;
    t.alts.push(a);
  }
  function altValue(m, a) { return a.known ? Promise.resolve(a.value) : lookup(m, a.term); }
  function tokenFound(m, t) {
    return Promise.all(t.alts.map(function (a) { return altValue(m, a); })).then(function (vs) {
      return vs.some(function (v) { return v !== ''; });
    });
  }
  var choFiles = {}, typoFiles = {};
  function initialsFile(n) {
    if (!choFiles[n]) {
      choFiles[n] = load('c/' + n);
      choFiles[n].catch(function () { delete choFiles[n]; });
    }
    return choFiles[n];
  }
  function typoFile(m, n) {
    if (!m.typo || n < m.typo[0] || n > m.typo[1]) return Promise.resolve([]);
    if (!typoFiles[n]) {
      typoFiles[n] = load('y/' + n);
      typoFiles[n].catch(function () { delete typoFiles[n]; });
    }
    return typoFiles[n];
  }
  // Loanwords by sound (search.SoundKey, search.HangulSoundKey): the words of a-z that a
  // Hangul word that matches nothing spells, from w/N.js.
  var SOUND_SYMBOLS = 'KTPSNLMG', MIN_SOUND_KEY = 2;
  var SOUND_INITIAL = 'K!NT!LMP!SS-S!SKTP-', SOUND_FINAL = '-K!!N!!!L!!!!!!!MP!T!G!!!!!!';
  function soundKey(w) {
    var b = '';
    var vowel = function (i) { return i < w.length && 'aeiouy'.indexOf(w[i]) >= 0; };
    var soft = function (i) { return i < w.length && 'eiy'.indexOf(w[i]) >= 0; };
    var put = function (c) { if (b[b.length - 1] !== c) b += c; };
    for (var i = 0; i < w.length; i++) {
      var c = w[i], next = i + 1 < w.length ? w[i + 1] : '';
      if (c < 'a' || c > 'z') return '';
      if (c === 's' && next === 'c' && w[i + 2] === 'h') { put('S'); put('K'); i += 2; }
      else if (c === 't' && next === 'c' && w[i + 2] === 'h') { /* "tch" sounds as "ch" */ }
      else if (c === 'n' && i + 1 === w.length && i > 0 && w[i - 1] === 'm') { /* silent */ }
      else if (c === 'p' && next === 'h') { put('P'); i++; }
      else if ((c === 't' || c === 's' || c === 'c') && next === 'h') { put('S'); i++; }
      else if (c === 'c' && next === 'k' || c === 'q' && next === 'u') { put('K'); i++; }
      else if (c === 'n' && next === 'g' && !vowel(i + 2)) { put('G'); i++; }
      else if (c === 't' && next === 'i' && vowel(i + 2)) put('S');
      else if (c === 'x') { put('K'); put('S'); }
      else if (c === 'c' || c === 'g') put(soft(i + 1) && !(c === 'g' && i > 0 && w[i - 1] === 'g') ? 'S' : 'K');
      else if (c === 's' || c === 'z' || c === 'j') put('S');
      else if (c === 'd' || c === 't') put('T');
      else if (c === 'k' || c === 'q') put('K');
      else if (c === 'b' || c === 'p' || c === 'f' || c === 'v') put('P');
      else if (c === 'l') put('L');
      else if (c === 'r') {
        var rest = w.slice(i + 1);
        if (vowel(i + 1) && rest !== 'e' && rest !== 'ed' && rest !== 'es') put('L');
      }
      else if (c === 'm') put('M');
      else if (c === 'n') put('N');
    }
    return b;
  }
  function hangulSoundKey(w) {
    var b = '', n = 0;
    for (var ch of w) {
      var r = ch.codePointAt(0);
      if (r < 0xAC00 || r > 0xD7A3) return '';
      var i = r - 0xAC00, syms = [SOUND_INITIAL[Math.floor(i / 588)], SOUND_FINAL[i % 28]];
      for (var k = 0; k < 2; k++) {
        if (syms[k] === '!') return '';
        if (syms[k] !== '-' && b[b.length - 1] !== syms[k]) b += syms[k];
      }
      n++;
    }
    return n < 2 || b.length < MIN_SOUND_KEY ? '' : b;
  }
  var soundFiles = {};
  function soundFile(n) {
    if (!soundFiles[n]) {
      soundFiles[n] = load('w/' + n);
      soundFiles[n].catch(function () { delete soundFiles[n]; });
    }
    return soundFiles[n];
  }
  function soundAlikes(key) {
    return soundFile(SOUND_SYMBOLS.indexOf(key[0])).then(function (list) {
      return list.filter(function (e) { return e[0] === key; }).slice(0, MAX_TYPO_WORDS).map(function (e) {
        return { term: e[1], value: e[2], known: true, factor: TYPO1 };
      });
    });
  }
  function corrections(m, w) {
    var st = stem(m, w), key = st ? hangulSoundKey(st) : '';
    if (!key) key = hangulSoundKey(w);
    if (key) return soundAlikes(key);
    var k = typoDistance(w.length);
    if (!k || !isTypoWord(w)) return Promise.resolve([]);
    var waits = [];
    for (var n = w.length - k; n <= w.length + k; n++) waits.push(typoFile(m, n));
    return Promise.all(waits).then(function (lists) {
      var cs = [];
      lists.forEach(function (list) {
        list.forEach(function (e) {
          var d = editDistance(w, e[0], k);
          if (d <= k && d > 0) cs.push({ term: e[0], value: e[1], d: d, i: cs.length });
        });
      });
      cs.sort(function (a, b) { return a.d - b.d || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0) || a.i - b.i; });
      return cs.slice(0, MAX_TYPO_WORDS).map(function (c) {
        return { term: c.term, value: c.value, known: true, factor: c.d > 1 ? TYPO2 : TYPO1 };
      });
    });
  }

  // keyCorrections is search.Reader.keyCorrections: the terms a few typos from a code key
  // that start as it does, from its dictionary shard and the shards beside it.
  var KEY_TYPO_PREFIX = 3;
  function keyCorrections(m, key) {
    var k = typoDistance(key.length);
    if (!k || !isTypoWord(key)) return Promise.resolve([]);
    var head = key.slice(0, KEY_TYPO_PREFIX), at = shardOf(m, key);
    var lo = Math.max(at - 1, shardOf(m, head)), hi = Math.min(at + 1, shardOf(m, head + '\uffff'));
    var waits = [];
    for (var i = lo; i <= hi; i++) waits.push(shard(i));
    return Promise.all(waits).then(function (list) {
      var cs = [];
      list.forEach(function (sh) {
        sh.terms.forEach(function (t) {
          if (t.slice(0, head.length) !== head || !isTypoWord(t)) return;
          var d = editDistance(key, t, k);
          if (d <= k && d > 0) cs.push({ term: t, value: sh.map.get(t), d: d });
        });
      });
      cs.sort(function (a, b) { return a.d - b.d || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0); });
      return cs.slice(0, MAX_TYPO_WORDS).map(function (c) {
        return { term: c.term, value: c.value, known: true, factor: c.d > 1 ? TYPO2 : TYPO1 };
      });
    });
  }

  // addSynonyms adds to toks the concepts of the synonym phrases they hold
  // (search.Reader.addSynonyms).
  function addSynonyms(m, toks) {
    // Synonyms; not in a Korean word's particle or ending (inStem).
    var x = synx(), forms = [], formTok = [], text = [], textTok = [], inStem = [];
    toks.forEach(function (t, i) {
      forms.push(t.hangul ? '' : englishStem(t.text) || t.text);
      formTok.push(i);
      var cs = Array.from(compact(t.text)), n = cs.length, st = t.hangul ? stem(m, t.text) : '';
      if (st) n = Array.from(compact(st)).length;
      cs.forEach(function (c, k) {
        text.push(c);
        textTok.push(i);
        inStem.push(k < n);
      });
    });
    seqMatches(x, forms, function (g, from, to) {
      for (var k = from; k < to; k++) addAlt(toks[formTok[k]], { term: x.groups[g].n, value: x.groups[g].v, known: true, factor: SYN });
    });
    // A Korean word whose stem a phrase covers whole, or a word of kana or Han that one
    // covers whole, is that phrase's concept, not those of the shorter phrases inside it:
    // only phrases that cover all of its stem give theirs.
    var ms = [], start = [], whole = [];
    subMatches(x, text, function (g, from, to) { ms.push([g, from, to]); });
    for (var k = textTok.length - 1; k >= 0; k--) start[textTok[k]] = k;
    var stemEnd = function (i) {
      var e = start[i];
      while (e < textTok.length && textTok[e] === i && inStem[e]) e++;
      return e;
    };
    var covers = function (mt, i) { return mt[1] <= start[i] && mt[2] >= stemEnd(i); };
    ms.forEach(function (mt) {
      var i = textTok[mt[1]];
      if (!isLatinPhrase(toks[i].text) && covers(mt, i)) whole[i] = true;
    });
    ms.forEach(function (mt) {
      for (var k = mt[1]; k < mt[2]; k++) {
        var i = textTok[k];
        if (inStem[k] && (!whole[i] || covers(mt, i))) addAlt(toks[i], { term: x.groups[mt[0]].n, value: x.groups[mt[0]].v, known: true, factor: SYN });
      }
    });
  }

  // prefetchSplit asks, alongside the lookups of a Hangul word's substrings that decide how
  // it splits, for what its pieces will need (search.Reader.prefetchSplit): the postings of
  // the substrings that are hot terms or in the spec list, and those of the concepts whose
  // phrases the word holds; and, for a word being typed, the shard its last piece is
  // expanded in when that piece is a hot term (any other's its lookup loads). The pieces
  // are among the substrings, and their concepts among these: one step less for a
  // compound.
  function prefetchSplit(m, rs, prefix) {
    var word = rs.join('');
    substrings(rs, 2, rs.length).forEach(function (c) {
      if (!m.hotMap.has(c)) {
        speculate(m, c);
        return;
      }
      postings(m.hotMap.get(c)).catch(function () { /* the step that needs it reports it */ });
      if (prefix && word.slice(word.length - c.length) === c) shard(shardOf(m, c)).catch(function () { /* the step that needs it reports it */ });
    });
    var x = synx(), seen = {};
    subMatches(x, Array.from(compact(word)), function (g) {
      if (seen[g]) return;
      seen[g] = true;
      postings(x.groups[g].v).catch(function () { /* the step that needs it reports it */ });
    });
  }

  // keptWord is search.keptWord: a query token that expandQuery keeps as it is and that
  // can be one of a pair.
  function keptWord(qt) {
    return !qt.hangul && isLatinPhrase(qt.terms[0]) && !isDigits(qt.terms[0]);
  }

  // unsplit returns the tokens of a query in Hangul (their text, no alternatives yet) when
  // expandQuery keeps every one as it is whatever the lookups find (search.Reader.unsplit),
  // else null.
  function unsplit(m, query) {
    var toks = [];
    for (var i = 0; i < query.tokens.length; i++) {
      var qt = query.tokens[i], text = qt.terms[0], n = Array.from(text).length;
      if (!qt.hangul || !(n < MIN_COMPOUND || n > 10 || isInitials(text) || wholePhrase(m, text))) return null;
      toks.push(newToken(text, qt.prefix, qt.hangul));
    }
    return toks;
  }

  // expandQuery is search.Reader.expandQuery: tokens with their alternatives, before typos.
  // A query that names a code (code) gets no English stems and synonyms.
  async function expandQuery(m, query, code) {
    var toks = query.tokens.map(function (qt) {
      var t = newToken(qt.terms[0], qt.prefix, qt.hangul);
      var terms = code && !qt.hangul ? qt.terms.slice(0, 1) : qt.terms;
      terms.forEach(function (term, j) { addAlt(t, { term: term, factor: j > 0 ? STEM : 1 }); });
      return t;
    });
    var found = await Promise.all(toks.map(function (t) { return tokenFound(m, t); }));
    // Korean compounds.
    var split = [];
    for (var i = 0; i < toks.length; i++) {
      var t = toks[i], rs = Array.from(t.text);
      if (found[i] || !t.hangul || rs.length < MIN_COMPOUND || rs.length > 10 || isInitials(t.text) || wholePhrase(m, t.text)) {
        split.push(t);
        continue;
      }
      var isTerm = {};
      var lookAll = async function (cands) {
        var vals = await Promise.all(cands.map(function (c) {
          return lookup(m, c).then(function (v) {
            if (v) return v;
            var st = stem(m, c);
            return st ? lookup(m, st) : '';
          });
        }));
        cands.forEach(function (c, k) { isTerm[c] = vals[k] !== ''; });
      };
      prefetchSplit(m, rs, t.prefix);
      await lookAll(substrings(rs, 2, rs.length));
      var pieces = segment(rs, 2, function (c) { return isTerm[c]; });
      if (!pieces) {
        // Pieces of one syllable, only when those of two or more find no split.
        await lookAll(substrings(rs, 1, 1));
        pieces = segment(rs, 1, function (c) { return isTerm[c]; });
      }
      if (!pieces) {
        split.push(t);
        continue;
      }
      pieces.forEach(function (p, k) {
        var nt = newToken(p, t.prefix && k === pieces.length - 1, true);
        addAlt(nt, { term: p, factor: 1 });
        var st = stem(m, p);
        if (st) addAlt(nt, { term: st, factor: STEM });
        split.push(nt);
      });
    }
    toks = split;
    // Other scripts: split at the synonyms' phrases.
    found = await Promise.all(toks.map(function (t) { return tokenFound(m, t); }));
    split = [];
    toks.forEach(function (t, i) {
      if (found[i] || t.hangul || isLatinPhrase(t.text)) {
        split.push(t);
        return;
      }
      var rs = Array.from(compact(t.text)), parts = [];
      subMatches(synx(), rs, function (g, from, to) {
        var n = parts.length;
        if (n > 0 && from < parts[n - 1][2]) {
          if (to - from > parts[n - 1][2] - parts[n - 1][1] && from === parts[n - 1][1]) parts[n - 1] = [g, from, to];
          return;
        }
        parts.push([g, from, to]);
      });
      if (parts.length < 2) {
        split.push(t);
        return;
      }
      parts.forEach(function (p, k) {
        var text = rs.slice(p[1], p[2]).join('');
        var nt = newToken(text, t.prefix && k === parts.length - 1, false);
        addAlt(nt, { term: text, factor: 1 });
        split.push(nt);
      });
    });
    toks = split;
    if (code) return toks;
    addSynonyms(m, toks);
    // Initial consonants.
    for (i = 0; i < toks.length; i++) {
      t = toks[i];
      if (!isInitials(t.text)) continue;
      var list = await initialsFile(choseongIndex(String.fromCodePoint(t.text.codePointAt(0))));
      var found = list.filter(function (e) { return e[0] === t.text; }).slice(0, MAX_INITIALS_WORDS);
      var f = INITIALS;
      if (!found.length) {
        // No word has just these initials: those whose initials start with them.
        f = INITIALS * PREFIX;
        found = list.filter(function (e) { return e[0].slice(0, t.text.length) === t.text; }).slice(0, MAX_INITIALS_WORDS);
      }
      found.forEach(function (e) { addAlt(t, { term: e[1], value: e[2], known: true, factor: f }); });
    }
    return toks;
  }

  // tokenLists returns, for each alternative of t (and its prefix matches), [sets, factor].
  function tokenLists(m, t) {
    var lists = t.alts.map(function (a) {
      return altValue(m, a).then(postings).then(function (sets) { return [[sets, a.factor]]; });
    });
    if (t.prefix && prefixable(t.text) && !isInitials(t.text)) {
      // A word still being typed also matches the frequent words it begins; a word that
      // is one already only adds the rare ones, which cost nothing to load.
      lists.push(altValue(m, t.alts[0]).then(function (post) {
        return post ? expand(m, t.text, 1, 0) : expand(m, t.text, MAX_PREFIX_SHARDS, MAX_PREFIX_FILES);
      }).then(function (posts) {
        return Promise.all(posts.map(postings)).then(function (all) {
          return all.map(function (sets) { return [sets, PREFIX]; });
        });
      }));
    }
    return Promise.all(lists).then(function (groups) { return [].concat.apply([], groups); });
  }

  // tokenMatches resolves whether t matches any document: whether tokenLists would give
  // it some, known from dictionary values alone (a term of the index is in at least one
  // document), without loading postings.
  function tokenMatches(m, t) {
    return Promise.all(t.alts.map(function (a) { return altValue(m, a); })).then(function (vs) {
      if (vs.some(function (v) { return v !== ''; })) return true;
      if (!(t.prefix && prefixable(t.text) && !isInitials(t.text))) return false;
      return expand(m, t.text, MAX_PREFIX_SHARDS, MAX_PREFIX_FILES).then(function (posts) { return posts.length > 0; });
    });
  }

  function empty(pairs) {
    return pairs.every(function (p) { return p[0].every(function (ids) { return ids.length === 0; }); });
  }

  async function search(q, opts) {
    opts = opts || {};
    var limit = opts.limit > 0 ? opts.limit : 10;
    q = String(q || '').normalize('NFC');
    // the synonym phrases of the query's scripts load alongside the manifest and the
    // first lookups; expandQuery waits for them
    var synWait = loadSyn(q);
    synWait.catch(function () {}); // handled where it is awaited
    var m = await ready();
    var query = parseQuery(m, q);
    var n = m.n;
    // The concepts of a query in Hangul whose words expandQuery keeps as they are
    // (unsplit) are known as soon as the synonym files are there: their postings load
    // then, alongside the first lookups, rather than after them, even though a query that
    // names a code will not use them (search.Reader loads them too). A query typed into
    // the search box finds the synonym file of its page's language loaded already (warm).
    synWait.then(function () {
      var toks = unsplit(m, query);
      if (!toks) return;
      addSynonyms(m, toks);
      toks.forEach(function (t) {
        t.alts.forEach(function (a) { postings(a.value).catch(function () { /* the step that needs it reports it */ }); });
      });
    }).catch(function () { /* awaited below */ });
    // Start now, side by side, the fetches this query needs whatever path it takes, rather
    // than one after another as the steps below reach them: each token's word (every form
    // of a Korean word) is looked up whether or not the query names a code, and a word
    // that is found has its postings scored; the filter's documents; the words that
    // initial consonants stand for. The steps below
    // find them loaded or loading (files are cached by name), so a query loads the same
    // files as search.Reader, in fewer round trips.
    // A word's postings file, when the manifest's spec list gives it one, is asked for
    // with its shard; and so are the pairs of neighbouring words that expandQuery keeps as
    // they are (search.Reader's earlyTerms), whose lookups would otherwise wait for it;
    // and the shard a last word being typed is expanded in.
    var early = [];
    query.tokens.forEach(function (qt) {
      (qt.hangul ? qt.terms : qt.terms.slice(0, 1)).forEach(function (t) { early.push(t); });
    });
    for (var ei = 1; ei < query.tokens.length; ei++) {
      var ea = query.tokens[ei - 1], eb = query.tokens[ei];
      if (keptWord(ea) && keptWord(eb)) early.push(ea.terms[0] + eb.terms[0]);
    }
    early.forEach(function (t) {
      speculate(m, t);
      lookup(m, t).then(postings).catch(function () { /* the step that needs it reports it */ });
    });
    var lastTok = query.tokens[query.tokens.length - 1];
    if (lastTok && keptWord(lastTok) && lastTok.prefix && prefixable(lastTok.terms[0])) {
      shard(shardOf(m, lastTok.terms[0])).catch(function () { /* the step that needs it reports it */ });
    }
    keep(m, opts).catch(function () { /* reported below */ });
    query.tokens.forEach(function (qt) {
      if (isInitials(qt.terms[0])) initialsFile(choseongIndex(String.fromCodePoint(qt.terms[0].codePointAt(0)))).catch(function () {});
    });
    // The code key's own hits. Whether the key is some entry's code key is in its
    // dictionary value; the documents themselves are awaited only before scoring.
    var bonus = new Map(), exactHit = false, keyExact = null;
    if (query.key) {
      var key = await Promise.all([
        lookup(m, query.key),
        isDigits(query.key) ? [] : expand(m, query.key, 1, 0).then(function (posts) { return Promise.all(posts.map(postings)); })
      ]);
      key[1].forEach(function (sets) { sets[3].forEach(function (d) { bonus.set(d, CODE_PREFIX); }); });
      exactHit = hasExact(key[0]);
      keyExact = exactDocs(key[0]);
      keyExact.catch(function () { /* awaited below */ });
    }
    await synWait;
    var toks = await expandQuery(m, query, exactHit);
    // Neighbouring tokens written together: their lookups go alongside the tokens' own.
    var pairWork = [];
    for (var pi = 1; pi < toks.length; pi++) {
      var pa = toks[pi - 1].text, pb = toks[pi].text;
      if (isDigits(pa) || isDigits(pb)) continue;
      pairWork.push(lookup(m, pa + pb).then(postings));
    }
    var pairsWait = Promise.all(pairWork);
    pairsWait.catch(function () { /* awaited below */ });
    var listsWait = Promise.all(toks.map(function (t) { return tokenLists(m, t); }));
    listsWait.catch(function () { /* awaited below */ });
    // Typos: only a token that matched nothing, and only when the query names no code.
    // Whether a token matched anything its dictionary values say, before its postings
    // load: its corrections load alongside them.
    var altsWait = exactHit ? null : Promise.all(toks.map(function (t) {
      return tokenMatches(m, t).then(function (any) { return any ? [] : corrections(m, t.text); });
    }));
    if (altsWait) altsWait.catch(function () { /* awaited below */ });
    var perToken = await listsWait;
    var corrected = '', keyFixed = new Set();
    if (!exactHit) {
      // The corrections of every token that matched nothing, side by side; then, side
      // by side, the postings of the corrected tokens and the corrected key (the same
      // files as search.Reader's one after another).
      var fixedAny = false;
      var allAlts = await altsWait;
      var relists = [];
      toks.forEach(function (t, i) {
        if (!allAlts[i].length) return;
        allAlts[i].forEach(function (a) { addAlt(t, a); });
        t.fixed = allAlts[i][0].term;
        fixedAny = true;
        relists.push(tokenLists(m, t).then(function (l) { perToken[i] = l; }));
      });
      if (fixedAny) {
        var words = toks.map(function (t) { return t.fixed || t.text; });
        corrected = words.join(' ');
        var fixedKey = lookup(m, words.join('')).then(exactDocs);
        fixedKey.catch(function () { /* awaited below */ });
      }
      await Promise.all(relists);
      if (fixedAny) {
        (await fixedKey).forEach(function (d) { if (!(bonus.get(d) >= CODE_PREFIX)) bonus.set(d, CODE_PREFIX); });
      }
      // A typo in a short part of a code name: the query's key corrected as one word.
      if (perToken.some(empty) && toks.length > 1) {
        var kalts = await keyCorrections(m, query.key);
        kalts = kalts.filter(function (a) { return a.factor === kalts[0].factor; }); // the nearest
        var kexacts = await Promise.all(kalts.map(function (a) { return exactDocs(a.value); }));
        for (var ki = 0; ki < kalts.length; ki++) {
          var kexact = kexacts[ki];
          for (var kj = 0; kj < kexact.length; kj++) {
            var kd = kexact[kj];
            if (!(bonus.get(kd) >= CODE_PREFIX)) bonus.set(kd, CODE_PREFIX);
            keyFixed.add(kd);
            if (!corrected) corrected = kalts[ki].term;
          }
        }
      }
    }
    if (keyExact) (await keyExact).forEach(function (d) { bonus.set(d, EXACT); });
    var all = await Promise.all([keep(m, opts), pairsWait]);
    var ok = all[0], pairs = all[1];
    var w = workspace(n);
    var nc = sumTokens(w, perToken);
    var cand = w.cand, acc = w.acc, cnt = w.cnt, slot = w.slot;
    var pairBonus = new Map();
    pairs.forEach(function (sets) {
      for (var c = 0; c < NCLASS; c++) {
        var wt = PAIR * WEIGHT[c] * sets.idf;
        sets[c].forEach(function (d) { if (!(pairBonus.get(d) >= wt)) pairBonus.set(d, wt); });
      }
    });
    var want = toks.length, maxCnt = 0, partial = false;
    for (var ci = 0; ci < nc; ci++) if (cnt[ci] > maxCnt) maxCnt = cnt[ci];
    if (want > 0 && maxCnt < want && maxCnt > 0) {
      want = maxCnt;
      partial = true;
    }
    // The hits: slots of w.cand in w.hits, their scores in w.sc, w.hit[slot] the place of
    // a slot among them (valid when w.hits points back). A score is the sum, then the pair
    // bonus, then the code bonus added (in that order, as search.Reader adds them); the
    // Maps are walked once each, not asked once per document.
    var hits = w.hits, hit = w.hit, sc = w.sc, nh = 0;
    if (want > 0) {
      for (ci = 0; ci < nc; ci++) {
        if (cnt[ci] === want && (!ok || ok[cand[ci]])) {
          hit[ci] = nh;
          hits[nh] = ci;
          sc[nh++] = acc[ci];
        }
      }
    }
    var slotOf = function (d) {
      var s = slot[d];
      return s < nc && cand[s] === d ? s : -1;
    };
    var hitOf = function (s) {
      var h = s < 0 ? -1 : hit[s];
      return h >= 0 && h < nh && hits[h] === s ? h : -1;
    };
    // An exact code hit, or a corrected code key's, is a hit whatever its words matched:
    // a document no token matched gets a slot of its own, its sum 0.
    bonus.forEach(function (b, d) {
      if (!(b === EXACT || keyFixed.has(d)) || ok && !ok[d]) return;
      var s = slotOf(d);
      if (s < 0) {
        s = nc++;
        slot[d] = s;
        cand[s] = d;
        acc[s] = 0;
        cnt[s] = 0;
      }
      if (hitOf(s) >= 0) return;
      hit[s] = nh;
      hits[nh] = s;
      sc[nh++] = acc[s];
    });
    pairBonus.forEach(function (b, d) {
      var h = hitOf(slotOf(d));
      if (h >= 0) sc[h] += b;
    });
    bonus.forEach(function (b, d) {
      var h = hitOf(slotOf(d));
      if (h >= 0) sc[h] += b;
    });
    var total = nh;
    var topH = topK(w, nh, Math.max(limit, PROXIMITY_DOCS));
    // The workspace belongs to the next query once this function returns: keep the
    // documents and scores of the results now.
    var top = topH.map(function (h) { return cand[hits[h]]; });
    var scores = topH.map(function (h) { return sc[h]; });
    var res = await Promise.all(top.map(function (d, i) {
      return docRecord(m, d).then(function (r) {
        r.score = scores[i];
        if (r.code === q.trim()) r.score += VERBATIM;
        if (i < PROXIMITY_DOCS) r.score += proximity(m, toks, perToken, d, r);
        return r;
      });
    }));
    // Equal scores: the code of fewer words first (as search.Reader); each code is split
    // once, not at every comparison (the tokenizer is slow on a cold page).
    var nUnits = new Map();
    var codeUnits = function (r) {
      if (!nUnits.has(r)) nUnits.set(r, units(m, r.code).length);
      return nUnits.get(r);
    };
    res = stableSort(res, function (a, b) {
      return b.score - a.score || codeUnits(a) - codeUnits(b);
    }).slice(0, limit);
    res.total = total;
    res.partial = partial;
    res.query = query;
    res.tokens = toks;
    res.corrected = corrected;
    // A number that is no code and starts none: the codes that share most of its start.
    var qt = q.trim();
    if (!total && isDigits(query.key) && query.key.length > MIN_PREFIX && query.key === (qt[0] === '-' ? qt.slice(1) : qt)) {
      for (var l = query.key.length - 1; l >= MIN_PREFIX; l--) {
        var near = await search(query.key.slice(0, l), opts);
        if (near.total) {
          near.corrected = query.key.slice(0, l);
          return near;
        }
      }
    }
    return res;
  }

  // proximity is search.proximity: the bonus of document d (record r) for neighbouring
  // tokens of the query found next to each other in its code, title or snippet.
  var PROXIMITY_DOCS = 10;
  function proximity(m, toks, perToken, d, r) {
    if (toks.length < 2) return 0;
    var seqs = [r.code, r.title, r.snippet].map(function (text) { return units(m, text || ''); });
    var bonus = 0;
    for (var i = 1; i < toks.length; i++) {
      var a = tokenScore(perToken[i - 1], d), b = tokenScore(perToken[i], d);
      if (a === 0 || b === 0) continue;
      var found = false;
      seqs.forEach(function (us) {
        for (var k = 1; k < us.length && !found; k++) {
          found = matchesUnit(toks[i - 1], us[k - 1]) && matchesUnit(toks[i], us[k]);
        }
      });
      if (found) bonus += PAIR * Math.min(a, b);
    }
    return bonus;
  }
  function units(m, text) {
    var out = [];
    words(m, text).forEach(function (w) {
      w.parts.forEach(function (p, i) { out.push({ part: p, stem: w.stems[i], hangulStem: w.stem }); });
    });
    return out;
  }
  function matchesUnit(t, u) {
    for (var i = 0; i < t.alts.length; i++) {
      var a = t.alts[i].term;
      if (a === u.part || u.stem && a === u.stem || u.hangulStem && a === u.hangulStem) return true;
    }
    return t.prefix && prefixable(t.text) && !isInitials(t.text) && u.part.slice(0, t.text.length) === t.text;
  }
  // tokenScore is a token's best score in document d: what the scoring loop summed for it.
  function tokenScore(group, d) {
    var best = 0;
    group.forEach(function (pair) {
      var sets = pair[0], factor = pair[1];
      for (var c = 0; c < NCLASS; c++) {
        if (!hasDoc(sets[c], d)) continue;
        var wt = WEIGHT[c] * factor * sets.idf;
        if (wt > best) best = wt;
      }
    });
    return best;
  }
  // hasDoc reports whether the ascending ids hold d.
  function hasDoc(ids, d) {
    var lo = 0, hi = ids.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (ids[mid] < d) lo = mid + 1;
      else hi = mid;
    }
    return lo < ids.length && ids[lo] === d;
  }

  // Scratch space for scoring, kept between queries and never cleared: a sparse set of the
  // documents a query matched. Document d has slot s = slot[d] when s < nc and cand[s] ===
  // d (whatever slot[d] held before); a slot's sum is in acc, how many tokens matched it in
  // cnt, the last token that added to it in tok. Only slot is one entry per document of the
  // index; the others fill from the start, as far as the query's matches go. Nothing is
  // written before a query needs it: on a cold page every fresh page of memory costs a page
  // fault (~15 µs on a busy VM), and writing all of several arrays of every document took
  // 20-35 ms there.
  var ws = null;
  function workspace(n) {
    if (!ws || ws.n !== n) {
      ws = { n: n, slot: new Int32Array(n), cand: new Int32Array(n), acc: new Float64Array(n), cnt: new Uint16Array(n),
        tok: new Int32Array(n), hit: new Int32Array(n), hits: new Int32Array(n), sc: new Float64Array(n) };
    }
    return ws;
  }

  // sumTokens adds up, for every document a token matches, the token's best score in it
  // (over its alternatives and classes) and returns how many slots the matched documents
  // took. A token's lists are walked by weight, highest first, so that the first list to
  // hold a document gives the token's best score in it and the others skip it (a score is
  // the same sum, in the same order of tokens, as search.Reader's). Plain loops over typed
  // arrays in local variables: on a cold page this code runs before the engine has
  // compiled it, where every closure call and property load counts.
  function sumTokens(w, perToken) {
    var slot = w.slot, cand = w.cand, acc = w.acc, cnt = w.cnt, tok = w.tok, nc = 0;
    for (var ti = 0; ti < perToken.length; ti++) {
      var group = perToken[ti], lists = [], wts = [];
      for (var gi = 0; gi < group.length; gi++) {
        var sets = group[gi][0], factor = group[gi][1];
        for (var c = 0; c < NCLASS; c++) {
          if (!sets[c].length) continue;
          var wt = WEIGHT[c] * factor * sets.idf;
          var j = lists.length; // insertion, stable: equal weights keep their order
          while (j > 0 && wts[j - 1] < wt) {
            lists[j] = lists[j - 1];
            wts[j] = wts[j - 1];
            j--;
          }
          lists[j] = sets[c];
          wts[j] = wt;
        }
      }
      for (var li = 0; li < lists.length; li++) {
        var ids = lists[li];
        wt = wts[li];
        for (var i = 0; i < ids.length; i++) {
          var d = ids[i], s = slot[d];
          if (s < nc && cand[s] === d) {
            if (tok[s] !== ti) {
              tok[s] = ti;
              acc[s] += wt;
              cnt[s]++;
            }
          } else {
            slot[d] = nc;
            cand[nc] = d;
            acc[nc] = wt;
            cnt[nc] = 1;
            tok[nc++] = ti;
          }
        }
      }
    }
    return nc;
  }

  // topK returns, as an array, the places among the first n hits of w.hits of the k best
  // by their score w.sc, ties by the lower document (as search.Reader sorts).
  function topK(w, n, k) {
    var sc = w.sc, hits = w.hits, cand = w.cand;
    var before = function (a, b) { return sc[a] > sc[b] || sc[a] === sc[b] && cand[hits[a]] < cand[hits[b]]; };
    var top = [];
    if (n <= k * 8) {
      for (var i = 0; i < n; i++) top.push(i);
      return top.sort(function (a, b) { return before(a, b) ? -1 : before(b, a) ? 1 : 0; }).slice(0, k);
    }
    for (i = 0; i < n; i++) {
      if (top.length === k) { // most hits are no better than the k-th: no call for them
        var last = top[k - 1];
        if (sc[i] < sc[last] || sc[i] === sc[last] && cand[hits[i]] > cand[hits[last]]) continue;
      }
      var j = top.length < k ? top.length : k - 1;
      top[j] = i;
      while (j > 0 && before(i, top[j - 1])) {
        top[j] = top[j - 1];
        top[j - 1] = i;
        j--;
      }
    }
    return top;
  }

  function stableSort(arr, cmp) {
    return arr.map(function (v, i) { return [v, i]; })
      .sort(function (a, b) { return cmp(a[0], b[0]) || a[1] - b[1]; })
      .map(function (p) { return p[0]; });
  }

  window.docgen = {
    search: search,
    parseQuery: function (q) { return ready().then(function (m) { return parseQuery(m, String(q).normalize('NFC')); }); },
    words: function (text) { return ready().then(function (m) { return words(m, text); }); },
    // stem is the client's English stemmer, for the tests (search.EnglishStem).
    stem: porter2,
    // soundKey is the client's sound key of a loanword, for the tests (search.SoundKey,
    // search.HangulSoundKey for Hangul).
    // specHash is the hash of a term in the manifest's spec list, for the tests
    // (search.SpecHash).
    specHash: specHash,
    soundKey: function (w) { return /\p{Script=Hangul}/u.test(w) ? hangulSoundKey(w) : soundKey(w); },
    // href returns the link from this page to a site-relative URL: it works from disk too.
    href: function (url) { return root + url + (url === '' || url.slice(-1) === '/' ? 'index.html' : ''); }
  };

  // ---- the page ----
  function init() {
    var input = doc.getElementById('q');
    var panel = doc.getElementById('q-panel');
    if (input && panel) initSearch(input, panel);
    initCopy(panel);
    initClassFilter();
  }

  function initSearch(input, panel) {
    var form = doc.getElementById('q-form');
    var list = doc.getElementById('q-results');
    var status = doc.getElementById('q-status');
    var svcSel = doc.getElementById('q-service');
    var clsSel = doc.getElementById('q-class');
    var more = doc.getElementById('q-more');
    var limit = 10;
    var seq = 0;
    var timer = 0;
    var servicesFilled = false;

    function fillServices() {
      if (servicesFilled) return Promise.resolve();
      servicesFilled = true;
      return serviceTitles().then(function (titles) {
        Object.keys(titles).forEach(function (id) {
          var o = doc.createElement('option');
          o.value = id;
          o.textContent = titles[id];
          svcSel.appendChild(o);
        });
      }).catch(function () { servicesFilled = false; });
    }

    function setURL(q) {
      try {
        var u = new URL(location.href);
        if (q) u.searchParams.set('q', q); else u.searchParams.delete('q');
        ['service', 'status'].forEach(function (k) { u.searchParams.delete(k); });
        if (q && svcSel.value) u.searchParams.set('service', svcSel.value);
        if (q && clsSel.value) u.searchParams.set('status', clsSel.value);
        history.replaceState(null, '', u.href);
      } catch (e) { /* some browsers refuse this for file:// pages */ }
    }

    function run() {
      var q = input.value.trim();
      var my = ++seq;
      setURL(q);
      if (!q) {
        panel.hidden = true;
        list.textContent = '';
        status.textContent = '';
        return Promise.resolve();
      }
      panel.hidden = false;
      return Promise.all([
        search(q, { service: svcSel.value, status: clsSel.value, limit: limit }),
        serviceTitles().catch(function () { return {}; }),
        ready()
      ]).then(function (all) {
        if (my !== seq) return;
        render(all[0], all[1], all[2]);
        list.setAttribute('data-for', q); // which query the results are of (for the tests)
      }, function (err) {
        if (my !== seq) return;
        status.textContent = String(err && err.message || err);
      });
    }

    function render(res, titles, m) {
      list.textContent = '';
      // The words to mark: every alternative a token matched through (its stems, the
      // words its initials or typos stand for), not the synonyms' concept terms.
      var terms = [];
      res.tokens.forEach(function (t) {
        t.alts.forEach(function (a) { if (a.term[0] !== '=') terms.push([a.term, t.prefix]); });
      });
      res.forEach(function (r) {
        var li = doc.createElement('li');
        var a = doc.createElement('a');
        a.className = 'result';
        a.href = window.docgen.href(r.url);
        var head = el('span', 'r-head');
        head.appendChild(isolated(highlight(m, el('code', 'r-code'), r.code, terms), r.code));
        var cls = r.status ? 's' + String(r.status)[0] + 'xx' : 'snone';
        head.appendChild(el('span', 'badge ' + cls, r.status ? String(r.status) : panel.getAttribute('data-w-nostatus')));
        head.appendChild(el('span', 'r-svc', titles[r.service] || r.service));
        a.appendChild(head);
        var title = highlight(m, el('span', 'r-title'), r.title, terms);
        if (r.lang) title.lang = r.lang;
        a.appendChild(isolated(title, r.title));
        if (r.snippet) {
          var snippet = highlight(m, el('span', 'r-snippet'), r.snippet, terms);
          if (r.lang) snippet.lang = r.lang;
          a.appendChild(isolated(snippet, r.snippet));
        }
        li.appendChild(a);
        list.appendChild(li);
      });
      var msg;
      if (!res.length) msg = panel.getAttribute('data-w-none');
      else msg = panel.getAttribute('data-w-count').replace('%d', res.total);
      if (res.partial && res.length) msg = panel.getAttribute('data-w-partial') + ' · ' + msg;
      if (res.corrected && res.length) msg = panel.getAttribute('data-w-didyoumean').replace('%s', '“' + res.corrected + '”') + ' · ' + msg;
      status.textContent = msg;
      more.hidden = res.total <= res.length;
    }

    // isolated puts e in a <bdi> when text holds a bidirectional control character (as the
    // pages do, render/site's htmlWriter.isolated), so that an override cannot reorder
    // the rest of the result.
    var BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
    function isolated(e, text) {
      if (!BIDI.test(text || '')) return e;
      var b = doc.createElement('bdi');
      b.appendChild(e);
      return b;
    }

    function el(tag, cls, text) {
      var e = doc.createElement(tag);
      e.className = cls;
      if (text !== undefined) e.textContent = text;
      return e;
    }

    // highlight fills e with text, marking the words that match a query term.
    // A word matched by a prefix is marked as far as the prefix goes when it is one part
    // written in lower and upper case of the same length ("4091" in 409100000).
    function highlight(m, e, text, terms) {
      var at = 0;
      words(m, text).forEach(function (w) {
        var forms = w.parts.concat(w.stems.filter(Boolean), w.whole ? [w.whole] : [], w.stem ? [w.stem] : []);
        var end = 0;
        terms.forEach(function (t) {
          // A number also marks the codes it begins, as it finds them.
          var prefix = t[1] || isDigits(t[0]) && t[0].length >= 3;
          forms.forEach(function (f) {
            if (f === t[0]) {
              end = w.end;
            } else if (prefix && f.slice(0, t[0].length) === t[0]) {
              var whole = w.parts.length === 1 && !w.whole && f === w.parts[0] && f.length === w.end - w.start;
              end = Math.max(end, whole ? w.start + t[0].length : w.end);
            }
          });
        });
        if (!end) return;
        e.appendChild(doc.createTextNode(text.slice(at, w.start)));
        e.appendChild(el('mark', '', text.slice(w.start, end)));
        at = end;
      });
      e.appendChild(doc.createTextNode(text.slice(at)));
      return e;
    }

    function schedule() {
      limit = 10;
      clearTimeout(timer);
      timer = setTimeout(run, 50);
    }

    function results() { return Array.prototype.slice.call(list.querySelectorAll('a.result')); }

    input.addEventListener('input', schedule);
    // Focus comes before typing, and a pointer over the box before focus: load the
    // manifest and the service names then, so that the first query starts with them.
    function warm() {
      ready().then(function (m) {
        // and, once, what a first query would otherwise do between its fetches: the
        // scoring's scratch space, and the tokenizer's first run (its regular
        // expressions compiled, its functions seen by the engine)
        if (!warmed) {
          words(m, 'InvalidToken TOKEN_EXPIRED expires 토큰이 만료되었습니다 4001 トークン');
          // and the scratch space's memory faulted in now, while the user types, not
          // page by page during the first scoring (a query without focus skips this:
          // there it would only delay the first files, see workspace)
          var w = workspace(m.n);
          [w.slot, w.cand, w.acc, w.cnt, w.tok, w.hit, w.hits, w.sc].forEach(function (a) { a.fill(0); });
        }
        warmed = true;
      }).catch(function () { /* reported when a search fails */ });
      // and the synonym phrases of the page's language, which a query in it needs before
      // it can load its concepts' postings
      loadSyn(PAGE_SCRIPT[pageLang.split('-')[0]] || 'a').catch(function () { /* reported when a search fails */ });
      fillServices();
    }
    var warmed = false;
    input.addEventListener('focus', warm);
    input.addEventListener('pointerenter', warm);
    svcSel.addEventListener('change', function () { limit = 10; run(); });
    clsSel.addEventListener('change', function () { limit = 10; run(); });
    more.addEventListener('click', function () {
      limit += 10;
      var n = results().length;
      run().then(function () {
        var r = results()[n];
        if (r) r.focus();
      });
    });
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      clearTimeout(timer);
      run().then(function () {
        var first = results()[0];
        if (first) location.href = first.href;
      });
    });
    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'ArrowDown') {
        var first = results()[0];
        if (first) {
          ev.preventDefault();
          first.focus();
        }
      } else if (ev.key === 'Escape') {
        ev.preventDefault();
        input.value = '';
        run();
      }
    });
    list.addEventListener('keydown', function (ev) {
      var rs = results();
      var i = rs.indexOf(doc.activeElement);
      if (i < 0) return;
      if (ev.key === 'ArrowDown') {
        ev.preventDefault();
        if (i + 1 < rs.length) rs[i + 1].focus();
        else if (!more.hidden) more.focus();
      } else if (ev.key === 'ArrowUp') {
        ev.preventDefault();
        if (i > 0) rs[i - 1].focus(); else input.focus();
      } else if (ev.key === 'Escape') {
        ev.preventDefault();
        input.focus();
        input.value = '';
        run();
      }
    });
    doc.addEventListener('keydown', function (ev) {
      if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      var t = ev.target;
      var tag = t && t.tagName;
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || t && t.isContentEditable) return;
      ev.preventDefault();
      input.focus();
      input.select();
    });

    var params = new URLSearchParams(location.search);
    var q = params.get('q');
    if (q) {
      input.value = q;
      fillServices().then(function () {
        if (params.get('service')) svcSel.value = params.get('service');
        if (params.get('status')) clsSel.value = params.get('status');
        run();
      });
    }
  }

  function initCopy(panel) {
    var copied = panel && panel.getAttribute('data-w-copied') || 'Copied';
    // data-copy: a link (site-relative, made absolute); data-copy-text: the text itself;
    // data-copy-el: the text of the element with that id (an example).
    Array.prototype.forEach.call(doc.querySelectorAll('button.copy'), function (b) {
      b.hidden = false;
      var label = b.textContent;
      b.addEventListener('click', function () {
        var u;
        if (b.hasAttribute('data-copy-text')) {
          u = b.getAttribute('data-copy-text');
        } else if (b.hasAttribute('data-copy-el')) {
          u = (doc.getElementById(b.getAttribute('data-copy-el')) || {}).textContent || '';
        } else {
          u = b.getAttribute('data-copy') || '';
          if (!/^[a-z]+:/i.test(u)) {
            u = new URL(root + u, location.href).href;
            if (location.protocol === 'file:' && u.slice(-1) === '/') u += 'index.html';
          }
        }
        var done = function () {
          b.textContent = copied;
          setTimeout(function () { b.textContent = label; }, 2000);
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(u).then(done, function () { fallbackCopy(u); done(); });
        } else {
          fallbackCopy(u);
          done();
        }
      });
    });
  }

  function fallbackCopy(text) {
    var t = doc.createElement('textarea');
    t.value = text;
    t.setAttribute('readonly', '');
    t.className = 'visually-hidden';
    doc.body.appendChild(t);
    t.select();
    try { doc.execCommand('copy'); } catch (e) { /* nothing more to try */ }
    t.remove();
  }

  function initClassFilter() {
    var box = doc.querySelector('.class-filter');
    if (!box) return;
    box.hidden = false;
    var buttons = Array.prototype.slice.call(box.querySelectorAll('button[data-class]'));
    buttons.forEach(function (b) {
      b.addEventListener('click', function () {
        var cls = b.getAttribute('data-class');
        buttons.forEach(function (o) { o.setAttribute('aria-pressed', String(o === b)); });
        Array.prototype.forEach.call(doc.querySelectorAll('.status-group'), function (g) {
          g.hidden = !!cls && g.getAttribute('data-class') !== cls;
        });
      });
    });
  }

  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', init);
  else init();
})();
