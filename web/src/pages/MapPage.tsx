/**
 * The map: places named in the stored articles (sized by how many name
 * them) and located events (coloured by type), filtered by time and type.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, type EventItem, type PlacePoint } from '../api.ts';
import { BaseMap, countryName, type MapPoint } from '../components/BaseMap.tsx';
import { labels } from '../i18n.ts';
import { navigate } from '../router.tsx';

const TYPE_COLOURS: Record<string, string> = {
  ASSAULT: '#b91c1c',
  PROTEST: '#7c3aed',
  COOPERATE: '#047857',
  CONSULT: '#0369a1',
  AGREE: '#15803d',
  MOBILIZE: '#c2410c',
  THREATEN: '#be123c',
};

export function MapPage() {
  const t = labels();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [type, setType] = useState('');
  const [showPlaces, setShowPlaces] = useState(true);
  const [showEvents, setShowEvents] = useState(true);
  const [places, setPlaces] = useState<PlacePoint[]>([]);
  const [events, setEvents] = useState<EventItem[]>([]);
  const [types, setTypes] = useState<string[]>([]);

  useEffect(() => {
    api.facets().then((f) => setTypes(f.types.map((x) => x.value)), () => undefined);
  }, []);
  useEffect(() => {
    const range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
    api.places(range).then((r) => setPlaces(r.items), () => setPlaces([]));
    api
      .events({ ...range, ...(type ? { type } : {}), located: 'true', limit: 200 })
      .then((r) => setEvents(r.items), () => setEvents([]));
  }, [from, to, type]);

  const points = useMemo(() => {
    const out: MapPoint[] = [];
    const most = Math.max(1, ...places.map((p) => p.articles));
    if (showPlaces && !type) {
      for (const p of places) {
        out.push({
          lat: p.lat,
          lon: p.lon,
          radius: 4 + 12 * Math.sqrt(p.articles / most),
          colour: '#b45309',
          className: 'place-marker',
          label: `${p.name}${p.country ? ` (${countryName(p.country)})` : ''} · ${p.articles}`,
          href: `/search?${new URLSearchParams({ place: p.name })}`,
        });
      }
    }
    if (showEvents) {
      for (const e of events) {
        if (e.lat === null || e.lon === null) continue;
        out.push({
          lat: e.lat,
          lon: e.lon,
          radius: 6,
          colour: TYPE_COLOURS[e.type] ?? '#374151',
          className: 'event-marker',
          label: `${e.type} · ${e.place ?? ''} · ${e.evidence.slice(0, 120)}`,
          href: `/article/${e.article}`,
        });
      }
    }
    return out;
  }, [places, events, showPlaces, showEvents, type]);

  return (
    <div class="map-page">
      <h1>{t.showOnMap}</h1>
      <div class="facets">
        <label class="facet">
          <span>{t.from}</span>
          <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label class="facet">
          <span>{t.to}</span>
          <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
        <label class="facet">
          <span>{t.eventType}</span>
          <select value={type} onChange={(e) => setType(e.currentTarget.value)}>
            <option value="">{t.any}</option>
            {types.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </label>
        <label class="check">
          <input type="checkbox" checked={showPlaces} onChange={(e) => setShowPlaces(e.currentTarget.checked)} />
          {t.placesLayer} ({places.length})
        </label>
        <label class="check">
          <input type="checkbox" checked={showEvents} onChange={(e) => setShowEvents(e.currentTarget.checked)} />
          {t.eventsLayer} ({events.length})
        </label>
      </div>
      <BaseMap points={points} height={560} label={t.map} onOpen={(href) => navigate(href)} />
    </div>
  );
}
