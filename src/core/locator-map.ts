/**
 * Small locator maps for places: country outlines of the region (Natural Earth, prepared at
 * build time), a window around the place, an equirectangular projection corrected for
 * latitude, and the place marked. No tiles, no network: the outlines ship with the extension.
 */

/** A ring as a flat list of lon, lat pairs. */
export type Ring = number[];

export interface RegionMap {
  /** [west, south, east, north] of the data, in degrees. */
  bbox: [number, number, number, number];
  countries: { name: string; rings: Ring[] }[];
}

export interface LocatorMap {
  width: number;
  height: number;
  /** Country shapes as SVG path data in the map's pixel space; `home` holds the place. */
  shapes: { name: string; d: string; home: boolean }[];
  marker: { x: number; y: number };
  /** The country the place is in, if the outlines say so. */
  country: string | null;
}

export const MAP_WIDTH = 320;
export const MAP_HEIGHT = 170;

/** Clips a ring to a rectangle (Sutherland–Hodgman); rectangles are convex, so this is exact. */
export function clipRing(ring: Ring, [west, south, east, north]: [number, number, number, number]): Ring {
  type Edge = (x: number, y: number) => boolean;
  const edges: [Edge, (ax: number, ay: number, bx: number, by: number) => [number, number]][] = [
    [(x) => x >= west, (ax, ay, bx, by) => [west, ay + ((by - ay) * (west - ax)) / (bx - ax)]],
    [(x) => x <= east, (ax, ay, bx, by) => [east, ay + ((by - ay) * (east - ax)) / (bx - ax)]],
    [(_, y) => y >= south, (ax, ay, bx, by) => [ax + ((bx - ax) * (south - ay)) / (by - ay), south]],
    [(_, y) => y <= north, (ax, ay, bx, by) => [ax + ((bx - ax) * (north - ay)) / (by - ay), north]],
  ];
  let points = ring;
  for (const [inside, cross] of edges) {
    const out: number[] = [];
    const n = points.length / 2;
    for (let i = 0; i < n; i++) {
      const ax = points[2 * i]!;
      const ay = points[2 * i + 1]!;
      const bx = points[2 * ((i + 1) % n)]!;
      const by = points[2 * ((i + 1) % n) + 1]!;
      const aIn = inside(ax, ay);
      const bIn = inside(bx, by);
      if (aIn) out.push(ax, ay);
      if (aIn !== bIn) out.push(...cross(ax, ay, bx, by));
    }
    points = out;
    if (points.length === 0) break;
  }
  return points;
}

/** Even–odd point-in-polygon over all rings (holes included). */
export function ringsContain(rings: readonly Ring[], lon: number, lat: number): boolean {
  let inside = false;
  for (const ring of rings) {
    const n = ring.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = ring[2 * i]!;
      const yi = ring[2 * i + 1]!;
      const xj = ring[2 * j]!;
      const yj = ring[2 * j + 1]!;
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** How far (degrees) a coastal point may lie outside the simplified coastline and still count. */
const COAST_TOLERANCE = 0.35;

/** The country holding the point, or for a point just off a simplified coast, the nearest one. */
export function homeCountry(map: RegionMap, lon: number, lat: number): string | null {
  for (const c of map.countries) if (ringsContain(c.rings, lon, lat)) return c.name;
  let nearest: string | null = null;
  let best = COAST_TOLERANCE * COAST_TOLERANCE;
  for (const c of map.countries) {
    for (const ring of c.rings) {
      for (let i = 0; i < ring.length; i += 2) {
        const d = (ring[i]! - lon) ** 2 + (ring[i + 1]! - lat) ** 2;
        if (d < best) {
          best = d;
          nearest = c.name;
        }
      }
    }
  }
  return nearest;
}

/** Degrees of latitude the window spans around a place: a few towns' worth of context. */
const PLACE_SPAN_LAT = 5;

/**
 * The map for a place at `lat, lon`. `spanLat` widens the window (for a country, its extent).
 * Returns null where the region's outlines do not reach.
 */
export function locatorMap(map: RegionMap, lat: number, lon: number, spanLat = PLACE_SPAN_LAT): LocatorMap | null {
  const [west, south, east, north] = map.bbox;
  if (lon < west || lon > east || lat < south || lat > north) return null;
  const cos = Math.cos((lat * Math.PI) / 180);
  const spanLon = (spanLat * (MAP_WIDTH / MAP_HEIGHT)) / cos;
  const window: [number, number, number, number] = [lon - spanLon / 2, lat - spanLat / 2, lon + spanLon / 2, lat + spanLat / 2];
  const x = (lo: number): number => ((lo - window[0]) / spanLon) * MAP_WIDTH;
  const y = (la: number): number => ((window[3] - la) / spanLat) * MAP_HEIGHT;
  const country = homeCountry(map, lon, lat);
  const shapes: LocatorMap['shapes'] = [];
  for (const c of map.countries) {
    const home = c.name === country;
    let d = '';
    for (const ring of c.rings) {
      const clipped = clipRing(ring, window);
      if (clipped.length < 6) continue;
      d += 'M';
      for (let i = 0; i < clipped.length; i += 2) {
        d += `${i ? 'L' : ''}${x(clipped[i]!).toFixed(1)},${y(clipped[i + 1]!).toFixed(1)}`;
      }
      d += 'Z';
    }
    if (d) shapes.push({ name: c.name, d, home });
  }
  // The home country last, so that its border draws over its neighbours'.
  shapes.sort((a, b) => Number(a.home) - Number(b.home));
  return { width: MAP_WIDTH, height: MAP_HEIGHT, shapes, marker: { x: x(lon), y: y(lat) }, country };
}

/** The latitude span that shows a whole country: its outline's extent, with a margin. */
export function countrySpan(map: RegionMap, name: string): number | null {
  const country = map.countries.find((c) => c.name === name);
  if (!country) return null;
  let south = Infinity;
  let north = -Infinity;
  let west = Infinity;
  let east = -Infinity;
  for (const ring of country.rings) {
    for (let i = 0; i < ring.length; i += 2) {
      west = Math.min(west, ring[i]!);
      east = Math.max(east, ring[i]!);
      south = Math.min(south, ring[i + 1]!);
      north = Math.max(north, ring[i + 1]!);
    }
  }
  const midLat = (south + north) / 2;
  const lonAsLat = ((east - west) * Math.cos((midLat * Math.PI) / 180) * MAP_HEIGHT) / MAP_WIDTH;
  return Math.max(north - south, lonAsLat) * 1.3 + 1;
}
