// The side panel: an event with its sources, a place with its control timeline, an article with
// its highlights, and the paste-an-article form.  Everything is built with el() (text nodes only).
import { el, append, replace, clickable, api, notice } from './dom.js';
import { typeColour, holderColour } from './map.js';
import { addArticle, addButton, tokenBox } from './write.js';

const panel = () => document.getElementById('panel');
const body = () => document.getElementById('panel-body');

/** Show nodes in the side panel. */
export function show(...nodes) {
  replace(body(), ...nodes);
  panel().hidden = false;
  body().scrollTop = 0;
  panel().scrollTop = 0;
}

export function closePanel() { panel().hidden = true; replace(body()); }

const field = (name, ...value) => el('div', { className: 'field' }, el('span', { className: 'name' }, name), el('span', {}, ...value));
const swatch = (colour, extra = '') => el('span', { className: `swatch ${extra}`, style: { background: colour } });

/** An event: type, actors, date and precision, fatalities, and every source with its evidence. */
export function eventView(feature, app) {
  const p = feature.properties;
  const place = p.place_id ? el('a', { href: '#' }, p.place) : (p.place || 'no place');
  if (p.place_id) clickable(place, () => app.openPlace(p.place_id));
  const actor = (name) => (name ? clickable(el('a', { href: '#', title: 'Show this actor\'s events' }, name),
    () => app.filterActor(name)) : '—');
  return el('article', { className: 'event-view' },
    el('p', { className: 'kicker' }, swatch(typeColour(p.event_type)), p.event_type),
    el('h2', {}, p.sub_event_type),
    field('Actors', actor(p.actor1), p.actor2 ? [' against ', actor(p.actor2)] : '',
      (p.assoc_actors || []).length ? ` (with ${p.assoc_actors.join(', ')})` : ''),
    field('Date', p.date || 'undated', ` (known to the ${p.date_precision || 'day'})`),
    field('Place', place, p.country_code ? ` · ${p.country_code}` : ''),
    field('Fatalities', p.fatalities ? String(p.fatalities) : 'none reported'),
    el('h3', {}, p.sources.length === 1 ? '1 source' : `${p.sources.length} sources`),
    p.sources.map((s) => sourceView(s, app)));
}

