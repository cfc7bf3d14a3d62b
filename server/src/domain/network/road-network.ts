import distance from '@turf/distance';
import type { GeoPoint } from '@rasd/shared';
import { locateOn, pointAt, walk, type CorridorLine } from '../geo/corridor-line';

/** A place on the network: a km along one corridor. */
export interface NetPoint {
  corridorId: string;
  km: number;
}

interface Node extends NetPoint {
  id: number;
}

interface Edge {
  to: number;
  km: number;
  /** Along a corridor (with the direction walked) or a short connector at a junction. */
  along: { direction: 1 | -1 } | null;
}

export interface RoadNetwork {
  lines: ReadonlyMap<string, CorridorLine>;
  nodes: readonly Node[];
  edges: ReadonlyMap<number, readonly Edge[]>;
}

/** Corridors closer than this are taken to meet (the schematic centre-lines are good to 1–2 km). */
const junctionKm = 0.6;
const sampleKm = 0.25;

/** Shortest way between two kms of one corridor (round a ring either way). */
export function alongKm(line: CorridorLine, a: number, b: number): number {
  const d = Math.abs(a - b);
  return line.closed ? Math.min(d, line.lengthKm - d) : d;
}

/** Where corridor `a` meets corridor `b`: one point per meeting, the closest of the samples there. */
function junctions(a: CorridorLine, b: CorridorLine): { kmA: number; kmB: number; gapKm: number }[] {
  const close: { kmA: number; kmB: number; gapKm: number }[] = [];
  // Only samples inside b's bounding box (grown by the junction distance) can be near b.
  const margin = junctionKm / 100;
  const lons = b.line.geometry.coordinates.map((c) => c[0]!);
  const lats = b.line.geometry.coordinates.map((c) => c[1]!);
  const [w, e, s, n] = [Math.min(...lons) - margin, Math.max(...lons) + margin, Math.min(...lats) - margin, Math.max(...lats) + margin];
  for (let km = 0; km <= a.lengthKm; km += sampleKm) {
    const p = pointAt(a, km);
    if (p.lon < w || p.lon > e || p.lat < s || p.lat > n) continue;
    const onB = locateOn(b, p);
    if (onB.offKm <= junctionKm) close.push({ kmA: km, kmB: onB.km, gapKm: onB.offKm });
  }
  const meetings: typeof close = [];
  for (const c of close) {
    const last = meetings[meetings.length - 1];
    if (last && c.kmA - last.kmA <= 1.5) {
      if (c.gapKm < last.gapKm) meetings[meetings.length - 1] = c;
    } else meetings.push(c);
  }
  return meetings;
}

/** The corridors as a graph: their ends and junctions as nodes, the road between them as edges. */
export function buildRoadNetwork(lines: ReadonlyMap<string, CorridorLine>): RoadNetwork {
  const nodes: Node[] = [];
  const edges = new Map<number, Edge[]>();
  const addNode = (corridorId: string, km: number) => {
    const node = { id: nodes.length, corridorId, km };
    nodes.push(node);
    edges.set(node.id, []);
    return node.id;
  };
  const link = (from: number, to: number, km: number, along: Edge['along']) => {
    edges.get(from)!.push({ to, km, along });
    edges.get(to)!.push({ to: from, km, along: along && { direction: (-along.direction) as 1 | -1 } });
  };
  for (const a of lines.values()) {
    for (const b of lines.values()) {
      if (a.id >= b.id) continue;
      for (const j of junctions(a, b)) link(addNode(a.id, j.kmA), addNode(b.id, j.kmB), j.gapKm, null);
    }
  }
  for (const line of lines.values()) {
    if (!line.closed) {
      addNode(line.id, 0);
      addNode(line.id, line.lengthKm);
    }
    const own = nodes.filter((n) => n.corridorId === line.id).sort((x, y) => x.km - y.km);
    for (let i = 1; i < own.length; i++) link(own[i - 1]!.id, own[i]!.id, own[i]!.km - own[i - 1]!.km, { direction: 1 });
    if (line.closed && own.length > 1) link(own[own.length - 1]!.id, own[0]!.id, line.lengthKm - own[own.length - 1]!.km + own[0]!.km, { direction: 1 });
  }
  return { lines, nodes, edges };
}

