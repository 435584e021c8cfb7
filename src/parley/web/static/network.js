// The co-attendance graph: data from the JSON API, laid out by fCoSE and drawn by Cytoscape.js
// (both served from /static/vendor, no CDN). Labels are drawn on the canvas; the side panel is
// built with textContent only, so names from reports are never parsed as HTML.
//
// Zooming spreads the graph out rather than magnifying it: nodes, links and labels keep their
// size on screen, so a closer look has room for more labels. Which nodes are labelled is decided
// after every zoom or pan: the most active first (the clicked node and its neighbours before
// them), each only if its label overlaps no label already placed.
(function () {
  "use strict";

  var LABEL_PX = 12;  // label size on screen
  var GAP = 3;  // screen pixels kept free between two labels
  var PAD = 48;  // screen pixels between the outermost nodes and the canvas edge

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function pageOf(d) {
    if (d.kind === "person") return d.page ? "/people/" + encodeURI(d.key) : null;
    if (d.kind === "state") return "/timeline?state=" + encodeURIComponent(d.key);
    return null;
  }

  function info(panel, node) {
    var d = node.data();
    panel.replaceChildren();
    panel.appendChild(el("h2", d.label));
    panel.appendChild(el("p", (d.kind === "state" ? "State" : d.kind === "person" ? "Person" : "Organisation") +
      " · " + d.meetings + (d.meetings === 1 ? " meeting" : " meetings"), { "class": "muted" }));
    var href = pageOf(d);
    if (href) panel.appendChild(el("p")).appendChild(el("a", d.kind === "state" ? "Its meetings" : "Open page", { href: href }));
    var links = node.connectedEdges().map(function (e) {
      var other = e.source().id() === node.id() ? e.target() : e.source();
      return { label: other.data("label"), w: e.data("weight") };
    }).sort(function (a, b) { return b.w - a.w || a.label.localeCompare(b.label); }).slice(0, 12);
    if (links.length) {
      panel.appendChild(el("h3", "Met most often"));
      var ul = el("ul", null, { "class": "plain" });
      links.forEach(function (l) { ul.appendChild(el("li", l.label + " — " + l.w)); });
      panel.appendChild(ul);
    }
  }

  function overlaps(a, b) {
    return a.x1 < b.x2 + GAP && b.x1 < a.x2 + GAP && a.y1 < b.y2 + GAP && b.y1 < a.y2 + GAP;
  }

  // Label the nodes greedily, most important first, skipping any whose label would touch a
  // label or a labelled node already placed, or leave the canvas. Labelled nodes are drawn
  // above the others (z-index), so the unlabelled ones never hide a label.
  function placeLabels(cy) {
    var w = cy.width(), h = cy.height();
    var focus = cy.nodes(".focus");
    var near = focus.closedNeighborhood().nodes();
    function rank(n) { return (focus.contains(n) ? 2e9 : near.contains(n) ? 1e9 : 0) + n.data("meetings"); }
    var order = cy.nodes().not(".faded").sort(function (a, b) {
      return rank(b) - rank(a) || (a.id() < b.id() ? -1 : 1);
    });
    var labels = [], bodies = [];  // of the nodes labelled so far
    cy.batch(function () {
      cy.nodes().removeClass("labelled");
      order.addClass("labelled");
    });
    cy.batch(function () {
      order.forEach(function (n) {
        var label = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
        var body = n.renderedBoundingBox({ includeLabels: false, includeEdges: false });
        var inside = label.x1 >= 0 && label.x2 <= w && label.y1 >= 0 && label.y2 <= h;
        function clear(b) { return !overlaps(b, label) && !overlaps(b, body); }
        if (inside && labels.every(clear) && bodies.every(function (b) { return !overlaps(b, label); })) {
          labels.push(label);
          bodies.push(body);
        } else n.removeClass("labelled");
      });
    });
  }

  // Stretch the layout to the canvas's proportions (only ever pulling nodes apart), then zoom
  // so that the outermost nodes sit PAD pixels from the edges.
  function fill(cy) {
    var nodes = cy.nodes();
    if (nodes.length < 2) { cy.zoom(1); cy.center(); return; }
    var xs = nodes.map(function (n) { return n.position("x"); });
    var ys = nodes.map(function (n) { return n.position("y"); });
    var x0 = Math.min.apply(null, xs), y0 = Math.min.apply(null, ys);
    var bw = Math.max.apply(null, xs) - x0 || 1, bh = Math.max.apply(null, ys) - y0 || 1;
    var want = (cy.width() - 2 * PAD) / Math.max(1, cy.height() - 2 * PAD);
    var sx = Math.max(1, want * bh / bw), sy = Math.max(1, bw / (want * bh));
    nodes.positions(function (n) { return { x: (n.position("x") - x0) * sx, y: (n.position("y") - y0) * sy }; });
    var zoom = Math.min((cy.width() - 2 * PAD) / (bw * sx), (cy.height() - 2 * PAD) / (bh * sy));
    cy.zoom(zoom);
    cy.pan({ x: (cy.width() - bw * sx * zoom) / 2, y: (cy.height() - bh * sy * zoom) / 2 });
  }

  // Sizes in screen pixels, set as each element's own style after every zoom: labels keep
  // their size; nodes and links too, but shrink when the graph is smaller than the layout made
  // it (they would overlap). Set directly rather than through style functions, whose label
  // measurements Cytoscape would keep from the previous zoom.
  function rescale(cy, maxW, maxM) {
    var z = cy.zoom(), body = 1 / Math.max(1, z);
    cy.batch(function () {
      cy.nodes().forEach(function (n) {
        var size = (14 + 26 * Math.sqrt(n.data("meetings") / maxM)) * body;
        n.style({ "width": size, "height": size, "font-size": LABEL_PX / z, "text-margin-y": 3 / z,
                  "text-outline-width": 2 / z });
      });
      cy.edges().forEach(function (e) { e.style("width", (0.6 + 4 * e.data("weight") / maxW) * body); });
    });
  }

  var STYLE = [
    { selector: "node", style: {
      "label": "", "color": "#1f2a37", "text-valign": "bottom", "text-outline-color": "#fff",
      "background-color": "#3b6ea5", "border-width": 1, "border-color": "#fff" } },
    { selector: "node.labelled", style: { "label": "data(label)", "z-index": 10 } },
    { selector: "node.state", style: { "shape": "round-rectangle", "background-color": "#c9822b", "font-weight": "bold" } },
    { selector: "node.organization", style: { "shape": "diamond", "background-color": "#6c8a3c" } },
    { selector: "edge", style: { "line-color": "#9fb3c8", "opacity": 0.4, "curve-style": "haystack" } },
    { selector: "node.focus", style: { "border-width": 3, "border-color": "#0b3d6e" } },
    { selector: "edge.near", style: { "line-color": "#3b6ea5", "opacity": 0.8 } },
    { selector: ".faded", style: { "opacity": 0.1 } },
  ];

  function draw() {
    var box = document.getElementById("network");
    var status = document.getElementById("net-status");
    var panel = document.getElementById("net-info");
    if (!box || typeof cytoscape !== "function") {
      if (status) status.textContent = "The graph library did not load.";
      return;
    }
    fetch(box.getAttribute("data-api"), { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (net) {
        var maxW = net.edges.reduce(function (a, e) { return Math.max(a, e.weight); }, 1);
        var maxM = net.nodes.reduce(function (a, n) { return Math.max(a, n.meetings); }, 1);
        var cy = cytoscape({
          container: box,
          elements: net.nodes.map(function (n) { return { data: n, classes: n.kind }; })
            .concat(net.edges.map(function (e) { return { data: e }; })),
          minZoom: 0.02,
          maxZoom: 50,
          wheelSensitivity: 0.3,
          style: STYLE,
          layout: { name: "preset" },
        });
        rescale(cy, maxW, maxM);
        if (net.nodes.length > 1) {
          cy.layout({ name: typeof cytoscapeFcose === "function" ? "fcose" : "cose", animate: false, fit: false,
                      quality: "proof", randomize: true, packComponents: true, nodeSeparation: 80, gravity: 0.1,
                      nodeRepulsion: function () { return 40000; },
                      idealEdgeLength: function (e) { return 80 + 160 * (1 - e.data("weight") / maxW); },
                      edgeElasticity: function (e) { return 0.1 + 0.35 * e.data("weight") / maxW; } }).run();
        }
        fill(cy);
        rescale(cy, maxW, maxM);
        placeLabels(cy);

        var pending = false;
        cy.on("viewport", function () {
          if (pending) return;
          pending = true;
          window.requestAnimationFrame(function () { pending = false; rescale(cy, maxW, maxM); placeLabels(cy); });
        });
        cy.on("tap", "node", function (ev) {
          var node = ev.target, near = node.closedNeighborhood();
          cy.batch(function () {
            cy.elements().removeClass("focus near").addClass("faded");
            near.removeClass("faded");
            node.addClass("focus");
            node.connectedEdges().addClass("near");
          });
          placeLabels(cy);
          info(panel, node);
        });
        cy.on("tap", function (ev) {
          if (ev.target !== cy) return;
          cy.elements().removeClass("faded focus near");
          placeLabels(cy);
        });
        cy.on("dbltap", "node", function (ev) { var href = pageOf(ev.target.data()); if (href) window.location.href = href; });
        status.textContent = net.nodes.length + " nodes, " + net.edges.length + " links from " + net.meetings +
          " meetings" + (net.truncated ? " (the most active members only)" : "") + ". Zoom in for more names.";
        // For scripts and the browser tests: the graph as drawn.
        window.parleyNetwork = cy;
        box.setAttribute("data-ready", "1");
      })
      .catch(function (err) { status.textContent = "Could not load the network: " + err.message; });
  }

  document.addEventListener("DOMContentLoaded", draw);
})();
