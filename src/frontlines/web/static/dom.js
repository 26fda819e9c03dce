// Building the page from data.  Article text and every field from the API is data: it goes
// into the page only as text nodes (textContent), never through innerHTML, so an article that
// contains <script> or <img onerror=...> shows those characters and runs nothing.

/** An element with attributes, event handlers (on*) and children (strings become text nodes). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (name === 'className') node.className = value;
    else if (name === 'style' && typeof value === 'object') setStyle(node, value);
    else if (name === 'href') node.setAttribute('href', safeHref(value));
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/** Inline styles, custom properties (--name) included. */
function setStyle(node, styles) {
  for (const [name, value] of Object.entries(styles)) node.style.setProperty(name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), value);
}

/** Append children: nodes as they are, strings and numbers as text, arrays flattened. */
export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Empty a node and fill it again. */
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** Links go to this page (#...) or to http(s) addresses only: a javascript: URL in an
 * article's metadata becomes a dead link. */
export function safeHref(value) {
  const text = String(value);
  return text.startsWith('#') || /^https?:\/\//i.test(text) ? text : '#';
}

/** An element that acts on click and on Enter, for highlights and list rows. */
export function clickable(node, action) {
  node.tabIndex = 0;
  node.classList.add('clickable');
  node.addEventListener('click', (event) => { event.preventDefault(); event.stopPropagation(); action(); });
  node.addEventListener('keydown', (event) => { if (event.key === 'Enter') action(); });
  return node;
}

/** A short-lived message at the top of the map (errors, "added to the database"). */
export function notice(message, kind = 'info') {
  const box = document.getElementById('notice');
  replace(box, message);
  box.className = `notice ${kind}`;
  box.hidden = false;
  clearTimeout(notice.timer);
  notice.timer = setTimeout(() => { box.hidden = true; }, kind === 'error' ? 9000 : 5000);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** An API error: the server's message and its status. */
export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

/** JSON from the API.  A busy database (503: an ingest is writing) is retried a few times. */
export async function api(path, options = {}) {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(path, options);
    const body = await response.json().catch(() => ({ message: `${response.status} ${response.statusText}` }));
    if (response.status === 503 && attempt < 5 && !options.method) {
      notice(`${body.message} (trying again)`, 'error');
      await sleep(2000);
      continue;
    }
    if (!response.ok) throw new ApiError(response.status, body.message || response.statusText);
    return body;
  }
}
