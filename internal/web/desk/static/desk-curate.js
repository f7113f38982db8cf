// newsdesk desk: drag and drop for the home page order. The buttons beside
// each story are plain forms and work without this file; with it, a story
// can also be dragged to its place, and the new order is sent with the
// page's order form (the same POST the server takes from anyone).
(function () {
  "use strict";

  var list = document.querySelector("ol[data-curate]");
  if (!list) return;
  var form = document.getElementById(list.getAttribute("data-curate"));
  if (!form) return;
  document.body.classList.add("curate-ready");

  var items = function () { return Array.prototype.slice.call(list.querySelectorAll("li[data-id]")); };
  var orderOf = function () { return items().map(function (li) { return li.getAttribute("data-id"); }).join(","); };
  var before = orderOf();
  var dragged = null;

  var clearMarks = function () {
    items().forEach(function (li) { li.classList.remove("drop-before", "drop-after"); });
  };

  // Where the pointer is over li: in its upper half the dragged story goes
  // before it, else after it.
  var placeAt = function (li, y) {
    var box = li.getBoundingClientRect();
    return y < box.top + box.height / 2 ? "before" : "after";
  };

  items().forEach(function (li) {
    li.setAttribute("draggable", "true");

    li.addEventListener("dragstart", function (e) {
      dragged = li;
      li.classList.add("dragging");
      e.dataTransfer.effectAllowed = "move";
      // Firefox starts a drag only with some data set.
      e.dataTransfer.setData("text/plain", li.getAttribute("data-id"));
    });

    li.addEventListener("dragover", function (e) {
      if (!dragged || dragged === li) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = "move";
      clearMarks();
      li.classList.add(placeAt(li, e.clientY) === "before" ? "drop-before" : "drop-after");
    });

    li.addEventListener("dragleave", function () {
      li.classList.remove("drop-before", "drop-after");
    });

    li.addEventListener("drop", function (e) {
      if (!dragged || dragged === li) return;
      e.preventDefault();
      if (placeAt(li, e.clientY) === "before") {
        list.insertBefore(dragged, li);
      } else {
        list.insertBefore(dragged, li.nextSibling);
      }
    });

    li.addEventListener("dragend", function () {
      li.classList.remove("dragging");
      clearMarks();
      dragged = null;
      if (orderOf() !== before) save();
    });
  });

  // save puts the new order into the order form and sends it; the page
  // comes back from the server with the saved order and its message.
  var save = function () {
    form.querySelectorAll("input[name=order]").forEach(function (input) { input.remove(); });
    items().forEach(function (li) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = "order";
      input.value = li.getAttribute("data-id");
      form.appendChild(input);
    });
    list.setAttribute("aria-busy", "true");
    form.submit();
  };
})();
