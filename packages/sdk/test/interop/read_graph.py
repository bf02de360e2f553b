"""Reads a GEXF or GraphML export with NetworkX or igraph and prints what the reader sees as JSON.

Usage: read_graph.py networkx|igraph gexf|graphml FILE. Prints {"error": message} when the reader
refuses the file, so the test can assert on documented refusals too.
"""
import json
import sys


def plain(value):
    # igraph stores numbers as floats and missing string attributes as "" or None; keep JSON simple.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def with_networkx(kind, path):
    import networkx as nx

    graph = nx.read_gexf(path) if kind == "gexf" else nx.read_graphml(path)
    edges = []
    for source, target, key, data in graph.edges(keys=True, data=True):
        attributes = {k: plain(v) for k, v in data.items()}
        edges.append({"id": attributes.get("id", key), "source": source, "target": target, "attributes": attributes})
    nodes = [{"id": node, "attributes": {k: plain(v) for k, v in data.items()}} for node, data in graph.nodes(data=True)]
    return {
        "reader": "networkx " + nx.__version__,
        "directed": graph.is_directed(),
        "nodes": nodes,
        "edges": edges,
    }


def with_igraph(kind, path):
    import igraph

    if kind != "graphml":
        raise ValueError("igraph reads GraphML, not GEXF")
    graph = igraph.Graph.Read_GraphML(path)
    names = graph.vs["id"]
    nodes = [
        {"id": v["id"], "attributes": {k: plain(x) for k, x in v.attributes().items() if x not in ("", None)}}
        for v in graph.vs
    ]
    edges = []
    for e in graph.es:
        attributes = {k: plain(x) for k, x in e.attributes().items() if x not in ("", None)}
        edges.append({"id": attributes.get("id"), "source": names[e.source], "target": names[e.target], "attributes": attributes})
    return {"reader": "igraph " + igraph.__version__, "directed": graph.is_directed(), "nodes": nodes, "edges": edges}


def main():
    reader, kind, path = sys.argv[1:4]
    try:
        result = with_networkx(kind, path) if reader == "networkx" else with_igraph(kind, path)
    except Exception as error:  # the reader's own refusal, reported as data
        result = {"error": "%s: %s" % (type(error).__name__, error)}
    json.dump(result, sys.stdout, ensure_ascii=False)


main()
