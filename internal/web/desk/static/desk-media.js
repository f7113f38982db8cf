// The media library's upload: files chosen or dropped are sent one at a
// time, each with its own progress bar and its own answer. Without this
// script the form sends them all in one plain multipart request.
(function () {
  "use strict";
  var form = document.querySelector("form[data-upload]");
  if (!form || !window.XMLHttpRequest || !window.FormData) return;
  var input = form.querySelector("input[type=file]");
  var drop = form.querySelector("[data-drop]");
  var list = form.querySelector("[data-progress]");
  var stored = 0;
  var say = window.deskSay;

  function row(file) {
    var li = document.createElement("li");
    var name = document.createElement("span");
    name.className = "media-progress-name";
    name.textContent = file.name;
    var bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", say("uploadOf", { name: file.name }));
    var status = document.createElement("span");
    status.className = "media-progress-status";
    status.textContent = say("waiting");
    li.appendChild(name);
    li.appendChild(bar);
    li.appendChild(status);
    list.appendChild(li);
    return { li: li, bar: bar, status: status };
  }

  function send(file, ui, done) {
    var data = new FormData();
    data.append("file", file, file.name);
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        ui.bar.value = Math.round((e.loaded / e.total) * 100);
        ui.status.textContent = ui.bar.value + "%";
      }
    };
    xhr.onload = function () {
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
      if (xhr.status === 200 && body.items && body.items.length) {
        var it = body.items[0];
        ui.bar.value = 100;
        ui.status.textContent = say(it.created ? "stored" : "inLibrary");
        ui.li.className = "ok";
        ui.li.setAttribute("data-media-id", it.id);
        stored++;
      } else {
        ui.li.className = "failed";
        ui.status.textContent = body.error || say("refused", { status: xhr.status });
      }
      done();
    };
    xhr.onerror = function () {
      ui.li.className = "failed";
      ui.status.textContent = say("connectionFailed");
      done();
    };
    xhr.send(data);
  }

  function upload(files) {
    var queue = [];
    for (var i = 0; i < files.length; i++) queue.push({ file: files[i], ui: row(files[i]) });
    var next = function () {
      var job = queue.shift();
      if (!job) {
        finished();
        return;
      }
      job.ui.status.textContent = "0%";
      send(job.file, job.ui, next);
    };
    next();
  }

  function finished() {
    if (!stored || form.querySelector("[data-refresh]")) return;
    var a = document.createElement("a");
    a.href = location.pathname;
    a.className = "btn btn-small";
    a.setAttribute("data-refresh", "");
    a.textContent = say("showNew");
    list.parentNode.insertBefore(a, list.nextSibling);
  }

  form.addEventListener("submit", function (e) {
    if (!input.files.length) return;
    e.preventDefault();
    upload(input.files);
    input.value = "";
  });
  ["dragenter", "dragover"].forEach(function (type) {
    drop.addEventListener(type, function (e) {
      e.preventDefault();
      drop.classList.add("dragging");
    });
  });
  ["dragleave", "drop"].forEach(function (type) {
    drop.addEventListener(type, function () { drop.classList.remove("dragging"); });
  });
  drop.addEventListener("drop", function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) upload(e.dataTransfer.files);
  });
})();
