import type { RegionMap } from '../src/core/locator-map.js';

export const REGION_BBOX: [number, number, number, number];
export function buildRegionMap(core: typeof import('../src/core/index.js')): RegionMap;
