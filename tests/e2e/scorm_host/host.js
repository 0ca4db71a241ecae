// A minimal LMS for tests/e2e/test_scorm_browser.py: scorm-again's Scorm12API as window.API
// (given the learner's saved data with ?resume=JSON), and the SCO (?sco=path) in a frame.
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  window.lmsCalls = [];
  ["LMSInitialize", "LMSCommit", "LMSFinish"].forEach(function (name) {
    window.API.on(name, function () { window.lmsCalls.push(name); });
  });
  window.lmsSet = {};
  window.API.on("LMSSetValue.cmi.*", function (element, value) { window.lmsSet[element] = value; });
  if (params.get("resume")) window.API.loadFromJSON(JSON.parse(params.get("resume")));
  window.addEventListener("DOMContentLoaded", function () {
    document.getElementById("sco").src = params.get("sco");
  });
})();
