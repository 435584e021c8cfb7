// Small enhancements; every page works without them.
(function () {
  "use strict";

  // Evidence page: bring the first (or the #mN) highlighted passage into view below the sticky
  // "Evidence for" bar and let the reader step through the marks with the numbered links, the
  // side list, or the n / p keys. The bar's height goes into --sticky-h, which the marks'
  // scroll-margin-top uses: the browser's own jump to #mN then stops below the bar too.
  function evidence() {
    var marks = Array.prototype.slice.call(document.querySelectorAll("mark.evidence"));
    if (!marks.length) return;
    var bar = document.getElementById("evidence-bar");
    var jumps = Array.prototype.slice.call(document.querySelectorAll("a.jump[data-mark]"));
    var current = 0;
    var m = /^#m(\d+)$/.exec(window.location.hash);
    if (m && +m[1] < marks.length) current = +m[1];
    function measure() {
      var h = bar ? Math.ceil(bar.getBoundingClientRect().height) : 0;
      document.documentElement.style.setProperty("--sticky-h", h + "px");
    }
    function show(i) {
      marks.forEach(function (el) { el.classList.remove("current"); });
      current = (i + marks.length) % marks.length;
      marks[current].classList.add("current");
      measure();
      marks[current].scrollIntoView({ block: "start" });
      jumps.forEach(function (a) { a.classList.toggle("on", +a.getAttribute("data-mark") === current); });
    }
    jumps.forEach(function (a) {
      a.addEventListener("click", function (ev) {
        var k = +a.getAttribute("data-mark");
        ev.preventDefault();
        show(k);
        history.replaceState(null, "", "#m" + k);
      });
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.target && /input|textarea|select/i.test(ev.target.tagName)) return;
      if (ev.key === "n") show(current + 1);
      if (ev.key === "p") show(current - 1);
    });
    window.addEventListener("resize", measure);
    show(current);
    // The browser jumps to the fragment once more when the page has loaded: land below the bar again.
    window.addEventListener("load", function () { show(current); });
  }

  document.addEventListener("DOMContentLoaded", evidence);
})();
