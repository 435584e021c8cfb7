// Small enhancements; every page works without them.
(function () {
  "use strict";

  // Evidence page: bring the first (or the #mN) highlighted passage into view and let the
  // reader step through the marks with the numbered links or the n / p keys.
  function evidence() {
    var marks = Array.prototype.slice.call(document.querySelectorAll("mark.evidence"));
    if (!marks.length) return;
    var current = 0;
    var m = /^#m(\d+)$/.exec(window.location.hash);
    if (m && +m[1] < marks.length) current = +m[1];
    function show(i) {
      marks.forEach(function (el) { el.classList.remove("current"); });
      current = (i + marks.length) % marks.length;
      marks[current].classList.add("current");
      marks[current].scrollIntoView({ block: "center" });
      var jumps = document.querySelectorAll(".marks-nav .jump");
      jumps.forEach(function (a, k) { a.classList.toggle("on", k === current); });
    }
    document.querySelectorAll(".marks-nav .jump").forEach(function (a, k) {
      a.addEventListener("click", function (ev) { ev.preventDefault(); show(k); history.replaceState(null, "", "#m" + k); });
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.target && /input|textarea|select/i.test(ev.target.tagName)) return;
      if (ev.key === "n") show(current + 1);
      if (ev.key === "p") show(current - 1);
    });
    show(current);
  }

  document.addEventListener("DOMContentLoaded", evidence);
})();
