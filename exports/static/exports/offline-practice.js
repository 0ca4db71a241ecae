/* Practice evaluations of an offline edition: scores the answers in the browser, as the site
   does (a question earns its points when exactly its right options are chosen; the score out of
   100 is rounded down), and records nothing. The answer key is not in the page: each question
   carries the salted SHA-256 of its sorted right option ids, and the chosen options are hashed
   the same way; each question's feedback is shown once the answers are checked, as on the site
   (stored obscured). Both by exports/static/exports/scoring.js, shared with the SCORM runtime. */
(function () {
  "use strict";

  var scoring = window.ExportScoring;  // exports/static/exports/scoring.js, loaded first

  function check(form, event) {
    event.preventDefault();
    var salt = form.getAttribute("data-salt");
    var points = 0;
    var total = 0;
    var missing = null;
    var questions = form.querySelectorAll("fieldset[data-question]");
    Array.prototype.forEach.call(questions, function (question) {
      var chosen = Array.prototype.map.call(
        question.querySelectorAll("input:checked"), function (input) { return input.value; });
      var error = question.querySelector(".field-error");
      error.hidden = chosen.length > 0;
      question.classList.toggle("has-error", chosen.length === 0);
      if (!chosen.length && !missing) {
        missing = question;
      }
    });
    var result = form.querySelector(".practice-result");
    if (missing) {
      result.className = "practice-result form-errors";
      result.textContent = form.getAttribute("data-unanswered");
      missing.querySelector("input").focus();
      return;
    }
    Array.prototype.forEach.call(questions, function (question) {
      var chosen = Array.prototype.map.call(
        question.querySelectorAll("input:checked"), function (input) { return input.value; });
      var value = Number(question.getAttribute("data-points"));
      var id = question.getAttribute("data-question");
      var right = scoring.answerHash(salt, id, chosen) === question.getAttribute("data-key");
      total += value;
      if (right) {
        points += value;
      }
      var verdict = question.querySelector(".practice-verdict");
      verdict.textContent = form.getAttribute(right ? "data-right" : "data-wrong");
      verdict.className = "practice-verdict " + (right ? "verdict-right" : "verdict-wrong");
      verdict.hidden = false;
      var explanation = question.querySelector(".practice-feedback");
      explanation.textContent = scoring.reveal(salt, id, question.getAttribute("data-feedback"));
      explanation.hidden = !explanation.textContent;
    });
    var score = scoring.score(points, total);
    var passMark = Number(form.getAttribute("data-pass-mark"));
    var passed = score >= passMark;
    result.className = "practice-result result" + (passed ? " result-passed" : "");
    result.textContent = form.getAttribute(passed ? "data-passed" : "data-failed")
      .replace("{score}", String(score)).replace("{pass_mark}", String(passMark));
  }

  Array.prototype.forEach.call(document.querySelectorAll("form.offline-practice"), function (form) {
    form.addEventListener("submit", function (event) { check(form, event); });
  });
})();
