// The map: Natural Earth country outlines (vendored), optional raster tiles, place labels,
// events as clustered dots coloured by type, and places coloured by who holds them.
import { el } from './dom.js';

export const TYPE_COLOURS = {
  'Battles': '#d62728',
  'Explosions/Remote violence': '#ff7f0e',
  'Violence against civilians': '#8c3fb8',
  'Protests': '#1f77b4',
  'Riots': '#c9a100',
  'Strategic developments': '#2a9d3a',
};
const HOLDER_PALETTE = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#a6761d', '#1f78b4',
  '#b2182b', '#525252', '#e6ab02', '#6a3d9a', '#01665e'];
const holderColours = new Map();

/** The colour of a holder: the next palette colour the first time it is seen, the same after;
 * past the palette, hues a golden angle apart, so no two holders share a colour. */
export function holderColour(name) {
  if (!holderColours.has(name)) {
    const n = holderColours.size;
    holderColours.set(name, n < HOLDER_PALETTE.length ? HOLDER_PALETTE[n] : `hsl(${Math.round(n * 137.508) % 360}, 70%, 38%)`);
  }
  return holderColours.get(name);
}

export function typeColour(type) { return TYPE_COLOURS[type] || '#555'; }

/** The Leaflet map with its base layers; `tiles` is the --tiles URL or null. */
export function createMap(tiles) {
  const map = L.map('map', { worldCopyJump: true, minZoom: 2, maxZoom: 14, zoomSnap: 0.5 });
  map.attributionControl.setPrefix('Leaflet');
  map.createPane('control').style.zIndex = 590;   // held places under the event dots (600)
  map.createPane('labels').style.zIndex = 450;
  map.setView([25, 30], 3);
  new ResizeObserver(() => map.invalidateSize()).observe(map.getContainer());   // the side panel opens and closes
  const overlays = {};
  if (tiles) {
    overlays['Raster tiles'] = L.tileLayer(tiles, { attribution: '&copy; OpenStreetMap contributors', maxZoom: 19 })
      .addTo(map);
  }
  const outlines = L.geoJSON(null, {
    renderer: L.canvas(), interactive: false, attribution: 'Country outlines: Natural Earth',
    style: { color: '#8b8b8b', weight: 0.8, fillColor: '#f3efe6', fillOpacity: tiles ? 0 : 1 },
  }).addTo(map);
  fetch('/static/vendor/countries-50m.json').then((r) => r.json()).then((topology) => {
    outlines.addData(topojson.feature(topology, topology.objects.countries));
    outlines.bringToBack();
  });
  overlays['Country outlines'] = outlines;
  return { map, overlays };
}

/** A dot for an event: a div icon coloured by its type. */
function eventIcon(type) {
  return L.divIcon({ className: 'ev-icon', iconSize: [14, 14],
    html: el('span', { className: 'ev-dot', style: { background: typeColour(type) } }) });
}

/** Cluster icons show how many events they hold, in the colour of the commonest type. */
function clusterIcon(cluster) {
  const counts = {};
  for (const m of cluster.getAllChildMarkers()) counts[m.eventType] = (counts[m.eventType] || 0) + 1;
  const top = Object.keys(counts).sort((a, b) => counts[b] - counts[a])[0];
  const n = cluster.getChildCount();
  const size = n < 10 ? 26 : n < 50 ? 32 : 40;
  return L.divIcon({ className: 'ev-cluster', iconSize: [size, size],
    html: el('span', { style: { borderColor: typeColour(top) } }, String(n)) });
}

/** The events layer: clustered where dense, spread out at the last zoom. */
export function createEventLayer() {
  return L.markerClusterGroup({ iconCreateFunction: clusterIcon, maxClusterRadius: 35,
    spiderfyOnMaxZoom: true, showCoverageOnHover: false, disableClusteringAtZoom: 9 });
}

/** Fill the events layer with GeoJSON features; `onOpen(feature)` runs on click. */
export function drawEvents(layer, features, onOpen) {
  layer.clearLayers();
  const markers = [];
  for (const f of features) {
    if (!f.geometry) continue;
    const [lon, lat] = f.geometry.coordinates;
    const p = f.properties;
    const marker = L.marker([lat, lon], { icon: eventIcon(p.event_type), keyboard: true,
      title: `${p.sub_event_type}, ${p.place || ''} ${p.date || ''}` });
    marker.eventType = p.event_type;
    marker.feature = f;
    marker.bindTooltip(el('span', {}, el('b', {}, p.sub_event_type), ` · ${p.date || 'undated'} · ${p.place || ''}`),
      { direction: 'top', offset: [0, -6] });
    marker.on('click', () => onOpen(f));
    markers.push(marker);
  }
  layer.addLayers(markers);
  return markers;
}

