// The site works without this script. It adds what needs a browser's help:
// copying a story's address, and the system share sheet where there is one.
(function () {
  "use strict";
  document.querySelectorAll(".share-copy").forEach(function (b) {
    if (!navigator.clipboard) return;
    b.parentElement.hidden = false;
    var label = b.querySelector("span");
    var text = label.textContent;
    b.addEventListener("click", function () {
      navigator.clipboard.writeText(b.dataset.url).then(function () {
        label.textContent = b.dataset.done;
        setTimeout(function () { label.textContent = text; }, 2500);
      });
    });
  });
  document.querySelectorAll(".share-native").forEach(function (b) {
    if (!navigator.share) return;
    b.parentElement.hidden = false;
    b.addEventListener("click", function () {
      // A reader who closes the sheet rejects the promise: nothing to do.
      navigator.share({ url: b.dataset.url, title: b.dataset.title }).catch(function () {});
    });
  });
})();