function sourceView(s, app) {
  const open = s.document ? clickable(el('a', { href: '#', className: 'doc-link' }, 'Read the article, highlighted'),
    () => app.openDocument(s.document, s.evidence_start)) : null;
  return el('section', { className: 'source' },
    el('p', { className: 'source-name' }, el('b', {}, s.source || 'unnamed source'),
      s.published ? ` · ${s.published}` : '', s.factuality ? ` · ${s.factuality}` : ''),
    s.title ? el('p', { className: 'muted' }, s.title) : null,
    el('blockquote', { className: 'evidence' }, s.evidence || s.sentence || ''),
    el('p', {}, open, s.url ? [' · ', el('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, 'original')] : ''));
}

/** A place: who held it over time (claims of one day side by side) and the events there. */
export function placeView(place, app) {
  const days = [];
  for (const claim of place.timeline) {
    const last = days[days.length - 1];
    if (last && last.day === claim.day) last.claims.push(claim);
    else days.push({ day: claim.day, claims: [claim] });
  }
  const events = place.events.features;
  return el('article', { className: 'place-view' },
    el('p', { className: 'kicker' }, [place.feature, place.admin1, place.country_code].filter(Boolean).join(' · ')),
    el('h2', {}, place.name),
    el('p', { className: 'muted small' }, `${Number(place.lat).toFixed(3)}, ${Number(place.lon).toFixed(3)}`,
      place.geonameid ? ` · GeoNames ${place.geonameid}` : ''),
    el('h3', {}, 'Who held it'),
    days.length ? el('ol', { className: 'timeline' }, days.map((d) => timelineDay(d, app)))
      : el('p', { className: 'muted' }, 'No source says who holds it.'),
    el('h3', {}, events.length === 1 ? '1 event here' : `${events.length} events here`),
    el('ul', { className: 'rows' }, events.map((f) => eventRow(f, app))));
}

function timelineDay(day, app) {
  const holders = new Set(day.claims.map((c) => c.controller));
  return el('li', {},
    el('p', { className: 'day' }, day.day || 'undated', holders.size > 1 ? el('span', { className: 'badge' }, 'sources disagree') : ''),
    el('div', { className: 'side-by-side' }, day.claims.map((c) => el('section', { className: 'claim' },
      el('p', {}, swatch(holderColour(c.controller)), el('b', {}, c.controller), ` · ${c.status}`,
        c.since ? ` since ${c.since}` : '', c.as_of && c.as_of !== c.since ? ` (as of ${c.as_of})` : ''),
      el('blockquote', { className: 'evidence' }, c.evidence),
      el('p', { className: 'small' }, c.source || c.document, ' · ',
        clickable(el('a', { href: '#' }, 'read'), () => app.openDocument(c.document, c.evidence_start)))))));
}

function eventRow(feature, app) {
  const p = feature.properties;
  return clickable(el('li', {}, swatch(typeColour(p.event_type)), el('b', {}, p.date || 'undated'), ' ',
    p.sub_event_type, p.actor1 ? ` · ${p.actor1}` : ''), () => app.openEvent(feature));
}

/** An article with its highlights (displaCy-like): places, actors and dates, inside the
 * sentences behind events and control claims; each highlight opens its record. */
export function documentView(doc, app, focusStart = null) {
  const text = el('div', { className: 'doc-text' });
  renderHighlights(text, doc.text, doc.spans, (span) => app.openSpan(doc, span));
  const view = el('article', { className: 'doc-view' },
    el('p', { className: 'kicker' }, [doc.source, doc.published, doc.dateline].filter(Boolean).join(' · ')),
    el('h2', {}, doc.title || 'Untitled article'),
    doc.url ? el('p', {}, el('a', { href: doc.url, target: '_blank', rel: 'noopener noreferrer' }, 'original page')) : null,
    el('p', { className: 'hl-legend small' }, ['place', 'actor', 'date', 'event', 'control'].map((k) =>
      el('span', { className: `hl hl-${k}` }, { event: 'event sentence', control: 'control claim' }[k] || k))),
    text);
  if (focusStart !== null && focusStart !== undefined) {
    requestAnimationFrame(() => {
      const target = text.querySelector(`[data-start="${Number(focusStart)}"]`);
      if (target) { target.scrollIntoView({ block: 'center' }); target.classList.add('focus'); }
    });
  }
  return view;
}

const SENTENCE_KINDS = new Set(['event', 'control']);

/** Spans that do not overlap, the first (then the longest) winning. */
function layer(spans) {
  const kept = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = kept[kept.length - 1];
    if (last && s.start < last.end) {
      if (s.start === last.start && s.end === last.end) last.also.push(s);   // one sentence, several records
      continue;
    }
    kept.push({ ...s, also: [] });
  }
  return kept;
}

/** Fill `node` with the text, sentence highlights holding mention highlights. */
export function renderHighlights(node, text, spans, onOpen) {
  const sentences = layer(spans.filter((s) => SENTENCE_KINDS.has(s.kind)));
  const mentions = layer(spans.filter((s) => !SENTENCE_KINDS.has(s.kind)));
  let at = 0;
  for (const s of sentences) {
    appendMentions(node, text, at, s.start, mentions, onOpen);
    const mark = highlight(s, onOpen);
    appendMentions(mark, text, s.start, s.end, mentions, onOpen);
    mark.dataset.tag = [s, ...s.also].map((x) => x.label).join(' · ');   // drawn by CSS, not part of the text
    node.append(mark);
    at = s.end;
  }
  appendMentions(node, text, at, text.length, mentions, onOpen);
}

function appendMentions(node, text, from, to, mentions, onOpen) {
  let at = from;
  for (const m of mentions) {
    if (m.start < from || m.end > to) continue;
    node.append(document.createTextNode(text.slice(at, m.start)));
    const mark = highlight(m, onOpen);
    mark.append(document.createTextNode(text.slice(m.start, m.end)));
    mark.dataset.tag = m.kind;
    node.append(mark);
    at = m.end;
  }
  node.append(document.createTextNode(text.slice(at, to)));
}

function highlight(span, onOpen) {
  const mark = el('mark', { className: `hl hl-${span.kind}`, title: span.label, 'data-start': span.start });
  if (span.kind === 'event' && span.factuality && !['asserted', 'reported'].includes(span.factuality)) {
    mark.classList.add('not-happened');
  }
  return clickable(mark, () => onOpen(span));
}

/** The paste-or-upload form: extract at once; add to the database only when asked. */
export function pasteView(app, maxBytes) {
  const text = el('textarea', { name: 'text', rows: 12, placeholder: 'Paste the article here (plain text or an HTML page)' });
  const file = el('input', { type: 'file', accept: '.txt,.html,.htm,text/plain,text/html' });
  const published = el('input', { type: 'date', name: 'published' });
  const kind = el('select', { name: 'kind' }, el('option', { value: '' }, 'guess'), el('option', { value: 'txt' }, 'text'),
    el('option', { value: 'html' }, 'HTML page'));
  const result = el('div', { id: 'extract-result' });
  const button = el('button', { type: 'submit' }, 'Extract');
  file.addEventListener('change', async () => {
    if (!file.files[0]) return;
    if (file.files[0].size > maxBytes) { notice(`${file.files[0].name} is larger than ${maxBytes} bytes; split it`, 'error'); return; }
    text.value = await file.files[0].text();
    if (/\.html?$/i.test(file.files[0].name)) kind.value = 'html';
  });
  const article = () => ({ text: text.value, published: published.value || null, kind: kind.value || null });
  const form = el('form', { className: 'paste' },
    el('h2', {}, 'Extract an article'),
    el('p', { className: 'muted small' }, 'It is extracted and shown here; it goes into the database only if you add it.'),
    text, el('label', {}, 'or upload a file ', file),
    el('div', { className: 'row' }, el('label', {}, 'Published ', published), el('label', {}, 'Read as ', kind)),
    el('div', { className: 'row' }, button), result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    replace(result, el('p', { className: 'muted' }, 'Extracting…'));
    try {
      const report = await api('/api/extract', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(article()) });
      replace(result, extractedView(report, app, article));
    } catch (error) {
      replace(result, el('p', { className: 'error' }, error.message));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

function extractedView(report, app, article) {
  const writes = app.writes();
  const add = addButton(writes);
  const token = tokenBox(writes);
  add.addEventListener('click', async () => {
    add.disabled = true;
    try {
      const done = await addArticle(article(), writes, token);
      notice(`Article ${done.outcome} (${done.document.slice(0, 12)}); the database now holds ${done.counts.documents} documents`);
      add.textContent = `Added (${done.outcome})`;
      app.reload();
    } catch (error) {
      notice(error.message, 'error');
      add.disabled = false;
    }
  });
  const doc = { ...report.document, id: null, text: report.text, spans: report.spans, report };
  return el('div', {},
    el('p', {}, ['event', 'control claim', 'place', 'actor'].map((word, i) => {
      const n = [report.events, report.control, report.places, report.actors][i].length;
      return `${n} ${word}${n === 1 ? '' : 's'}`;
    }).join(', ') + '. ', token, add),
    documentView(doc, app));
}

/** An event of a report that is not in the database (a pasted article), shaped like a map feature. */
export function reportEventFeature(report, eventId) {
  const e = report.events.find((x) => x.id === eventId);
  if (!e) return null;
  const actors = Object.fromEntries(report.actors.map((a) => [a.id, a.name]));
  const place = report.places.find((p) => p.id === e.place) || {};
  return { type: 'Feature', geometry: null, properties: {
    event_type: e.event_type, sub_event_type: e.sub_event_type, actor1: actors[e.actor1], actor2: actors[e.actor2],
    assoc_actors: e.assoc_actors.map((a) => actors[a]), date: e.date, date_precision: e.date_precision,
    place: place.name, place_id: null, country_code: place.country_code, fatalities: e.fatalities,
    sources: [{ source: report.document.source || 'the pasted article', title: report.document.title,
      evidence: e.evidence.text, factuality: e.factuality, published: report.document.published }] } };
}

export { append };
