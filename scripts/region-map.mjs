// Prepares the locator maps' outlines at build time: Natural Earth 1:50m country shapes
// (public domain, via the world-atlas package), clipped to the region the glossary covers
// and rounded to 0.02° (about 2 km: finer than a 320-pixel map can show).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);

/** West, south, east, north: the eastern Mediterranean to Iran, Turkey to Yemen. */
export const REGION_BBOX = [20, 8, 66, 46];
const PRECISION = 0.02;

/**
 * Names as the card says them ("Location of Gaza City in the Palestinian territories"):
 * Natural Earth's short forms spelled out, and the wire services' neutral usage for the
 * territories whose status is disputed.
 */
const DISPLAY_NAMES = {
  Palestine: 'the Palestinian territories',
  'United Arab Emirates': 'the United Arab Emirates',
  'N. Cyprus': 'Northern Cyprus',
  'Bosnia and Herz.': 'Bosnia and Herzegovina',
  'Central African Rep.': 'the Central African Republic',
  'S. Sudan': 'South Sudan',
};

export function buildRegionMap(core) {
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
  const countries = [];
  for (const f of feature(topology, topology.objects.countries).features) {
    if (!f.geometry) continue;
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const rings = [];
    for (const polygon of polygons) {
      for (const ring of polygon) {
        const flat = core.clipRing(ring.flat(), REGION_BBOX);
        const rounded = [];
        for (let i = 0; i < flat.length; i += 2) {
          const lon = Math.round(flat[i] / PRECISION) * PRECISION;
          const lat = Math.round(flat[i + 1] / PRECISION) * PRECISION;
          const n = rounded.length;
          if (n && rounded[n - 2] === lon && rounded[n - 1] === lat) continue;
          rounded.push(Number(lon.toFixed(2)), Number(lat.toFixed(2)));
        }
        if (rounded.length >= 6) rings.push(rounded);
      }
    }
    if (rings.length) countries.push({ name: DISPLAY_NAMES[f.properties.name] ?? f.properties.name, rings });
  }
  return { bbox: REGION_BBOX, countries };
}
