// newsdesk desk: small enhancements over plain HTML forms. Everything works
// without this file; with it, destructive actions ask first, one-time links
// copy with a click, and the user menu closes when focus leaves it.
(function () {
  "use strict";

  // The words of the desk's scripts, in the user's language: the layout
  // hands them over in the body's data-words. say("key", {name: "x"})
  // returns one with each {name} filled in; the other scripts use it too.
  var words = {};
  try { words = JSON.parse(document.body.getAttribute("data-words") || "{}"); } catch (e) { /* none */ }
  window.deskSay = function (key, args) {
    var s = words[key] || key;
    Object.keys(args || {}).forEach(function (k) { s = s.split("{" + k + "}").join(String(args[k])); });
    return s;
  };

  // <form data-confirm="Disable this account?"> asks before submitting.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    var q = form.getAttribute && form.getAttribute("data-confirm");
    if (q && !window.confirm(q)) e.preventDefault();
  }, true);

  // <button data-copy="id-of-input"> copies the input's value.
  document.addEventListener("click", function (e) {
    var btn = e.target.closest && e.target.closest("[data-copy]");
    if (!btn) return;
    var input = document.getElementById(btn.getAttribute("data-copy"));
    if (!input) return;
    input.select();
    var done = function () {
      var label = btn.textContent;
      btn.textContent = window.deskSay("copied");
      setTimeout(function () { btn.textContent = label; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, function () {});
    } else if (document.execCommand && document.execCommand("copy")) {
      done();
    }
  });

  // Close the user menu on Escape or when clicking elsewhere.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    document.querySelectorAll("details.desk-menu[open]").forEach(function (d) {
      d.removeAttribute("open");
      d.querySelector("summary").focus();
    });
  });
  document.addEventListener("click", function (e) {
    document.querySelectorAll("details.desk-menu[open]").forEach(function (d) {
      if (!d.contains(e.target)) d.removeAttribute("open");
    });
  });
})();
