// Before anything else runs: every script error and console.error is kept in the page (data-errors and
// #custflow-errors), so that a reader sees it and a headless browser's DOM dump tells a test.
(function () {
  'use strict';
  var errors = [];
  function record(message) {
    errors.push(String(message));
    document.documentElement.setAttribute('data-errors', String(errors.length));
    var box = document.getElementById('custflow-errors');
    if (box) { box.textContent = errors.join('\n'); box.hidden = false; }
  }
  window.addEventListener('error', function (e) { record(e.message || e); });
  var original = console.error;
  console.error = function () {
    record(Array.prototype.map.call(arguments, String).join(' '));
    original.apply(console, arguments);
  };
  document.documentElement.setAttribute('data-errors', '0');
})();
