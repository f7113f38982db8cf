// The audio player. Without this script the page offers the browser's own
// <audio controls> and a download link; with it, the player gets its own
// bar: play and pause, 15 seconds back, 30 forward, a seek bar, mute,
// speed, and the position beside the duration ("0:00 / 27:33"). Once
// playing, the bar docks to the foot of the window whenever the player
// scrolls out of sight, so listening goes on while the reader reads on.
(function () {
  "use strict";
  var speeds = [1, 1.25, 1.5, 2];

  function clock(s) {
    s = Math.max(0, Math.floor(s || 0));
    var h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, sec = s % 60;
    var mm = h > 0 && m < 10 ? "0" + m : String(m);
    return (h > 0 ? h + ":" : "") + mm + ":" + (sec < 10 ? "0" : "") + sec;
  }

  function setup(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    var audio = root.querySelector("audio");
    var bar = root.querySelector(".player-bar");
    var q = function (sel) { return root.querySelector(sel); };
    var play = q(".player-play"), back = q(".player-back"), fwd = q(".player-forward");
    var seek = q(".player-seek"), mute = q(".player-mute"), speed = q(".player-speed");
    var close = q(".player-close"), pos = q(".player-position"), dur = q(".player-duration");
    var known = parseFloat(root.dataset.duration) || 0;
    var seeking = false;

    audio.controls = false;
    audio.hidden = true;
    bar.hidden = false;

    function duration() {
      return isFinite(audio.duration) && audio.duration > 0 ? audio.duration : known;
    }
    function showTime() {
      var d = duration();
      if (!seeking) {
        seek.max = String(Math.floor(d));
        seek.value = String(Math.floor(audio.currentTime));
      }
      pos.textContent = clock(seeking ? seek.valueAsNumber : audio.currentTime);
      dur.textContent = clock(d);
      seek.setAttribute("aria-valuetext", pos.textContent + " / " + dur.textContent);
    }
    function showState() {
      var playing = !audio.paused && !audio.ended;
      root.classList.toggle("is-playing", playing);
      play.setAttribute("aria-label", playing ? play.dataset.pause : play.dataset.play);
      mute.setAttribute("aria-pressed", audio.muted ? "true" : "false");
      mute.setAttribute("aria-label", audio.muted ? mute.dataset.unmute : mute.dataset.mute);
      root.classList.toggle("is-muted", audio.muted);
    }
    function jump(by) {
      var t = Math.min(Math.max(0, audio.currentTime + by), duration() || Infinity);
      audio.currentTime = t;
      showTime();
    }

    play.addEventListener("click", function () {
      if (audio.paused || audio.ended) {
        // Other players on the page stop: one voice at a time.
        document.querySelectorAll("[data-player] audio").forEach(function (a) { if (a !== audio) a.pause(); });
        var p = audio.play();
        if (p && p.catch) p.catch(function () {});
      } else {
        audio.pause();
      }
    });
    back.addEventListener("click", function () { jump(-15); });
    fwd.addEventListener("click", function () { jump(30); });
    mute.addEventListener("click", function () { audio.muted = !audio.muted; showState(); });
    speed.addEventListener("change", function () {
      var v = parseFloat(speed.value);
      audio.playbackRate = speeds.indexOf(v) >= 0 ? v : 1;
    });
    seek.addEventListener("input", function () { seeking = true; showTime(); });
    seek.addEventListener("change", function () {
      seeking = false;
      audio.currentTime = seek.valueAsNumber;
      showTime();
    });
    close.addEventListener("click", function () {
      audio.pause();
      root.classList.remove("is-docked", "was-played");
    });
    ["timeupdate", "durationchange", "loadedmetadata", "seeked"].forEach(function (e) { audio.addEventListener(e, showTime); });
    ["play", "pause", "ended", "volumechange"].forEach(function (e) { audio.addEventListener(e, showState); });
    audio.addEventListener("play", function () {
      // Only the player playing now may dock.
      document.querySelectorAll("[data-player]").forEach(function (p) {
        if (p !== root) p.classList.remove("was-played", "is-docked");
      });
      root.classList.add("was-played");
    });

    // Dock the bar while the player is out of sight and has been played.
    if ("IntersectionObserver" in window) {
      var spot = document.createElement("div");
      spot.className = "player-spot";
      root.insertBefore(spot, bar);
      new IntersectionObserver(function (entries) {
        var out = !entries[0].isIntersecting;
        root.classList.toggle("is-docked", out && root.classList.contains("was-played"));
      }).observe(spot);
      audio.addEventListener("play", function () {
        var r = spot.getBoundingClientRect();
        root.classList.toggle("is-docked", r.bottom < 0 || r.top > window.innerHeight);
      });
    }
    showTime();
    showState();
  }

  document.querySelectorAll("[data-player]").forEach(setup);
})();
