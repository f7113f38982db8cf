// A story's media, enhanced: the lead video gets the site's controls
// (play and pause, seeking, mute, full screen in and out) in place of the
// browser's, and the gallery opens in a full-screen viewer that moves with
// the buttons, the arrow keys and swipes, and closes with its button,
// Escape or a swipe down. Without this script the browser's own video
// controls and the links to the photos do the same work.
(function () {
  "use strict";

  function clock(s) {
    if (!isFinite(s) || s < 0) s = 0;
    s = Math.floor(s);
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    var mm = h ? (m < 10 ? "0" + m : "" + m) : "" + m;
    return (h ? h + ":" : "") + mm + ":" + (sec < 10 ? "0" + sec : sec);
  }

  function fullscreenElement() {
    return document.fullscreenElement || document.webkitFullscreenElement || null;
  }

  document.querySelectorAll("[data-video]").forEach(function (fig) {
    var frame = fig.querySelector(".video-frame");
    var video = fig.querySelector("video");
    var bar = fig.querySelector("[data-controls]");
    if (!video || !bar || typeof video.play !== "function") return;
    var play = bar.querySelector("[data-play]");
    var mute = bar.querySelector("[data-mute]");
    var full = bar.querySelector("[data-full]");
    var seek = bar.querySelector("[data-seek]");
    var time = bar.querySelector("[data-time]");
    video.controls = false;
    bar.hidden = false;
    var seeking = false;

    function state() {
      var playing = !video.paused && !video.ended;
      frame.setAttribute("data-state", playing ? "playing" : "paused");
      play.setAttribute("aria-label", playing ? play.dataset.pauseLabel : play.dataset.playLabel);
      mute.setAttribute("aria-pressed", video.muted ? "true" : "false");
      mute.setAttribute("aria-label", video.muted ? mute.dataset.unmuteLabel : mute.dataset.muteLabel);
      var fs = fullscreenElement() === frame;
      full.setAttribute("aria-label", fs ? full.dataset.exitLabel : full.dataset.fullLabel);
    }
    function progress() {
      var d = video.duration;
      if (!seeking && isFinite(d) && d > 0) seek.value = Math.round((video.currentTime / d) * 1000);
      time.textContent = clock(video.currentTime) + (isFinite(d) && d > 0 ? " / " + clock(d) : "");
    }
    function toggle() {
      if (video.paused || video.ended) {
        var p = video.play();
        if (p && p.catch) p.catch(function () { state(); });
      } else {
        video.pause();
      }
    }
    play.addEventListener("click", toggle);
    video.addEventListener("click", toggle);
    mute.addEventListener("click", function () {
      video.muted = !video.muted;
      state();
    });
    full.addEventListener("click", function () {
      if (fullscreenElement()) {
        (document.exitFullscreen || document.webkitExitFullscreen).call(document);
      } else if (frame.requestFullscreen) {
        frame.requestFullscreen().catch(function () {});
      } else if (frame.webkitRequestFullscreen) {
        frame.webkitRequestFullscreen();
      } else if (video.webkitEnterFullscreen) {
        video.webkitEnterFullscreen(); // iOS: the system's player
      }
    });
    seek.addEventListener("input", function () {
      seeking = true;
      var d = video.duration;
      if (isFinite(d) && d > 0) time.textContent = clock((seek.value / 1000) * d) + " / " + clock(d);
    });
    seek.addEventListener("change", function () {
      var d = video.duration;
      if (isFinite(d) && d > 0) video.currentTime = (seek.value / 1000) * d;
      seeking = false;
    });
    frame.addEventListener("keydown", function (e) {
      if (e.target === seek) return;
      if (e.key === " " || e.key === "k") {
        e.preventDefault();
        toggle();
      } else if (e.key === "m") {
        video.muted = !video.muted;
        state();
      }
    });
    ["play", "pause", "ended", "volumechange"].forEach(function (t) { video.addEventListener(t, state); });
    ["timeupdate", "durationchange", "loadedmetadata", "seeked"].forEach(function (t) { video.addEventListener(t, progress); });
    document.addEventListener("fullscreenchange", state);
    document.addEventListener("webkitfullscreenchange", state);
    state();
    progress();
  });

  document.querySelectorAll("[data-gallery]").forEach(function (gallery) {
    var thumbs = Array.prototype.slice.call(gallery.querySelectorAll(".gallery-thumb"));
    var viewer = gallery.querySelector("[data-viewer]");
    if (!thumbs.length || !viewer) return;
    // The viewer covers the page: it lives at the end of the body, above
    // every other layer.
    document.body.appendChild(viewer);
    var img = viewer.querySelector("[data-image]");
    var count = viewer.querySelector("[data-count]");
    var caption = viewer.querySelector("[data-caption]");
    var closeBtn = viewer.querySelector("[data-close]");
    var of = gallery.getAttribute("data-of") || "/";
    var index = 0, opener = null;

    function show(i) {
      index = (i + thumbs.length) % thumbs.length;
      var t = thumbs[index];
      img.removeAttribute("srcset");
      if (t.dataset.srcset) img.setAttribute("srcset", t.dataset.srcset);
      img.src = t.dataset.full;
      img.alt = t.dataset.alt || "";
      count.textContent = (index + 1) + " " + of + " " + thumbs.length;
      viewer.setAttribute("data-index", String(index + 1));
      caption.textContent = t.dataset.caption || "";
      if (t.dataset.credit) {
        var c = document.createElement("span");
        c.className = "credit";
        c.textContent = (t.dataset.caption ? " " : "") + t.dataset.credit;
        caption.appendChild(c);
      }
    }
    function open(i) {
      opener = document.activeElement;
      viewer.hidden = false;
      document.body.classList.add("viewer-open");
      show(i);
      closeBtn.focus();
    }
    function close() {
      viewer.hidden = true;
      document.body.classList.remove("viewer-open");
      if (opener && opener.focus) opener.focus();
    }
    thumbs.forEach(function (t, i) {
      t.addEventListener("click", function (e) {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button) return;
        e.preventDefault();
        open(i);
      });
    });
    viewer.querySelector("[data-prev]").addEventListener("click", function () { show(index - 1); });
    viewer.querySelector("[data-next]").addEventListener("click", function () { show(index + 1); });
    closeBtn.addEventListener("click", close);
    viewer.addEventListener("keydown", function (e) {
      if (e.key === "ArrowLeft") { e.preventDefault(); show(index - 1); }
      else if (e.key === "ArrowRight") { e.preventDefault(); show(index + 1); }
      else if (e.key === "Escape") { e.preventDefault(); close(); }
      else if (e.key === "Tab") {
        // Keep the focus in the dialog.
        var f = viewer.querySelectorAll("button");
        var first = f[0], last = f[f.length - 1];
        if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
        else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
      }
    });
    // Swipes: left and right move, down closes.
    var sx = 0, sy = 0, tracking = false;
    viewer.addEventListener("touchstart", function (e) {
      if (e.touches.length !== 1) { tracking = false; return; }
      tracking = true;
      sx = e.touches[0].clientX;
      sy = e.touches[0].clientY;
    }, { passive: true });
    viewer.addEventListener("touchend", function (e) {
      if (!tracking || !e.changedTouches.length) return;
      tracking = false;
      var dx = e.changedTouches[0].clientX - sx, dy = e.changedTouches[0].clientY - sy;
      if (Math.abs(dx) > 40 && Math.abs(dx) > Math.abs(dy)) show(dx < 0 ? index + 1 : index - 1);
      else if (dy > 80 && dy > Math.abs(dx)) close();
    });
  });
})();
