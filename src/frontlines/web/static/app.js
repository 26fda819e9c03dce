// The page: loads the corpus, wires the filters, the "as of" slider and the panels together.
// State that is worth a link (as of, map view) lives in the address's #hash.
import { el, replace, append, api, notice, clickable } from './dom.js';
import { createMap, createEventLayer, drawEvents, drawDensity, drawControl, createLabels, TYPE_COLOURS, holderColour } from './map.js';
import { show, closePanel, eventView, placeView, documentView, pasteView, reportEventFeature } from './panels.js';

const $ = (id) => document.getElementById(id);
const count = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const state = { config: null, stats: null, keyDays: [], asOf: null, map: null, paste: null, listed: null, listNext: null };

/** What the panels call back into. */
const app = {
  openEvent: (feature) => show(eventView(feature, app)),
  openPlace: async (id) => guarded(async () => show(placeView(await api(`/api/places/${encodeURIComponent(id)}`), app))),
  openDocument: async (id, focusStart) => guarded(async () =>
    show(documentView(await api(`/api/documents/${encodeURIComponent(id)}`), app, focusStart))),
  filterActor: (name) => { $('filter-form').elements.actor.value = name; loadEvents(); },
  openSpan: (doc, span) => openSpan(doc, span),
  openPaste: () => openPaste(),
  reload: () => start(),
  writes: () => state.config.writes,  // "open", "token" (the page asks for it) or "closed" (read-only)
};

/** The paste form is made once and kept: its text, its report and its "Add" button survive a
 * click on a highlight (which shows another panel) and come back when it is reopened. */
function openPaste() {
  state.paste = state.paste || pasteView(app, state.config.max_article_bytes);
  show(state.paste);
}

/** A link from a panel opened from the pasted article back to it. */
function backToPaste() {
  return el('p', { className: 'small' }, clickable(el('a', { href: '#' }, '← Back to the pasted article'), openPaste));
}

async function guarded(action) {
  try { await action(); } catch (error) { notice(error.message, 'error'); }
}

/** A highlight in an article opens its record. */
function openSpan(doc, span) {
  if (span.kind === 'place' || span.kind === 'control') {
    if (doc.id && span.place_id) app.openPlace(span.place_id);
    else notice(`${span.label}: add the article to the database to see this place's timeline`);
  } else if (span.kind === 'actor') {
    app.filterActor(span.actor);
  } else if (span.kind === 'event') {
    if (doc.id) guarded(async () => app.openEvent(await api(`/api/events/${encodeURIComponent(doc.id)}/${encodeURIComponent(span.event_id)}`)));
    else show(eventView(reportEventFeature(doc.report, span.event_id), app), backToPaste());
  } else {
    notice(`${span.label}`);
  }
}

function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  const view = (params.get('view') || '').split(',').map(Number);
  return { asOf: params.get('as_of'), view: view.length === 3 && view.every(Number.isFinite) ? view : null };
}

function writeHash() {
  if (!state.map) return;
  const c = state.map.getCenter();
  const params = new URLSearchParams({ view: `${c.lat.toFixed(3)},${c.lng.toFixed(3)},${state.map.getZoom()}` });
  if (state.asOf) params.set('as_of', state.asOf);
  history.replaceState(null, '', `#${params}`);
}

function filterParams() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData($('filter-form'))) if (value) params.set(name, value);
  return params;
}

const MAP_EVENTS = 500;   // up to this many events in view are drawn one by one; more, as density
const LIST_PAGE = 50;

/** The part of the world in view, as the API's bbox (clamped: the map may show the world twice). */
function viewBox() {
  const b = state.map.getBounds();
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180),
    clamp(b.getNorth(), -90, 90)].map((v) => v.toFixed(4)).join(',');
}

/** Draw the events in view: their density on a grid fitting the zoom, or, when a page holds
 * them, one by one.  A later move of the map wins over an answer still on its way. */
