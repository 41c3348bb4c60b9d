/** Distances on the earth's surface, for "near home" ordering when the search engine is down. */

const EARTH_RADIUS_KM = 6371.0088;

/** A point in WGS-84 decimal degrees. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

/** Great-circle distance in kilometres (haversine), rounded to 0.1 km. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  return distanceKmBetween(a.lat, a.lng, b.lat, b.lng);
}

/** distanceKm of two points given as numbers, for loops over columns that should not build objects. */
export function distanceKmBetween(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLng = (bLng - aLng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h)) * 10) / 10;
}
