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
      var title = document.createElement("h2");
      var link = document.createElement("a");
      link.href = hit.entry.u;
      link.textContent = hit.entry.t;
      if (hit.entry.l) {
        link.lang = hit.entry.l;
      }
      title.appendChild(link);
      item.appendChild(title);
      if (hit.entry.s) {
        var summary = document.createElement("p");
        summary.textContent = hit.entry.s;
        if (hit.entry.l) {
          summary.lang = hit.entry.l;
        }
        item.appendChild(summary);
      }
      list.appendChild(item);
    });
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  search(query);
})();
