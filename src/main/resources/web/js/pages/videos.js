// The user's videos, newest first, each with its status.
import {get} from '../api.js';
import {formatDate, h, say} from '../dom.js';
import {badgeClass, castNames, statusWord} from '../format.js';

const PAGE = 20;
const REFRESH_MS = 3000;

export async function render(view, ctx) {
  const list = h('ul', {class: 'video-list', 'aria-label': 'Your videos'});
  const status = h('div', {class: 'message-slot'});
  const more = h('button', {type: 'button', class: 'secondary', hidden: true}, 'Show more videos');
  let loaded = 0;

  async function loadPage() {
    try {
      const page = await get(`/videos?limit=${PAGE}&offset=${loaded}`, {signal: ctx.signal});
      page.items.forEach((v) => list.append(item(v)));
      loaded += page.items.length;
      if (page.items.some((v) => v.status === 'queued' || v.status === 'running')) refreshSoon();
      more.hidden = loaded >= page.total;
      if (page.total === 0) {
        status.replaceChildren(h('div', {class: 'card empty'},
          h('p', {}, 'No videos yet.'), h('a', {class: 'button primary', href: '#/new'}, 'Make your first video')));
      }
    } catch (e) {
      if (e.name !== 'AbortError') say(status, 'error', `Could not load your videos: ${e.message}`);
    }
  }
  more.addEventListener('click', loadPage);

  // While a video is being made its badge is kept current by re-reading the shown page of the list.
  let timer = null;
  ctx.onLeave(() => clearTimeout(timer));
  function refreshSoon() {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        const page = await get(`/videos?limit=${Math.max(loaded, 1)}&offset=0`, {signal: ctx.signal});
        list.replaceChildren(...page.items.map(item));
        if (page.items.some((v) => v.status === 'queued' || v.status === 'running')) refreshSoon();
      } catch (e) {
        if (e.name !== 'AbortError') refreshSoon();
      }
    }, REFRESH_MS);
  }

  view.append(
    h('div', {class: 'page-head with-action'},
      h('h1', {}, 'Your videos'),
      h('a', {class: 'button primary', href: '#/new'}, 'New video')),
    status, list, more);
  await loadPage();
}

function item(v) {
  return h('li', {class: 'card video-item'},
    h('a', {class: 'video-link', href: `#/videos/${encodeURIComponent(v.id)}`},
      h('span', {class: 'video-theme'}, v.theme),
      h('span', {class: 'meta'}, [castNames(v), `${v.blocks} block${v.blocks === 1 ? '' : 's'}`, v.language?.toUpperCase(),
        v.provider, formatDate(v.createdAt)].filter(Boolean).join(' · '))),
    h('span', {class: badgeClass(v.status)}, statusWord(v.status)));
}
