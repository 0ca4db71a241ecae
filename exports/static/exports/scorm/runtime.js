/*
 * The runtime of a SCO of our SCORM 1.2 packages (exports/scorm.py). No dependency, no network.
 *
 * - Finds the LMS's API object (window, its parents, then the opener's chain), calls
 *   LMSInitialize, and works on without it (a notice says nothing is recorded).
 * - Shows one section of the page at a time (the module, a country unit, the evaluation);
 *   records the section shown in cmi.core.lesson_location and what was visited and scored in
 *   cmi.core.suspend_data, and resumes there.
 * - Scores the evaluation as the site does (all or nothing per question, 100 * points // total):
 *   a choice is right when the salted SHA-256 of its sorted option ids equals the question's hash.
 *   Sets cmi.core.score.raw/min/max and cmi.core.lesson_status (incomplete, then passed or
 *   failed at the pass mark; completed once every section is seen when there is no evaluation).
 * - Commits after each change; on leaving, sets session time and exit, commits, LMSFinish.
 */
(function () {
  "use strict";

  // --- SHA-256 (FIPS 180-4) ---------------------------------------------------------------
  var K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ];

  function sha256(bytes) {
    var length = bytes.length;
    var padded = new Uint8Array(((length + 9 + 63) >> 6) << 6);
    padded.set(bytes);
    padded[length] = 0x80;
    var view = new DataView(padded.buffer);
    view.setUint32(padded.length - 8, Math.floor(length / 0x20000000));
    view.setUint32(padded.length - 4, (length << 3) >>> 0);
    var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var w = new Array(64);
    for (var offset = 0; offset < padded.length; offset += 64) {
      for (var i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
      for (i = 16; i < 64; i++) {
        var x = w[i - 15], y = w[i - 2];
        var s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        var s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
      for (i = 0; i < 64; i++) {
        var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var t1 = (k + S1 + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
        var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        k = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
      h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + k) | 0;
    }
    var digest = new Uint8Array(32);
    var out = new DataView(digest.buffer);
    for (i = 0; i < 8; i++) out.setUint32(i * 4, h[i]);
    return digest;
  }

  function utf8(text) { return new TextEncoder().encode(text); }

  function hex(bytes) {
    var text = "";
    for (var i = 0; i < bytes.length; i++) text += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    return text;
  }

  function answerHash(salt, questionId, optionIds) {
    return hex(sha256(utf8(salt + ":" + questionId + ":" + optionIds.slice().sort().join(","))));
  }

  function reveal(salt, questionId, encoded) {
    var binary = atob(encoded);
    var data = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
    for (var block = 0; block * 32 < data.length; block++) {
      var stream = sha256(utf8(salt + ":" + questionId + ":feedback:" + block));
      for (var j = 0; j < 32 && block * 32 + j < data.length; j++) data[block * 32 + j] ^= stream[j];
    }
    return new TextDecoder("utf-8").decode(data);
  }

  // --- The LMS --------------------------------------------------------------------------------
  function apiIn(win) {
    for (var depth = 0; win && depth < 10; depth++) {
      try {
        if (win.API) return win.API;
      } catch (error) { /* another origin: keep looking */ }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  function findApi() {
    var api = apiIn(window);
    try {
      if (!api && window.opener) api = apiIn(window.opener);
      if (!api && window.top && window.top.opener) api = apiIn(window.top.opener);
    } catch (error) { /* another origin */ }
    return api;
  }

  var api = findApi();
  var connected = false;
  if (api) {
    try { connected = String(api.LMSInitialize("")) === "true"; } catch (error) { connected = false; }
  }

  function get(name) {
    if (!connected) return "";
    var value = api.LMSGetValue(name);
    return value === null || value === undefined ? "" : String(value);
  }
  function set(name, value) { if (connected) api.LMSSetValue(name, String(value)); }
  function commit() { if (connected) api.LMSCommit(""); }

  var data = JSON.parse(document.getElementById("sco-data").textContent);
  var evaluation = data.evaluation;
  var state = { visited: [], attempts: 0, best: null };
  try {
    var saved = JSON.parse(get("cmi.core.suspend_data") || "{}");
    if (Array.isArray(saved.visited)) state.visited = saved.visited;
    if (typeof saved.attempts === "number") state.attempts = saved.attempts;
    if (typeof saved.best === "number") state.best = saved.best;
  } catch (error) { /* unreadable: start afresh */ }
  var status = get("cmi.core.lesson_status");
  if (connected && (status === "" || status === "not attempted" || status === "browsed")) {
    status = "incomplete";
    set("cmi.core.lesson_status", status);
  }
  var started = Date.now();

  function save() {
    set("cmi.core.suspend_data", JSON.stringify(state));
    commit();
  }

  // --- Sections -----------------------------------------------------------------------------
  var sections = data.sections.map(function (id) { return document.getElementById(id); });

  function sectionOf(element) {
    while (element && !(element.classList && element.classList.contains("sco-section"))) element = element.parentNode;
    return element;
  }

  function show(id, focus) {
    var target = id ? document.getElementById(id) : null;
    var section = sectionOf(target);
    if (!section) return false;
    sections.forEach(function (each) { each.hidden = each !== section; });
    document.querySelectorAll(".sco-nav a").forEach(function (link) {
      if (link.getAttribute("data-section") === section.id) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    });
    if (state.visited.indexOf(section.id) < 0) state.visited.push(section.id);
    set("cmi.core.lesson_location", section.id);
    if (!evaluation && status !== "completed" && state.visited.length >= sections.length) {
      status = "completed";
      set("cmi.core.lesson_status", status);
    }
    save();
    if (focus) {
      var heading = target === section ? section.querySelector("h1") : target;
      if (heading) {
        if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
        heading.focus();
        heading.scrollIntoView();
      }
    }
    return true;
  }

  if (!connected) document.getElementById("sco-no-lms").hidden = false;
  var first = window.location.hash.slice(1);
  if (!show(first, true) && !show(get("cmi.core.lesson_location"), false)) show(data.sections[0], false);
  window.addEventListener("hashchange", function () { show(window.location.hash.slice(1), true); });

  // --- The evaluation -------------------------------------------------------------------------
  var form = document.getElementById("sco-evaluation-form");
  if (evaluation && form) {
    var messages = evaluation.messages;
    var result = document.getElementById("sco-result");
    var statusBox = document.getElementById("sco-evaluation-status");
    var errors = document.getElementById("sco-evaluation-errors");
    var tryAgain = document.getElementById("sco-try-again");

    var fill = function (text, values) {
      return text.replace(/\{(\w+)\}/g, function (all, name) { return values[name]; });
    };
    var exhausted = function () {
      return evaluation.maxAttempts && state.attempts >= evaluation.maxAttempts;
    };
    var closeForm = function (message) {
      form.hidden = true;
      statusBox.textContent = message + (state.best === null ? "" : " " + fill(messages.best, { score: state.best }));
      statusBox.hidden = false;
    };
    if (status === "passed") closeForm(messages.done);
    else if (exhausted()) closeForm(messages.exhausted);
    else if (state.best !== null) {
      statusBox.textContent = fill(messages.best, { score: state.best });
      statusBox.hidden = false;
    }

    var chosenIn = function (fieldset) {
      var ids = [], labels = [];
      fieldset.querySelectorAll("input:checked").forEach(function (input) {
        ids.push(input.value);
        labels.push(form.querySelector('label[for="' + input.id + '"]').textContent.trim());
      });
      return { ids: ids, labels: labels };
    };

    var setDisabled = function (disabled) {
      form.querySelectorAll("input, button").forEach(function (input) { input.disabled = disabled; });
    };

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var answers = {}, missing = [];
      evaluation.questions.forEach(function (question) {
        var fieldset = document.getElementById("q-" + question.id);
        var chosen = chosenIn(fieldset);
        var error = document.getElementById("q-" + question.id + "-error");
        answers[question.id] = chosen;
        var unanswered = chosen.ids.length === 0;
        error.hidden = !unanswered;
        fieldset.classList.toggle("has-error", unanswered);
        if (unanswered) {
          fieldset.setAttribute("aria-describedby", error.id);
          missing.push(question.id);
        } else fieldset.removeAttribute("aria-describedby");
      });
      if (missing.length) {
        errors.querySelector("p").textContent = messages.missing[String(missing.length)];
        errors.hidden = false;
        errors.focus();
        return;
      }
      errors.hidden = true;
      var points = 0;
      var verdicts = {};
      evaluation.questions.forEach(function (question) {
        var right = answerHash(evaluation.salt, question.id, answers[question.id].ids) === question.hash;
        verdicts[question.id] = right;
        if (right) points += question.points;
      });
      var total = evaluation.totalPoints;
      var score = total ? Math.floor((100 * points) / total) : 0;
      var passed = score >= evaluation.passMark;
      state.attempts += 1;
      state.best = state.best === null ? score : Math.max(state.best, score);
      set("cmi.core.score.raw", score);
      set("cmi.core.score.min", 0);
      set("cmi.core.score.max", 100);
      if (status !== "passed") {
        status = passed ? "passed" : "failed";
        set("cmi.core.lesson_status", status);
      }
      save();

      // The result, with each question's verdict, the answer given and its feedback.
      result.querySelector(".result").className = "result " + (passed ? "result-passed" : "result-failed");
      result.querySelector(".result-score").textContent = fill(messages.score, { score: score });
      result.querySelector(".result-verdict").textContent = passed ? messages.passed : messages.failed;
      var retake = "";
      var mayRetake = !passed && !exhausted();
      if (!passed) {
        if (!mayRetake) retake = messages.exhausted;
        else if (evaluation.maxAttempts) retake = messages.left[String(evaluation.maxAttempts - state.attempts)];
        else retake = messages.tryAgainNow;
      }
      var retakeLine = result.querySelector(".result-retake");
      retakeLine.textContent = retake;
      retakeLine.hidden = !retake;
      tryAgain.hidden = !mayRetake;
      evaluation.questions.forEach(function (question) {
        var item = result.querySelector('.feedback li[data-question="' + question.id + '"]');
        var right = verdicts[question.id];
        item.className = right ? "correct" : "incorrect";
        item.querySelector(".verdict").textContent = right ? question.verdict : messages.incorrect;
        item.querySelector(".chosen span").textContent = answers[question.id].labels.join("; ");
        var feedback = question.feedback ? reveal(evaluation.salt, question.id, question.feedback) : "";
        var line = item.querySelector(".question-feedback");
        line.textContent = feedback;
        line.hidden = !feedback;
      });
      setDisabled(true);
      result.hidden = false;
      result.focus();
    });

    tryAgain.addEventListener("click", function () {
      form.reset();
      setDisabled(false);
      result.hidden = true;
      var firstInput = form.querySelector("input");
      if (firstInput) firstInput.focus();
    });
  }

  // --- Leaving --------------------------------------------------------------------------------
  function two(number) { return (number < 10 ? "0" : "") + number; }

  var finished = false;
  function finish() {
    if (!connected || finished) return;
    finished = true;
    var seconds = Math.round((Date.now() - started) / 1000);
    set("cmi.core.session_time", two(Math.floor(seconds / 3600) % 10000) + ":" + two(Math.floor(seconds / 60) % 60) + ":" + two(seconds % 60));
    set("cmi.core.exit", status === "passed" || status === "completed" ? "" : "suspend");
    commit();
    api.LMSFinish("");
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
})();