async function drawView() {
  const ticket = (state.viewTicket = (state.viewTicket || 0) + 1);
  const params = filterParams();
  params.set('bbox', viewBox());
  params.set('zoom', String(state.map.getZoom()));
  const cells = await api(`/api/density?${params}`);
  if (ticket !== state.viewTicket) return;
  if (cells.events > MAP_EVENTS) {
    state.eventLayer.clearLayers();
    drawDensity(state.densityLayer, cells.features, (at) => state.map.setView(at, state.map.getZoom() + 2));
    shown('density');
    return;
  }
  params.delete('zoom');
  params.set('limit', String(MAP_EVENTS));
  const page = await api(`/api/events?${params}`);
  if (ticket !== state.viewTicket) return;
  state.densityLayer.clearLayers();
  drawEvents(state.eventLayer, page.features, app.openEvent);
  shown('events');
}

/** Say what the map shows, and at which zoom (tests and screenshots wait for these). */
function shown(what) {
  document.body.dataset.mapShows = what;
  document.body.dataset.mapZoom = String(state.map.getZoom());
}

/** The list of matching events, a page at a time, in date order. */
async function listEvents(offset) {
  const params = new URLSearchParams(state.listed);
  params.set('limit', String(LIST_PAGE));
  params.set('offset', String(offset));
  const page = await api(`/api/events?${params}`);
  const items = page.features.map((f) => {
    const p = f.properties;
    return el('li', {}, clickable(el('a', { href: '#' }, `${p.date || 'undated'} · ${p.sub_event_type}`), () => app.openEvent(f)),
      el('span', { className: 'muted' }, ` ${p.place || ''}`));
  });
  if (offset === 0) replace($('event-list'), items);
  else append($('event-list'), items);
  $('event-more').hidden = page.next_offset === null;
  state.listNext = page.next_offset;
  return page;
}

async function loadEvents() {
  const ticket = (state.loadTicket = (state.loadTicket || 0) + 1);
  await guarded(async () => {
    const params = filterParams();
    for (const format of ['csv', 'geojson']) {
      const exported = new URLSearchParams(params);
      exported.set('format', format);
      $(`export-${format}`).setAttribute('href', `/api/export?${exported}`);
    }
    await drawView();
    if (ticket !== state.loadTicket) return;   // the filters changed meanwhile: the later load lists
    state.listed = params;
    const page = await listEvents(0);
    replace($('event-count'), `${count(page.total, 'event')} match${page.total === 1 ? 'es' : ''}`);
  });
}

/** Move "as of" to a day and redraw who holds what. */
async function setAsOf(day) {
  state.asOf = day;
  $('asof-date').value = day;
  replace($('asof-label'), day);
  let index = state.keyDays.findIndex((d) => d > day);
  index = index === -1 ? state.keyDays.length - 1 : Math.max(0, index - 1);
  $('asof-slider').value = String(index);
  writeHash();
  await guarded(async () => {
    const control = await api(`/api/control?as_of=${encodeURIComponent(day)}`);
    if (state.asOf !== day) return;   // a later move of the slider won
    drawControl(state.controlLayer, control.features, (f) => app.openPlace(f.properties.place_id));
    drawControlLegend(control.features);
    document.body.dataset.asOf = day;   // tests and screenshots wait for this
  });
}

function drawControlLegend(features) {
  const holders = [...new Set(features.map((f) => f.properties.controller))].sort();
  const placeLink = (f) => clickable(el('a', { href: '#' }, f.properties.place), () => app.openPlace(f.properties.place_id));
  replace($('control-legend'), holders.length ? holders.map((h) => {
    const held = features.filter((f) => f.properties.controller === h);
    return el('li', {}, el('span', { className: 'swatch', style: { background: holderColour(h) } }), el('span', { className: 'holder' }, h),
      el('span', { className: 'places' }, held.flatMap((f, i) => (i ? [', ', placeLink(f)] : [placeLink(f)]))));
  })
    : el('li', { className: 'muted' }, 'No claims on or before this day.'));
}

function fillFilters(stats) {
  const form = $('filter-form');
  replace(form.elements.country, el('option', { value: '' }, 'any'),
    stats.countries.map((c) => el('option', { value: c.code }, `${c.name || c.code} (${c.events})`)));
  replace(form.elements.event_type, el('option', { value: '' }, 'any'),
    stats.event_types.map((t) => el('option', { value: t.name }, `${t.name} (${t.events})`)));
  replace($('actor-list'), stats.actors.map((a) => el('option', { value: a.name })));
  replace($('type-legend'), Object.entries(TYPE_COLOURS).map(([type, colour]) => el('li', {},
    el('span', { className: 'swatch round', style: { background: colour } }), type)));
  replace($('summary'), `${count(stats.counts.documents, 'article')} · ${count(stats.counts.fused_events, 'event')} · `
    + `${count(stats.counts.control, 'control claim')} · ${stats.first_day || '?'} to ${stats.last_day || '?'}`);
}

