/* Search over an offline edition: the index (search-index.js, window.offlineSearchIndex) lists
   each page's address, title, summary and folded text; a page matches when it holds every word
   of the query (accents and case ignored), ranked by hits in its title, then in its text. */
(function () {
  "use strict";
  var index = window.offlineSearchIndex || [];
  var input = document.getElementById("offline-search-q");
  var status = document.getElementById("offline-search-status");
  var list = document.getElementById("offline-search-results");
  if (!input || !status || !list) {
    return;
  }
  var counts = JSON.parse(status.getAttribute("data-counts") || "{}");

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/\s+/g, " ").trim();
  }

  function occurrences(text, word) {
    var count = 0;
    var at = text.indexOf(word);
    while (at !== -1 && count < 20) {
      count += 1;
      at = text.indexOf(word, at + word.length);
    }
    return count;
  }

  function search(query) {
    var words = fold(query).split(" ").filter(Boolean);
    list.textContent = "";
    if (!words.length) {
      status.textContent = "";
      return;
    }
    var hits = [];
    index.forEach(function (entry) {
      var score = 0;
      for (var i = 0; i < words.length; i += 1) {
        var found = occurrences(entry.f, words[i]);
        if (!found) {
          return;
        }
        score += found + 20 * occurrences(entry.ft, words[i]);
      }
      hits.push({ entry: entry, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    status.textContent = hits.length ? counts[String(hits.length)] : status.getAttribute("data-none");
    hits.forEach(function (hit) {
      var item = document.createElement("li");
      item.className = "result";
      if (hit.entry.l) {
        item.lang = hit.entry.l;
      }
      var title = document.createElement("h2");
      var link = document.createElement("a");
      link.href = hit.entry.u;
      link.textContent = hit.entry.t;
      title.appendChild(link);
      item.appendChild(title);
      if (hit.entry.s) {
        var snippet = document.createElement("p");
        snippet.className = "snippet";
        highlight(snippet, hit.entry.s, words);
        item.appendChild(snippet);
      }
      list.appendChild(item);
    });
  }

  // The query's words marked in ``text`` (compared folded, shown as written).
  function highlight(element, text, words) {
    var folded = "";
    var origin = [];
    for (var i = 0; i < text.length; i += 1) {
      var part = fold(text[i]) || (/\s/.test(text[i]) ? " " : "");
      for (var j = 0; j < part.length; j += 1) {
        folded += part[j];
        origin.push(i);
      }
    }
    var marked = new Array(text.length + 1).fill(false);
    words.forEach(function (word) {
      for (var at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + 1)) {
        for (var k = origin[at]; k <= origin[at + word.length - 1]; k += 1) {
          marked[k] = true;
        }
      }
    });
    var start = 0;
    for (var end = 1; end <= text.length; end += 1) {
      if (end === text.length || marked[end] !== marked[start]) {
        var piece = text.slice(start, end);
        if (marked[start]) {
          var mark = document.createElement("mark");
          mark.textContent = piece;
          element.appendChild(mark);
        } else {
          element.appendChild(document.createTextNode(piece));
        }
        start = end;
      }
    }
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  search(query);
})();
