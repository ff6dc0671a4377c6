// Boots the app: a tiny hash router (#/videos/123 …) that renders one page into <main>,
// keeps the nav in step with the session, and moves focus to each new page's heading.
import {session, signOut, whenUnauthorized} from './api.js';
import {h} from './dom.js';
import * as auth from './pages/auth.js';
import * as batch from './pages/batch.js';
import * as characters from './pages/characters.js';
import * as newVideo from './pages/newVideo.js';
import * as videos from './pages/videos.js';
import * as video from './pages/video.js';

// [pattern, page module, needs a session, nav item to mark current]
const ROUTES = [
  [/^\/signin$/, auth.signIn, false, null],
  [/^\/signup$/, auth.signUp, false, null],
  [/^\/characters$/, characters, true, 'characters'],
  [/^\/new$/, newVideo, true, 'new'],
  [/^\/videos$/, videos, true, 'videos'],
  [/^\/videos\/([A-Za-z0-9-]+)$/, video, true, 'videos'],
  [/^\/batches$/, batch, true, 'batches'],
  [/^\/batches\/([A-Za-z0-9-]+)$/, batch.progress, true, 'batches'],
];

const main = document.getElementById('main');
const nav = document.getElementById('nav');
let leavePage = () => {}; // ends the current page: aborts its requests and streams, frees its object URLs

export function go(path) {
  if (location.hash === `#${path}`) route();
  else location.hash = `#${path}`;
}

function parse(hash) {
  const raw = hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  return {path, query: new URLSearchParams(query)};
}

async function route() {
  const {path, query} = parse(location.hash);
  const match = ROUTES.map(([re, page, secure, navItem]) => ({m: path.match(re), page, secure, navItem})).find((r) => r.m);
  if (!match) return go(session.signedIn() ? '/videos' : '/signin');
  if (match.secure && !session.signedIn()) return go('/signin');
  if (!match.secure && session.signedIn()) return go('/videos');

  leavePage();
  const controller = new AbortController();
  const cleanups = [];
  leavePage = () => {
    controller.abort();
    cleanups.splice(0).forEach((f) => f());
  };
  nav.hidden = !session.signedIn();
  for (const a of nav.querySelectorAll('a[data-nav]')) {
    if (a.dataset.nav === match.navItem) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  // Each page renders into its own element, so a slow page that finishes after the user moved on
  // writes into a detached element instead of the new page.
  const view = document.createElement('div');
  view.className = 'page';
  main.replaceChildren(view);
  const ctx = {params: match.m.slice(1), query, go, signal: controller.signal, onLeave: (f) => (controller.signal.aborted ? f() : cleanups.push(f))};
  try {
    await match.page.render(view, ctx);
  } catch (e) {
    if (e.name === 'AbortError') return;
    // A page that could not load says so instead of staying blank (or leaving an unhandled rejection).
    view.append(h('div', {class: 'page-head'}, h('h1', {}, 'Something went wrong')),
      h('p', {class: 'notice notice-error', role: 'alert'}, e.message || String(e)),
      h('button', {type: 'button', class: 'primary', onclick: route}, 'Try again'));
  }
  if (controller.signal.aborted) return;
  // Tell screen readers a new page is shown, as a full page load would.
  const heading = main.querySelector('h1');
  if (heading) {
    document.title = `${heading.textContent} · Reelsmith`;
    heading.setAttribute('tabindex', '-1');
    heading.focus({preventScroll: true});
  }
  window.scrollTo(0, 0);
}

document.getElementById('sign-out').addEventListener('click', async () => {
  await signOut();
  go('/signin');
});

whenUnauthorized(() => {
  session.end();
  go('/signin');
});

window.addEventListener('hashchange', route);
route();
