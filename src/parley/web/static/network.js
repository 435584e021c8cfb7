// The co-attendance graph: data from the JSON API, drawn by Cytoscape.js (served from
// /static/vendor, no CDN). Labels are drawn on the canvas; the side panel is built with
// textContent only, so names from reports are never parsed as HTML.
(function () {
  "use strict";

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
        var elements = net.nodes.map(function (n) { return { data: n, classes: n.kind }; })
          .concat(net.edges.map(function (e) { return { data: e }; }));
        var cy = cytoscape({
          container: box,
          elements: elements,
          minZoom: 0.2,
          maxZoom: 3,
          style: [
            { selector: "node", style: {
              "label": "data(label)", "font-size": 12, "color": "#1f2a37", "text-valign": "bottom", "text-margin-y": 3,
              "text-outline-color": "#fff", "text-outline-width": 2,
              "width": function (n) { return 14 + 26 * Math.sqrt(n.data("meetings") / maxM); },
              "height": function (n) { return 14 + 26 * Math.sqrt(n.data("meetings") / maxM); },
              "background-color": "#3b6ea5", "border-width": 1, "border-color": "#fff" } },
            { selector: "node.state", style: { "shape": "round-rectangle", "background-color": "#c9822b", "font-weight": "bold" } },
            { selector: "node.organization", style: { "shape": "diamond", "background-color": "#6c8a3c" } },
            { selector: "edge", style: {
              "width": function (e) { return 1 + 5 * (e.data("weight") / maxW); },
              "line-color": "#9fb3c8", "opacity": 0.55, "curve-style": "haystack" } },
            { selector: "node:selected", style: { "border-width": 3, "border-color": "#0b3d6e" } },
            { selector: ".faded", style: { "opacity": 0.12 } },
          ],
          layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 400000; },
                    idealEdgeLength: function () { return 140; }, nodeOverlap: 40, padding: 40 },
        });
        // A small graph fits by zooming in: keep labels at reading size instead.
        if (cy.zoom() > 1.1) { cy.zoom(1.1); cy.center(); }
        cy.on("tap", "node", function (ev) {
          var node = ev.target;
          cy.elements().addClass("faded");
          node.closedNeighborhood().removeClass("faded");
          info(panel, node);
        });
        cy.on("tap", function (ev) { if (ev.target === cy) cy.elements().removeClass("faded"); });
        cy.on("dbltap", "node", function (ev) { var href = pageOf(ev.target.data()); if (href) window.location.href = href; });
        status.textContent = net.nodes.length + " nodes, " + net.edges.length + " links from " + net.meetings +
          " meetings" + (net.truncated ? " (the most active members only)" : "") + ".";
        box.setAttribute("data-ready", "1");
      })
      .catch(function (err) { status.textContent = "Could not load the network: " + err.message; });
  }

  document.addEventListener("DOMContentLoaded", draw);
})();
