/* Practice evaluations of an offline edition: scores the answers in the browser, as the site
   does (a question earns its points when exactly its right options are chosen; the score out of
   100 is rounded down), and records nothing. The answer key is not in the page: each question
   carries the first 32 hex digits of SHA-256("salt|question id|sorted right option ids"), and
   the chosen options are hashed the same way. Each question's feedback is shown once the answers
   are checked, as on the site; it is stored obscured too (see ``feedback``). */
(function () {
  "use strict";

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

  function sha256(text) {
    var bytes = Array.from(new TextEncoder().encode(text));
    var bits = bytes.length * 8;
    bytes.push(0x80);
    while (bytes.length % 64 !== 56) {
      bytes.push(0);
    }
    for (var shift = 56; shift >= 0; shift -= 8) {
      bytes.push(shift >= 32 ? Math.floor(bits / Math.pow(2, shift)) & 0xff : (bits >>> shift) & 0xff);
    }
    var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var w = new Array(64);
    function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }
    for (var start = 0; start < bytes.length; start += 64) {
      for (var i = 0; i < 16; i += 1) {
        var j = start + 4 * i;
        w[i] = (bytes[j] << 24) | (bytes[j + 1] << 16) | (bytes[j + 2] << 8) | bytes[j + 3];
      }
      for (i = 16; i < 64; i += 1) {
        var s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
        var s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
      for (i = 0; i < 64; i += 1) {
        var t1 = (k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
        var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        k = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      h = [(h[0] + a) | 0, (h[1] + b) | 0, (h[2] + c) | 0, (h[3] + d) | 0,
        (h[4] + e) | 0, (h[5] + f) | 0, (h[6] + g) | 0, (h[7] + k) | 0];
    }
    return h.map(function (x) { return ("00000000" + (x >>> 0).toString(16)).slice(-8); }).join("");
  }

  // A question's feedback, stored XORed with SHA-256 digests of "salt|question id|feedback|n".
  function feedback(salt, id, encoded) {
    var data = atob(encoded || "");
    var bytes = new Uint8Array(data.length);
    var stream = "";
    for (var i = 0; i < data.length; i += 1) {
      if (i % 32 === 0) {
        stream = sha256(salt + "|" + id + "|feedback|" + (i / 32));
      }
      var offset = (i % 32) * 2;
      bytes[i] = data.charCodeAt(i) ^ parseInt(stream.slice(offset, offset + 2), 16);
    }
    return new TextDecoder("utf-8").decode(bytes);
  }

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
      chosen.sort();
      var value = Number(question.getAttribute("data-points"));
      var digest = sha256(salt + "|" + question.getAttribute("data-question") + "|" + chosen.join(","));
      var right = digest.slice(0, 32) === question.getAttribute("data-key");
      total += value;
      if (right) {
        points += value;
      }
      var verdict = question.querySelector(".practice-verdict");
      verdict.textContent = form.getAttribute(right ? "data-right" : "data-wrong");
      verdict.className = "practice-verdict " + (right ? "verdict-right" : "verdict-wrong");
      verdict.hidden = false;
      var explanation = question.querySelector(".practice-feedback");
      explanation.textContent = feedback(
        salt, question.getAttribute("data-question"), question.getAttribute("data-feedback"));
      explanation.hidden = !explanation.textContent;
    });
    var score = total ? Math.floor((100 * points) / total) : 0;
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
