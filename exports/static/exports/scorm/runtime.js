/*
 * The runtime of a SCO of our SCORM 1.2 packages (exports/scorm.py). No dependency, no network.
 *
 * - Finds the LMS's API object (window, its parents, then the opener's chain), calls
 *   LMSInitialize, and works on without it (a notice says nothing is recorded).
 * - Shows one section of the page at a time (the module, a country unit, the evaluation);
 *   records the section shown in cmi.core.lesson_location and what was visited and scored in
 *   cmi.core.suspend_data, and resumes there.
 * - Scores the evaluation as the site does (all or nothing per question, 100 * points // total):
 *   a choice is right when the salted SHA-256 of its sorted option ids equals the question's hash
 *   (exports/static/exports/scoring.js, shared with the offline practice page).
 *   Sets cmi.core.score.raw/min/max and cmi.core.lesson_status (incomplete, then passed or
 *   failed at the pass mark; completed once every section is seen when there is no evaluation).
 * - Commits after each change; on leaving, sets session time and exit, commits, LMSFinish.
 */
(function () {
  "use strict";

  var scoring = window.ExportScoring;  // exports/static/exports/scoring.js, loaded first

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
        var right = scoring.answerHash(evaluation.salt, question.id, answers[question.id].ids) === question.hash;
        verdicts[question.id] = right;
        if (right) points += question.points;
      });
      var total = evaluation.totalPoints;
      var score = scoring.score(points, total);
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
        var feedback = question.feedback ? scoring.reveal(evaluation.salt, question.id, question.feedback) : "";
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