/** Draw the density of events: a circle a grid cell, its area growing with the events in it;
 * `onZoom([lat, lon])` runs on click (the page zooms in there). */
export function drawDensity(layer, features, onZoom) {
  layer.clearLayers();
  const most = Math.max(1, ...features.map((f) => f.properties.count));
  for (const f of features) {
    const [lon, lat] = f.geometry.coordinates;
    const n = f.properties.count;
    const share = Math.sqrt(n / most);
    const cell = L.circleMarker([lat, lon], { radius: 5 + 17 * share, className: 'density', weight: 1,
      color: '#8a2b18', fillColor: '#d9482b', fillOpacity: 0.2 + 0.5 * share });
    cell.bindTooltip(`${n.toLocaleString('en')} event${n === 1 ? '' : 's'}: zoom in to see them`, { direction: 'top' });
    cell.on('click', () => onZoom([lat, lon]));
    layer.addLayer(cell);
  }
}

/** Draw who holds each place: a ring in the holder's colour around the place (its events sit
 * inside), dashed when partial, with a red halo when contested or disputed; `onOpen(feature)`
 * runs on click. */
export function drawControl(layer, features, onOpen) {
  layer.clearLayers();
  const seen = new Map();
  for (const f of features) {
    if (!f.geometry) continue;
    const p = f.properties;
    const [lon, lat] = f.geometry.coordinates;
    const key = `${lat},${lon}`;
    const shift = seen.get(key) || 0;   // disputed: the holders of one place side by side
    seen.set(key, shift + 1);
    const area = !['city', 'site', 'admin2'].includes(p.feature);   // a province's point is only its middle
    const classes = ['ctl', p.status === 'partial' ? 'partial' : '', p.contested ? 'contested' : '', area ? 'area' : ''].join(' ');
    const size = area ? 28 : 40;
    const icon = L.divIcon({ className: 'ctl-icon', iconSize: [size, size], iconAnchor: [size / 2 - shift * (size + 4), size / 2],
      html: el('span', { className: classes, style: { '--holder': holderColour(p.controller) } }) });
    const marker = L.marker([lat, lon], { icon, pane: 'control', keyboard: true, zIndexOffset: area ? -1000 : 0,
      title: `${p.place}: ${p.controller}` });
    marker.bindTooltip(el('span', {}, el('b', {}, p.place), ` held by ${p.controller} (${p.status}`,
      p.since ? `, since ${p.since}` : '', p.reported ? `; last reported ${p.reported}` : '', ')'),
      { direction: 'bottom', offset: [0, 18] });
    marker.on('click', () => onOpen(f));
    marker.feature = f;
    layer.addLayer(marker);
  }
}

/** Labels: the corpus's places (dark) and the gazetteer's big cities (grey), drawn for the part
 * of the map in view, the corpus's places first. */
export function createLabels(map, places, onPlace) {
  const layer = L.layerGroup([], { pane: 'labels' }).addTo(map);
  const redraw = () => {
    layer.clearLayers();
    const bounds = map.getBounds().pad(0.1);
    const zoom = map.getZoom();
    const wanted = places.filter((p) => (p.kind === 'corpus' ? zoom >= 4 : zoom >= 5 || (zoom >= 4 && p.rank < 60)));
    let shown = 0;
    const boxes = [];
    for (const p of wanted) {
      if (shown >= 160 || !bounds.contains([p.lat, p.lon])) continue;
      const at = map.latLngToContainerPoint([p.lat, p.lon]);
      const left = at.x + (p.kind === 'corpus' ? 20 : -3);
      const box = [left, at.y - 9, left + p.name.length * (p.kind === 'corpus' ? 7.5 : 6.2) + 8, at.y + 9];
      if (boxes.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;   // no pile-ups
      boxes.push(box);
      shown += 1;
      const label = el('span', { className: `lbl ${p.kind}` }, p.name);
      const marker = L.marker([p.lat, p.lon], { pane: 'labels', interactive: p.kind === 'corpus', keyboard: false,
        icon: L.divIcon({ className: 'lbl-icon', iconSize: null, iconAnchor: p.kind === 'corpus' ? [-20, 8] : [3, 8], html: label }) });
      if (p.kind === 'corpus' && p.id) marker.on('click', () => onPlace(p.id));
      layer.addLayer(marker);
    }
  };
  places.forEach((p, i) => { p.rank = i; });
  map.on('moveend zoomend', redraw);
  redraw();
  return layer;
}
