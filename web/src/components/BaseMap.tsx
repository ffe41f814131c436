/**
 * A Leaflet map with no tiles: country boundaries from world-atlas (Natural
 * Earth, 1:50m), drawn as vectors from the bundle, names in the labels'
 * language. Points are circle markers (SVG), so no marker images are loaded.
 */
import countries from 'i18n-iso-countries';
import arNames from 'i18n-iso-countries/langs/ar.json';
import enNames from 'i18n-iso-countries/langs/en.json';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'preact/hooks';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-50m.json';
import { lang } from '../i18n.ts';

countries.registerLocale(arNames);
countries.registerLocale(enNames);

let land: GeoJSON.FeatureCollection | null = null;
function boundaries(): GeoJSON.FeatureCollection {
  if (!land) {
    const topo = atlas as unknown as Topology<{ countries: GeometryCollection }>;
    land = feature(topo, topo.objects.countries) as GeoJSON.FeatureCollection;
  }
  return land;
}

/** A country's name from an ISO code (alpha-2 or numeric), in the labels' language. */
export function countryName(code: string | null | undefined): string {
  if (!code) return '';
  const alpha2 = /^\d+$/.test(code) ? countries.numericToAlpha2(code) : code;
  return (alpha2 && countries.getName(alpha2, lang.value)) || code;
}

export interface MapPoint {
  readonly lat: number;
  readonly lon: number;
  readonly radius: number;
  readonly colour: string;
  readonly className: string;
  /** Shown on hover and in the popup, as text. */
  readonly label: string;
  readonly href?: string;
}

export function BaseMap(props: {
  points: readonly MapPoint[];
  height: number;
  /** Where to look when there are no points: around Iraq and Syria. */
  onOpen?: (href: string) => void;
  label: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const m = L.map(el.current, { attributionControl: true, worldCopyJump: true, minZoom: 2, maxZoom: 12 });
    m.attributionControl.setPrefix(false);
    m.attributionControl.addAttribution('Natural Earth · Leaflet');
    L.geoJSON(boundaries(), {
      style: { color: '#8a8f98', weight: 0.8, fillColor: '#eef0ec', fillOpacity: 1 },
      onEachFeature: (f, l) => {
        const name = countryName(String(f.id ?? ''));
        if (name) l.bindTooltip(name, { sticky: true, className: 'country-tip' });
      },
    }).addTo(m);
    m.setView([34, 41], 5);
    map.current = m;
    layer.current = L.layerGroup().addTo(m);
    // A map made before its box has its size (a column still laying out) draws nothing: follow the box.
    const resize = new ResizeObserver(() => m.invalidateSize());
    resize.observe(el.current);
    return () => {
      resize.disconnect();
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    const group = layer.current;
    if (!m || !group) return;
    group.clearLayers();
    const bounds: L.LatLngExpression[] = [];
    for (const p of props.points) {
      const marker = L.circleMarker([p.lat, p.lon], {
        radius: p.radius,
        color: p.colour,
        weight: 1.5,
        fillColor: p.colour,
        fillOpacity: 0.55,
        className: p.className,
      });
      // Tooltips and popups are given DOM nodes holding text, never HTML strings.
      const tip = document.createElement('span');
      tip.textContent = p.label;
      tip.lang = 'ar';
      tip.dir = 'auto';
      marker.bindTooltip(tip);
      if (p.href && props.onOpen) {
        const href = p.href;
        marker.on('click', () => props.onOpen?.(href));
      }
      marker.addTo(group);
      bounds.push([p.lat, p.lon]);
    }
    // Fit once the box has its final size (a grid column may still be laying out).
    const frame = requestAnimationFrame(() => {
      m.invalidateSize();
      if (bounds.length) m.fitBounds(L.latLngBounds(bounds), { padding: [30, 30], maxZoom: 7 });
    });
    return () => cancelAnimationFrame(frame);
  }, [props.points]);

  return <div class="map" ref={el} style={{ height: `${props.height}px` }} role="region" aria-label={props.label} />;
}
