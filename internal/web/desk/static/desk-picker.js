// The story editor's media picker. Each media field of the form holds the
// numbers of library items, comma-separated, and stays the form's truth:
// without this script they are typed by hand. The script shows the chosen
// items beside each field (remove, move up and down) and a dialog that
// lists, searches and uploads library items; the featured image field
// gets the address of a library image the same way.
(function () {
  "use strict";
  var box = document.querySelector("[data-media-fields]");
  if (!box || !window.fetch || !window.HTMLDialogElement) return;
  var known = {};
  var say = window.deskSay;
  try {
    (JSON.parse(box.getAttribute("data-items") || "[]") || []).forEach(function (it) { known[it.id] = it; });
  } catch (e) { /* no items */ }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function ids(input) {
    return input.value.split(",").map(function (s) { return s.trim().replace(/^#/, ""); }).filter(function (s) { return /^\d+$/.test(s); });
  }
  function setIds(input, list) {
    input.value = list.join(", ");
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }
  function preview(it) {
    if (it && it.thumb) {
      var img = el("img");
      img.src = it.thumb;
      img.alt = "";
      img.loading = "lazy";
      return img;
    }
    return el("span", "media-kind", it ? it.kind : "?");
  }

  // The dialog, shared by every field.
  var dlg = el("dialog", "picker");
  dlg.setAttribute("aria-labelledby", "picker-title");
  dlg.innerHTML = '<div class="picker-head"><h2 id="picker-title"></h2><button type="button" class="btn btn-small" data-done></button></div>' +
    '<div class="picker-tools"><label class="visually-hidden" for="picker-q"></label><input id="picker-q" type="search">' +
    '<label class="btn btn-small picker-upload"><span></span><input type="file" multiple hidden></label></div>' +
    '<ul class="media-progress" data-progress aria-live="polite"></ul><p class="picker-status" aria-live="polite"></p><ul class="picker-grid"></ul>';
  // The words go in as text, never as markup.
  dlg.querySelector("#picker-title").textContent = say("chooseMedia");
  dlg.querySelector("[data-done]").textContent = say("done");
  dlg.querySelector("label[for=picker-q]").textContent = say("searchLibrary");
  dlg.querySelector("#picker-q").placeholder = say("searchLibrary");
  dlg.querySelector(".picker-upload span").textContent = say("uploadFiles");
  document.body.appendChild(dlg);
  var grid = dlg.querySelector(".picker-grid");
  var q = dlg.querySelector("#picker-q");
  var status = dlg.querySelector(".picker-status");
  var progress = dlg.querySelector("[data-progress]");
  var fileInput = dlg.querySelector("input[type=file]");
  var target = null; // {kinds: [...], multiple: bool, choose: function(item)}
  var timer = null;

  dlg.querySelector("[data-done]").addEventListener("click", function () { dlg.close(); });
  q.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(load, 250);
  });

  function load() {
    var url = "/desk/media?q=" + encodeURIComponent(q.value);
    if (target.kinds.length === 1) url += "&kind=" + target.kinds[0];
    status.textContent = say("loading");
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (body) {
        grid.textContent = "";
        var items = (body.items || []).filter(function (it) { return target.kinds.indexOf(it.kind) >= 0; });
        status.textContent = items.length ? "" : say("nothingMatches");
        items.forEach(function (it) {
          known[it.id] = it;
          var li = el("li");
          var b = el("button", "picker-item");
          b.type = "button";
          b.setAttribute("data-media-id", it.id);
          b.appendChild(preview(it));
          b.appendChild(el("span", "picker-name", "#" + it.id + " " + it.name));
          b.appendChild(el("span", "muted", it.kind + (it.duration ? " · " + it.duration : "") + (it.width ? " · " + it.width + "×" + it.height : "")));
          b.addEventListener("click", function () {
            target.choose(it);
            b.classList.add("chosen");
            if (!target.multiple) dlg.close();
          });
          li.appendChild(b);
          grid.appendChild(li);
        });
      })
      .catch(function () { status.textContent = say("libraryFailed"); });
  }

  fileInput.addEventListener("change", function () {
    var files = Array.prototype.slice.call(fileInput.files);
    fileInput.value = "";
    var next = function () {
      var f = files.shift();
      if (!f) { load(); return; }
      var li = el("li");
      var bar = el("progress");
      bar.max = 100;
      var st = el("span", "media-progress-status", "0%");
      li.appendChild(el("span", "media-progress-name", f.name));
      li.appendChild(bar);
      li.appendChild(st);
      progress.appendChild(li);
      var data = new FormData();
      data.append("file", f, f.name);
      var xhr = new XMLHttpRequest();
      xhr.open("POST", "/desk/media");
      xhr.setRequestHeader("Accept", "application/json");
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) { bar.value = Math.round((e.loaded / e.total) * 100); st.textContent = bar.value + "%"; }
      };
      xhr.onload = function () {
        var body = {};
        try { body = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
        if (xhr.status === 200 && body.items && body.items.length) {
          var it = body.items[0];
          known[it.id] = it;
          bar.value = 100;
          li.className = "ok";
          if (target.kinds.indexOf(it.kind) >= 0) {
            target.choose(it);
            st.textContent = say("added");
          } else {
            st.textContent = say("wrongKind", { kind: say("kind_" + it.kind) });
          }
        } else {
          li.className = "failed";
          st.textContent = body.error || say("refused", { status: xhr.status });
        }
        next();
      };
      xhr.onerror = function () { li.className = "failed"; st.textContent = say("connectionFailed"); next(); };
      xhr.send(data);
    };
    next();
  });

  function openPicker(t) {
    target = t;
    grid.textContent = "";
    progress.textContent = "";
    q.value = "";
    dlg.showModal();
    load();
  }

  // Each role's field: the chosen items, and a button to choose more.
  box.querySelectorAll("[data-media-role]").forEach(function (field) {
    var input = field.querySelector("input");
    var role = field.getAttribute("data-media-role");
    var kinds = field.getAttribute("data-kinds").split(",");
    var multiple = role !== "lead";
    var list = el("ul", "media-chosen");
    list.setAttribute("aria-label", field.querySelector("label").textContent);
    var choose = el("button", "btn btn-small", say(multiple ? "addFromLibrary" : "chooseFromLibrary"));
    choose.type = "button";
    choose.setAttribute("data-choose", role);
    field.insertBefore(list, input.nextSibling);
    field.insertBefore(choose, list.nextSibling);

    function render() {
      list.textContent = "";
      var all = ids(input);
      all.forEach(function (id, i) {
        var it = known[id];
        var li = el("li");
        li.setAttribute("data-media-id", id);
        li.appendChild(preview(it));
        li.appendChild(el("span", "media-chosen-name", "#" + id + (it ? " " + it.name : "")));
        var tools = el("span", "row-actions");
        if (multiple && all.length > 1) {
          [["↑", -1, "moveUp"], ["↓", 1, "moveDown"]].forEach(function (m) {
            var b = el("button", "btn btn-small", m[0]);
            b.type = "button";
            b.setAttribute("aria-label", say(m[2], { id: id }));
            b.disabled = (m[1] < 0 && i === 0) || (m[1] > 0 && i === all.length - 1);
            b.addEventListener("click", function () {
              var l = ids(input), j = i + m[1];
              var x = l[i]; l[i] = l[j]; l[j] = x;
              setIds(input, l);
            });
            tools.appendChild(b);
          });
        }
        var rm = el("button", "btn btn-small btn-danger", say("remove"));
        rm.type = "button";
        rm.setAttribute("aria-label", say("removeItem", { id: id }));
        rm.addEventListener("click", function () {
          setIds(input, ids(input).filter(function (x) { return x !== id; }));
        });
        tools.appendChild(rm);
        li.appendChild(tools);
        list.appendChild(li);
      });
    }
    input.addEventListener("input", render);
    choose.addEventListener("click", function () {
      openPicker({
        kinds: kinds, multiple: multiple,
        choose: function (it) {
          var l = multiple ? ids(input) : [];
          if (l.indexOf(String(it.id)) < 0) l.push(String(it.id));
          setIds(input, l);
        }
      });
    });
    render();
  });

  // The featured image: the address of a library image.
  document.querySelectorAll("input[data-pick-url]").forEach(function (input) {
    var b = el("button", "btn btn-small", say("chooseFromLibrary"));
    b.type = "button";
    b.setAttribute("data-choose", "featured");
    input.parentNode.insertBefore(b, input.nextSibling);
    b.addEventListener("click", function () {
      openPicker({
        kinds: [input.getAttribute("data-pick-url")], multiple: false,
        choose: function (it) {
          input.value = it.url;
          input.dispatchEvent(new Event("input", { bubbles: true }));
          input.dispatchEvent(new Event("change", { bubbles: true }));
        }
      });
    });
  });
})();
