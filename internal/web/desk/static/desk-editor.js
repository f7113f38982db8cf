// newsdesk story editor. The form works without this file: the body is a
// textarea of HTML, every button is a plain submit, and "Refresh preview"
// posts the form into the preview frame. With it, the body becomes a
// rich-text editor with a toolbar, the preview follows the typing, tags are
// suggested, sections follow the chosen edition, and leaving with unsaved
// changes asks first.
(function () {
  "use strict";

  var form = document.getElementById("story-form");
  if (!form) return;
  var source = document.getElementById("body");
  var dirty = false;

  // ---- Rich-text body --------------------------------------------------

  var rte = form.querySelector("[data-rte]");
  var area = null;
  var toolbar = rte && rte.querySelector(".rte-toolbar");
  var showingSource = false;

  function sync() {
    if (area && !showingSource) source.value = area.innerHTML;
  }

  if (rte && source && !source.closest("fieldset[disabled]")) {
    area = document.createElement("div");
    area.className = "rte-area";
    area.contentEditable = "true";
    area.id = "body-editor";
    area.setAttribute("role", "textbox");
    area.setAttribute("aria-multiline", "true");
    area.setAttribute("aria-labelledby", "body-label");
    area.setAttribute("aria-describedby", "body-hint");
    area.setAttribute("data-placeholder", window.deskSay("writeStory"));
    // The textarea's value came from the server, sanitised: it is safe to
    // show as HTML.
    area.innerHTML = source.value;
    source.hidden = true;
    source.setAttribute("aria-hidden", "true");
    source.tabIndex = -1;
    rte.appendChild(area);
    toolbar.hidden = false;
    var label = document.getElementById("body-label");
    label.removeAttribute("for");
    label.addEventListener("click", function () { area.focus(); });
    try {
      document.execCommand("defaultParagraphSeparator", false, "p");
      document.execCommand("styleWithCSS", false, false);
    } catch (e) { /* older browsers: their defaults do */ }

    // Text typed into an empty editor would otherwise sit outside any
    // paragraph: start it with an empty one.
    var ensureParagraph = function () {
      var t = area.innerHTML.trim();
      if (t !== "" && t !== "<br>") return;
      area.innerHTML = "<p><br></p>";
      var r = document.createRange();
      r.setStart(area.firstChild, 0);
      r.collapse(true);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(r);
    };
    area.addEventListener("focus", ensureParagraph);
    area.addEventListener("input", function () { ensureParagraph(); sync(); changed(); });
    area.addEventListener("keydown", function (e) {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        command("link");
      }
    });
    document.addEventListener("selectionchange", updateToolbar);
    toolbar.addEventListener("mousedown", function (e) {
      // Keep the selection in the text while a button is pressed.
      if (e.target.closest("button")) e.preventDefault();
    });
    toolbar.addEventListener("click", function (e) {
      var b = e.target.closest("button[data-cmd]");
      if (b) command(b.getAttribute("data-cmd"));
    });
    // Arrow keys move between the toolbar's buttons (one tab stop).
    var buttons = Array.prototype.slice.call(toolbar.querySelectorAll("button"));
    buttons.forEach(function (b, i) { b.tabIndex = i === 0 ? 0 : -1; });
    toolbar.addEventListener("keydown", function (e) {
      var i = buttons.indexOf(document.activeElement);
      if (i < 0) return;
      var next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: buttons.length - 1 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      next = (next + buttons.length) % buttons.length;
      buttons[i].tabIndex = -1;
      buttons[next].tabIndex = 0;
      buttons[next].focus();
    });
  }

  function blockOf(tag) {
    var sel = window.getSelection();
    if (!sel.rangeCount || !area) return null;
    var n = sel.getRangeAt(0).startContainer;
    while (n && n !== area) {
      if (n.nodeType === 1 && n.nodeName.toLowerCase() === tag) return n;
      n = n.parentNode;
    }
    return null;
  }

  function toggleBlock(tag) {
    document.execCommand("formatBlock", false, blockOf(tag) ? "<p>" : "<" + tag + ">");
  }

  function command(cmd) {
    if (cmd === "source") return toggleSource();
    if (showingSource) return;
    area.focus();
    switch (cmd) {
      case "h2": case "h3": toggleBlock(cmd); break;
      case "quote": toggleBlock("blockquote"); break;
      case "bold": case "italic": document.execCommand(cmd); break;
      case "ul": document.execCommand("insertUnorderedList"); break;
      case "ol": document.execCommand("insertOrderedList"); break;
      case "link": askURL("link"); return;
      case "image": askURL("image"); return;
    }
    sync(); changed(); updateToolbar();
  }

  function updateToolbar() {
    if (!toolbar || showingSource) return;
    var state = {
      h2: !!blockOf("h2"), h3: !!blockOf("h3"), quote: !!blockOf("blockquote"),
      ul: !!blockOf("ul"), ol: !!blockOf("ol"),
      bold: document.queryCommandState("bold"), italic: document.queryCommandState("italic")
    };
    toolbar.querySelectorAll("button[aria-pressed]").forEach(function (b) {
      var c = b.getAttribute("data-cmd");
      if (c in state) b.setAttribute("aria-pressed", state[c] ? "true" : "false");
    });
  }

  function toggleSource() {
    var b = toolbar.querySelector('[data-cmd="source"]');
    if (!showingSource) {
      sync();
      showingSource = true;
      area.hidden = true;
      source.hidden = false;
      source.removeAttribute("aria-hidden");
      source.tabIndex = 0;
      source.focus();
    } else {
      showingSource = false;
      area.innerHTML = source.value;
      source.hidden = true;
      source.setAttribute("aria-hidden", "true");
      source.tabIndex = -1;
      area.hidden = false;
      area.focus();
    }
    b.setAttribute("aria-pressed", showingSource ? "true" : "false");
    toolbar.querySelectorAll("button:not([data-cmd=source])").forEach(function (x) { x.disabled = showingSource; });
  }

  // The link and image dialog. The selection is saved while the dialog has
  // the focus and put back before inserting.
  var dialog = document.getElementById("rte-dialog");
  var savedRange = null;
  function askURL(kind) {
    var sel = window.getSelection();
    savedRange = sel.rangeCount ? sel.getRangeAt(0).cloneRange() : null;
    var url = document.getElementById("rte-url");
    var alt = document.getElementById("rte-alt");
    dialog.querySelector("h2").textContent = window.deskSay(kind === "image" ? "image" : "link");
    dialog.querySelector("[data-image-only]").hidden = kind !== "image";
    var current = kind === "link" ? blockOf("a") : null;
    url.value = current ? current.getAttribute("href") : "";
    alt.value = "";
    dialog.returnValue = "";
    dialog.onclose = function () {
      area.focus();
      if (savedRange) {
        sel.removeAllRanges();
        sel.addRange(savedRange);
      }
      if (dialog.returnValue !== "ok" || !url.value.trim()) return;
      var href = url.value.trim();
      if (kind === "image") {
        var img = document.createElement("img");
        img.src = href;
        img.alt = alt.value.trim();
        document.execCommand("insertHTML", false, img.outerHTML);
      } else if (sel.isCollapsed && !current) {
        var a = document.createElement("a");
        a.href = href;
        a.textContent = href;
        document.execCommand("insertHTML", false, a.outerHTML);
      } else {
        document.execCommand("createLink", false, href);
      }
      sync(); changed();
    };
    dialog.showModal();
    url.focus();
  }

  // ---- Edition, section and time zone ------------------------------------

  var edition = document.getElementById("edition");
  var section = document.getElementById("section");
  function followEdition() {
    if (!edition || !section) return;
    var code = edition.value;
    section.querySelectorAll("optgroup").forEach(function (g) {
      var mine = g.getAttribute("data-edition") === code;
      g.hidden = !mine;
      g.disabled = !mine;
      if (!mine && g.contains(section.selectedOptions[0])) section.value = "";
    });
    var zone = edition.selectedOptions[0] && edition.selectedOptions[0].getAttribute("data-zone");
    var label = document.querySelector('label[for="published_at"] .muted');
    if (label && zone) label.textContent = "(" + zone + ")";
  }
  if (edition) edition.addEventListener("change", followEdition);
  followEdition();

  // ---- Headline and address ------------------------------------------------

  var headline = document.getElementById("headline");
  var slug = document.getElementById("slug");
  function slugify(s) {
    return s.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/['’]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80);
  }
  function slugHint() {
    if (slug && headline) slug.placeholder = slugify(headline.value) || "made-from-the-headline";
  }
  if (headline) {
    // A headline is one line: Enter does not break it.
    headline.addEventListener("keydown", function (e) { if (e.key === "Enter") e.preventDefault(); });
    headline.addEventListener("input", slugHint);
    slugHint();
  }

  // ---- Tag suggestions ------------------------------------------------------

  var tags = document.getElementById("tags");
  var list = document.getElementById("tags-suggestions");
  var active = -1;
  var pending = null;
  function lastTerm() {
    var parts = tags.value.split(",");
    return parts[parts.length - 1].trim();
  }
  function closeList() {
    list.hidden = true;
    list.innerHTML = "";
    active = -1;
    tags.setAttribute("aria-expanded", "false");
    tags.removeAttribute("aria-activedescendant");
  }
  function choose(name) {
    var parts = tags.value.split(",");
    parts[parts.length - 1] = " " + name;
    tags.value = parts.map(function (p) { return p.trim(); }).filter(Boolean).join(", ") + ", ";
    closeList();
    tags.focus();
    changed();
  }
  function highlight(i) {
    var items = list.querySelectorAll("li");
    if (!items.length) return;
    active = (i + items.length) % items.length;
    items.forEach(function (li, j) { li.setAttribute("aria-selected", j === active ? "true" : "false"); });
    tags.setAttribute("aria-activedescendant", items[active].id);
  }
  if (tags && list) {
    tags.setAttribute("role", "combobox");
    tags.setAttribute("aria-autocomplete", "list");
    tags.setAttribute("aria-controls", "tags-suggestions");
    tags.setAttribute("aria-expanded", "false");
    var suggestTimer = null;
    tags.addEventListener("input", function () {
      clearTimeout(suggestTimer);
      suggestTimer = setTimeout(suggest, 150);
    });
    var suggest = function () {
      var q = lastTerm();
      if (pending) pending.abort();
      if (q.length < 1) return closeList();
      pending = new AbortController();
      var url = form.getAttribute("data-suggest") + "?edition=" + encodeURIComponent(edition ? edition.value : "") + "&q=" + encodeURIComponent(q);
      fetch(url, { headers: { Accept: "application/json" }, signal: pending.signal, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (found) {
          var have = tags.value.split(",").map(function (p) { return p.trim().toLowerCase(); });
          found = found.filter(function (t) { return have.indexOf(t.name.toLowerCase()) < 0 || t.name.toLowerCase() === q.toLowerCase(); });
          list.innerHTML = "";
          found.forEach(function (t, i) {
            var li = document.createElement("li");
            li.id = "tag-suggestion-" + i;
            li.setAttribute("role", "option");
            li.setAttribute("aria-selected", "false");
            li.textContent = t.name;
            li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(t.name); });
            list.appendChild(li);
          });
          if (!found.length) return closeList();
          list.hidden = false;
          tags.setAttribute("aria-expanded", "true");
          active = -1;
        })
        .catch(function () { /* aborted or offline: no suggestions */ });
    };
    tags.addEventListener("keydown", function (e) {
      if (list.hidden) return;
      if (e.key === "ArrowDown") { e.preventDefault(); highlight(active + 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); highlight(active - 1); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); choose(list.querySelectorAll("li")[active].textContent); }
      else if (e.key === "Escape") { e.preventDefault(); closeList(); }
    });
    tags.addEventListener("blur", function () { setTimeout(closeList, 150); });
  }

  // ---- Live preview ---------------------------------------------------------

  var frame = document.getElementById("story-preview");
  var previewTimer = null;
  var previewing = null;
  function refreshPreview() {
    if (!frame) return;
    sync();
    if (previewing) previewing.abort();
    previewing = new AbortController();
    var data = new FormData(form);
    data.delete("action");
    fetch(form.getAttribute("data-preview"), {
      method: "POST", body: new URLSearchParams(data), signal: previewing.signal, credentials: "same-origin"
    }).then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null) return;
        // Keep the reader's place in the frame across refreshes.
        var y = 0;
        try { y = frame.contentWindow.scrollY; } catch (e) { /* not loaded yet */ }
        frame.onload = function () { try { frame.contentWindow.scrollTo(0, y); } catch (e) { /* ignore */ } };
        frame.srcdoc = html;
      })
      .catch(function () { /* aborted by newer typing */ });
  }
  function changed() {
    dirty = true;
    clearTimeout(previewTimer);
    previewTimer = setTimeout(refreshPreview, 700);
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  var refresh = form.querySelector("[data-preview-refresh]");
  if (refresh) {
    refresh.addEventListener("click", function (e) { e.preventDefault(); refreshPreview(); });
  }
  var readOnly = form.querySelector("fieldset.editor-main[disabled]");
  if (readOnly && form.getAttribute("data-private")) {
    // Nothing can be typed: show the stored story instead of the form.
    frame.src = form.getAttribute("data-private");
  } else {
    refreshPreview();
  }

  // ---- Saving ---------------------------------------------------------------

  form.addEventListener("submit", function (e) {
    var b = e.submitter;
    var q = b && b.getAttribute("data-confirm");
    if (q && !window.confirm(q)) {
      e.preventDefault();
      return;
    }
    sync();
    dirty = false;
  });
  window.addEventListener("beforeunload", function (e) {
    if (!dirty) return;
    e.preventDefault();
    e.returnValue = "";
  });
})();
