// Batches: many themes at once under one budget. #/batches: paste themes (one per line), pick the character,
// blocks, provider and the budget, start; below, the user's batches. #/batches/<id>: each video's progress
// (polled), the spend against the budget, links to the finished files and to a ZIP of them all.
import {get, post} from '../api.js';
import {charactersFor} from '../characterList.js';
import {field, formatDate, h, pageHead, replace, say, submitWith} from '../dom.js';
import {LANGUAGES, PROVIDERS, badgeClass, money, statusWord} from '../format.js';
import {authorizedUrl} from '../media.js';

const REFRESH_MS = 1500;
const MAX_THEMES = 50;
// A batch's own words: "skipped" here means not started for the budget (a step's "skipped" means reused).
const WORDS = {pending: 'Waiting', starting: 'Starting', skipped: 'Skipped', running: 'Making', finished: 'Finished', deleted: 'Deleted'};
const word = (status) => WORDS[status] || statusWord(status);

export async function render(view, ctx) {
  view.append(pageHead('Batches', 'One video per theme, with one budget for all of them. A video whose estimate would go over what is left is not started.'));

  const characters = await charactersFor(view, ctx, 'A batch');
  if (!characters) return;

  const themes = h('textarea', {name: 'themes', rows: 6, required: true, placeholder: 'A banana finds a treasure map\nA kite race on the beach'});
  const character = h('select', {name: 'characterId', required: true}, characters.map((c) => h('option', {value: c.id}, c.name)));
  const blocks = h('input', {name: 'blocks', type: 'number', min: 1, max: 21, value: '1', required: true, inputmode: 'numeric'});
  const language = h('select', {name: 'language'}, LANGUAGES.map((l) => h('option', {value: l.id}, l.label)));
  const provider = h('select', {name: 'provider'}, PROVIDERS.map((p) => h('option', {value: p.id}, p.label)));
  const budget = h('input', {name: 'budgetUsd', type: 'number', min: 0.01, step: 0.01, value: '10', required: true, inputmode: 'decimal'});
  const message = h('div', {class: 'message-slot'});
  const form = h('form', {class: 'card plan-form', 'aria-labelledby': 'batch-heading'},
    h('h2', {id: 'batch-heading'}, 'New batch'),
    field('Themes', themes, `One theme per line, up to ${MAX_THEMES}. Blank lines are ignored.`),
    h('div', {class: 'three-up'}, field('Character', character), field('Blocks', blocks, 'One block ≈ 8 s of video.'), field('Language', language)),
    h('div', {class: 'three-up'}, field('Provider', provider), field('Budget (US$)', budget, 'The most the whole batch may spend.')),
    message,
    h('button', {type: 'submit', class: 'primary'}, 'Start the batch'));

  submitWith(form, message, 'Starting the batch…', async () => {
    const batch = await post('/batches', {
      themes: themes.value.split('\n').map((t) => t.trim()).filter(Boolean), characterId: character.value,
      blocks: Number(blocks.value), language: language.value, provider: provider.value, budgetUsd: Number(budget.value),
    });
    ctx.go(`/batches/${batch.id}`);
  });

  const list = h('ul', {class: 'video-list', 'aria-label': 'Your batches'});
  view.append(form, h('h2', {}, 'Your batches'), list);
  try {
    const page = await get('/batches?limit=20', {signal: ctx.signal});
    if (page.total === 0) list.append(h('li', {class: 'meta'}, 'No batches yet.'));
    page.items.forEach((b) => list.append(h('li', {class: 'card video-item'},
      h('a', {class: 'video-link', href: `#/batches/${encodeURIComponent(b.id)}`},
        h('span', {class: 'video-theme'}, `${Object.values(b.counts).reduce((a, n) => a + n, 0)} videos`),
        h('span', {class: 'meta'}, [counts(b), `${money(b.spentUsd)} of ${money(b.budgetUsd)}`, formatDate(b.createdAt)].join(' · '))),
      h('span', {class: badgeClass(b.status)}, word(b.status)))));
  } catch (e) {
    if (e.name !== 'AbortError') list.append(h('li', {}, h('p', {class: 'notice notice-error', role: 'alert'}, `Could not load your batches: ${e.message}`)));
  }
}

/** "3 completed, 2 skipped" */
function counts(batch) {
  return Object.entries(batch.counts).map(([status, n]) => `${n} ${word(status).toLowerCase()}`).join(', ');
}

export const progress = {
  async render(view, ctx) {
    const id = ctx.params[0];
    const heading = h('h1', {}, 'Batch');
    const summary = h('p', {class: 'progress-text', 'aria-live': 'polite'});
    const spend = h('p', {class: 'meta batch-spend'});
    const zip = h('div', {class: 'downloads'});
    const list = h('ol', {class: 'video-list batch-videos', 'aria-label': 'Videos of this batch'});
    const problem = h('div', {class: 'message-slot'});
    view.append(h('div', {class: 'page-head'}, heading, summary, spend), problem, zip, list);

    let timer = null;
    ctx.onLeave(() => clearTimeout(timer));
    async function refresh() {
      let batch;
      try {
        batch = await get(`/batches/${encodeURIComponent(id)}`, {signal: ctx.signal});
        say(problem, 'info', '');
      } catch (e) {
        if (e.name === 'AbortError') return;
        if (e.status === 404) {
          replace(heading, 'Batch not found');
          return;
        }
        say(problem, 'error', `Could not load the batch: ${e.message}. Trying again…`);
        timer = setTimeout(refresh, REFRESH_MS * 2);
        return;
      }
      show(batch);
      if (batch.status !== 'finished') timer = setTimeout(refresh, REFRESH_MS);
    }

    function show(batch) {
      replace(heading, `Batch of ${batch.videos.length} video${batch.videos.length === 1 ? '' : 's'}`);
      const done = batch.videos.filter((v) => v.finished).length;
      replace(summary, batch.status === 'finished' ? `Finished: ${counts(batch)}.` : `${done} of ${batch.videos.length} finished (${counts(batch)}).`);
      summary.dataset.status = batch.status;
      replace(spend, `${money(batch.spentUsd)} spent of a ${money(batch.budgetUsd)} budget · ${money(batch.remainingUsd)} left to reserve · ${batch.provider}`);
      const files = batch.videos.filter((v) => v.fileUrl).length;
      replace(zip, files === 0 ? null : h('a', {class: 'button primary download', href: authorizedUrl(batch.filesUrl), download: `batch-${batch.id}.zip`},
        `Download all finished videos (ZIP, ${files})`));
      replace(list, ...batch.videos.map((v) => h('li', {class: 'card video-item', 'data-position': v.position, 'data-status': v.status},
        h('div', {class: 'video-link'},
          h('span', {class: 'video-theme'}, `${v.position}. ${v.theme}`),
          v.message ? h('span', {class: 'meta'}, v.message) : null,
          h('span', {class: 'card-actions'},
            ['pending', 'starting', 'skipped', 'deleted'].includes(v.status) || (v.status === 'failed' && v.reason)
              ? null : h('a', {href: `#/videos/${encodeURIComponent(v.id)}`}, `Open video ${v.position}`),
            v.fileUrl ? h('a', {href: authorizedUrl(v.fileUrl), download: `${v.position}-final.mp4`, 'data-file': 'final.mp4'},
              `Download video ${v.position} (MP4)`) : null)),
        h('span', {class: badgeClass(v.status)}, word(v.status)))));
    }

    await refresh();
  },
};