function wireControls() {
  $('filter-form').addEventListener('submit', (e) => { e.preventDefault(); loadEvents(); });
  $('filter-form').addEventListener('reset', () => setTimeout(loadEvents, 0));
  $('filter-form').addEventListener('change', (e) => { if (e.target.tagName === 'SELECT') loadEvents(); });
  $('asof-slider').addEventListener('input', () => setAsOf(state.keyDays[Number($('asof-slider').value)]));
  $('asof-date').addEventListener('change', () => { if ($('asof-date').value) setAsOf($('asof-date').value); });
  $('asof-prev').addEventListener('click', () => step(-1));
  $('asof-next').addEventListener('click', () => step(1));
  $('panel-close').addEventListener('click', closePanel);
  $('event-more').addEventListener('click', () => guarded(() => listEvents(state.listNext)));
  $('paste-open').addEventListener('click', openPaste);
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') closePanel(); });
}

function step(direction) {
  const i = Number($('asof-slider').value) + direction;
  if (i >= 0 && i < state.keyDays.length) setAsOf(state.keyDays[i]);
}

function showEmpty(message) {
  const db = state.config.database;
  replace($('empty-commands'), `frontlines ingest ../shared/eval/dev --db ${db}\nfrontlines serve --db ${db}`);
  for (const id of ['export-csv', 'export-geojson']) $(id).hidden = true;
  $('empty').hidden = false;
  $('asof').hidden = true;
  $('filters').classList.add('disabled');
  replace($('empty-message'), message);
  replace($('summary'), 'no database yet');
  document.body.dataset.ready = 'empty';
}

/** Load (or reload, after an ingest from the page) everything from the database. */
async function start() {
  state.config = await api('/api/config');
  if (!state.map) {
    const { map, overlays } = createMap(state.config.tiles);
    state.map = map;
    state.eventLayer = createEventLayer().addTo(map);
    state.densityLayer = L.layerGroup().addTo(map);
    state.controlLayer = L.layerGroup().addTo(map);
    L.control.layers(null, { ...overlays, 'Events': state.eventLayer, 'Who holds what': state.controlLayer },
      { collapsed: true }).addTo(map);
    L.control.scale({ imperial: false }).addTo(map);
    map.on('moveend', writeHash);
    map.on('moveend', () => { if (state.stats) guarded(drawView); });
  }
  if (!state.config.exists) { showEmpty(state.config.how_to_ingest); return; }
  $('empty').hidden = true;
  $('asof').hidden = false;
  for (const id of ['export-csv', 'export-geojson']) $(id).hidden = false;
  $('filters').classList.remove('disabled');
  try {
    state.stats = await api('/api/stats');
  } catch (error) {
    if (error.status === 404) { showEmpty(error.message); return; }
    throw error;
  }
  fillFilters(state.stats);
  state.keyDays = state.stats.key_days;
  $('asof-slider').max = String(Math.max(0, state.keyDays.length - 1));
  const wanted = readHash();
  if (wanted.view) state.map.setView([wanted.view[0], wanted.view[1]], wanted.view[2]);
  else await fitEvents();
  await loadEvents();
  await setAsOf(wanted.asOf || state.stats.last_day || new Date().toISOString().slice(0, 10));
  const labels = await api('/api/labels');
  if (!state.labels) state.labels = createLabels(state.map, labels.places, app.openPlace);
  document.body.dataset.ready = 'map';
}

/** Fit the map to where the events are (their density on a coarse grid: any corpus size). */
async function fitEvents() {
  const cells = await api('/api/density?zoom=4');
  const points = cells.features.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]);
  if (points.length) state.map.fitBounds(points, { padding: [30, 30], maxZoom: 7, animate: false });
}

wireControls();
start().catch((error) => notice(error.message, 'error'));
