"""GraphML: the graph of meetings, people, states, organisations and agreements, for Gephi,
yEd, networkx and the like. Parties are typed by parley.record.Party (CIS is an organisation)."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any
from xml.sax.saxutils import escape, quoteattr

from parley.export.base import Exporter, register

if TYPE_CHECKING:
    from parley.store.read import Conn


class GraphMl(Exporter):
    name = "graphml"
    kinds = ("graph",)

    def write(self, conn: Conn, kind: str, out: IO[Any], *, include_rejected: bool = False) -> int:
        from parley.export import rows

        nodes, edges = rows.graph(conn, include_rejected)
        out.write(graphml(nodes, edges))
        return len(nodes) + len(edges)


def graphml(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> str:
    node_keys = sorted({k for n in nodes for k in n if k != "id"})
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']
    for k in node_keys:
        lines.append(f'  <key id="n_{k}" for="node" attr.name="{k}" attr.type="string"/>')
    lines.append('  <key id="e_kind" for="edge" attr.name="kind" attr.type="string"/>')
    lines.append('  <key id="e_weight" for="edge" attr.name="weight" attr.type="int"/>')
    lines.append('  <graph id="parley" edgedefault="directed">')
    for n in nodes:
        lines.append(f"    <node id={quoteattr(n['id'])}>")
        for k in node_keys:
            if n.get(k) not in (None, ""):
                lines.append(f'      <data key="n_{k}">{escape(str(n[k]))}</data>')
        lines.append("    </node>")
    for i, e in enumerate(edges):
        lines.append(f"    <edge id=\"e{i}\" source={quoteattr(e['source'])} target={quoteattr(e['target'])}>")
        lines.append(f'      <data key="e_kind">{escape(e["kind"])}</data>')
        lines.append(f'      <data key="e_weight">{int(e["weight"])}</data>')
        lines.append("    </edge>")
    lines += ["  </graph>", "</graphml>", ""]
    return "\n".join(lines)


register(GraphMl())
