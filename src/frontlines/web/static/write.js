// Adding a pasted article to the database.  On this machine the server takes it as it is; a
// server shared on a network takes it only with its write token, which the page asks for once
// (a password box beside the button) and keeps for this tab only (sessionStorage), sending it in
// the Authorization header, never in the URL.
import { api, ApiError, el } from './dom.js';

const KEY = 'frontlines-write-token';
const READ_ONLY = 'This server is read-only: it is shared on a network and was started without a write token. '
  + 'Add articles with `frontlines ingest`, or restart it with --write-token.';

/** The box that asks for the token: shown when the server needs one and this tab has none yet. */
export function tokenBox(writes) {
  const box = el('input', { type: 'password', name: 'write-token', placeholder: 'write token', autocomplete: 'off',
    'aria-label': "This server's write token" });
  box.hidden = !(writes === 'token' && !sessionStorage.getItem(KEY));
  return box;
}

/** The "Add to the database" button, disabled with the reason on a read-only server. */
export function addButton(writes) {
  const button = el('button', { type: 'button', id: 'ingest' }, 'Add to the database');
  if (writes === 'closed') {
    button.disabled = true;
    button.title = READ_ONLY;
  }
  return button;
}

/** POST an article to /api/ingest, with the write token when the server needs one.  A refused
 * token is forgotten and asked for again. */
export async function addArticle(article, writes, box) {
  if (writes === 'closed') throw new ApiError(403, READ_ONLY);
  const headers = { 'Content-Type': 'application/json' };
  const token = writes === 'token' ? (sessionStorage.getItem(KEY) || box.value.trim()) : '';
  if (writes === 'token' && !token) {
    box.hidden = false;
    box.focus();
    throw new ApiError(401, "Adding articles to this server needs its write token: type it in the box, then add again.");
  }
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    const done = await api('/api/ingest', { method: 'POST', headers, body: JSON.stringify(article) });
    if (token) sessionStorage.setItem(KEY, token);
    box.hidden = true;
    return done;
  } catch (error) {
    if (error.status === 401) {
      sessionStorage.removeItem(KEY);
      box.value = '';
      box.hidden = false;
      box.focus();
    }
    throw error;
  }
}