/** The corridor point nearest a location, and how far off the network the location is. */
export function snap(network: RoadNetwork, location: GeoPoint): NetPoint & { offKm: number } {
  let best: (NetPoint & { offKm: number }) | null = null;
  for (const line of network.lines.values()) {
    const { km, offKm } = locateOn(line, location);
    if (!best || offKm < best.offKm) best = { corridorId: line.id, km, offKm };
  }
  return best!;
}

interface ShortestPaths {
  dist: Float64Array;
  /** The node each node was reached from (-1: straight from the start). */
  prev: Int32Array;
}

function dijkstra(network: RoadNetwork, from: NetPoint): ShortestPaths {
  const n = network.nodes.length;
  const dist = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const line = network.lines.get(from.corridorId)!;
  for (const node of network.nodes) if (node.corridorId === from.corridorId) dist[node.id] = alongKm(line, from.km, node.km);
  const done = new Uint8Array(n);
  // The graph has a few hundred nodes: a linear scan beats keeping a heap.
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && dist[i]! < Infinity && (u === -1 || dist[i]! < dist[u]!)) u = i;
    if (u === -1) break;
    done[u] = 1;
    for (const e of network.edges.get(u)!) {
      if (dist[u]! + e.km < dist[e.to]!) {
        dist[e.to] = dist[u]! + e.km;
        prev[e.to] = u;
      }
    }
  }
  return { dist, prev };
}

/** Travel distance from `from` to any point of the network, km, along the corridors. */
export function travelFrom(network: RoadNetwork, from: NetPoint): (to: NetPoint) => number {
  const { dist } = dijkstra(network, from);
  const byCorridor = new Map<string, Node[]>();
  for (const node of network.nodes) byCorridor.set(node.corridorId, [...(byCorridor.get(node.corridorId) ?? []), node]);
  return (to) => {
    const line = network.lines.get(to.corridorId)!;
    let best = to.corridorId === from.corridorId ? alongKm(line, from.km, to.km) : Infinity;
    for (const node of byCorridor.get(to.corridorId) ?? []) best = Math.min(best, dist[node.id]! + alongKm(line, node.km, to.km));
    return best;
  };
}

/** The way along the corridors from one point to another, as a polyline (for moving simulated units). */
export function route(network: RoadNetwork, from: NetPoint, to: NetPoint): GeoPoint[] {
  const { dist, prev } = dijkstra(network, from);
  const target = network.lines.get(to.corridorId)!;
  const leg = (a: NetPoint, b: NetPoint): GeoPoint[] => {
    const line = network.lines.get(a.corridorId)!;
    const direct = Math.abs(b.km - a.km);
    const forward = b.km >= a.km ? 1 : -1;
    // Round a ring the other way when that is shorter.
    if (line.closed && line.lengthKm - direct < direct) return walk(line, a.km, line.lengthKm - direct, (-forward) as 1 | -1);
    return walk(line, a.km, direct, forward);
  };
  let last: Node | null = null;
  let best = to.corridorId === from.corridorId ? alongKm(target, from.km, to.km) : Infinity;
  for (const node of network.nodes) {
    if (node.corridorId !== to.corridorId) continue;
    const d = dist[node.id]! + alongKm(target, node.km, to.km);
    if (d < best) {
      best = d;
      last = node;
    }
  }
  if (!last) return leg(from, to);
  const chain: Node[] = [];
  for (let id = last.id; id !== -1; id = prev[id]!) chain.unshift(network.nodes[id]!);
  const points: GeoPoint[] = leg(from, chain[0]!);
  for (let i = 1; i < chain.length; i++) {
    const [a, b] = [chain[i - 1]!, chain[i]!];
    points.push(...(a.corridorId === b.corridorId ? leg(a, b) : [pointAt(network.lines.get(b.corridorId)!, b.km)]));
  }
  points.push(...leg(last, to));
  return points;
}

/** Straight-line distance, km (for the stretch from an off-road position onto the network). */
export const straightKm = (a: GeoPoint, b: GeoPoint) => distance([a.lon, a.lat], [b.lon, b.lat], { units: 'kilometers' });
