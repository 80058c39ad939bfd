#!/usr/bin/env python3
"""Converts world-atlas TopoJSON country shapes into the compact text file the map page draws.

Input: countries-50m.json from the npm package world-atlas (ISC licence, (c) Michael Bostock;
the shapes are Natural Earth's, public domain). Output (stdout): one line per country,
`id<TAB>name<TAB>rings`, rings separated by `|`, each ring `x y dx dy dx dy ...` in hundredths
of a degree (x = longitude, y = latitude), the first point absolute and the others as deltas.
Arcs are simplified with Douglas-Peucker at --tolerance degrees before rings are assembled,
so two countries sharing a border still share the same simplified points.

Run through tools/web/build_countries.sh, which fetches the package with npm.
"""

import argparse
import json
import sys


def decode_arcs(topology):
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify(points, tolerance):
    """Douglas-Peucker, iterative; keeps both ends."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, best_i = -1.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if norm == 0:
                d = ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            else:
                d = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm
            if d > best:
                best, best_i = d, i
        if best_i is not None and best > tolerance:
            keep[best_i] = True
            stack.append((first, best_i))
            stack.append((best_i, last))
    return [p for p, k in zip(points, keep) if k]


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def encode(points):
    out = []
    px = py = None
    for x, y in points:
        qx, qy = round(x * 100), round(y * 100)
        if px is None:
            out += [qx, qy]
        else:
            if qx == px and qy == py:
                continue
            out += [qx - px, qy - py]
        px, py = qx, qy
    return " ".join(str(v) for v in out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("topojson")
    parser.add_argument("--tolerance", type=float, default=0.05)
    args = parser.parse_args()
    topology = json.load(open(args.topojson, encoding="utf-8"))
    arcs = [simplify(a, args.tolerance) for a in decode_arcs(topology)]
    print("# Country shapes for the map page of `recoupe serve` (crates/recoupe-server/src/map.rs).")
    print("# Source: npm package world-atlas 2.0.2, countries-50m.json (ISC licence, (c) 2013-2019 Michael Bostock);")
    print("# the shapes are Natural Earth's (public domain). Built by tools/web/build_countries.sh:")
    print(f"# arcs simplified (Douglas-Peucker, {args.tolerance} degree), hundredths of a degree, delta-encoded.")
    print("# id<TAB>name<TAB>rings separated by |, each `lon lat dlon dlat ...`")
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        if kind == "Polygon":
            polygons = [geometry["arcs"]]
        elif kind == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = []
        for polygon in polygons:
            for ring in polygon:
                points = ring_points(ring, arcs)
                if len(points) >= 4:
                    rings.append(encode(points))
        if not rings:
            continue
        name = geometry.get("properties", {}).get("name", "")
        ident = geometry.get("id", "")
        print(f"{ident}\t{name}\t{'|'.join(rings)}")


if __name__ == "__main__":
    sys.exit(main())
