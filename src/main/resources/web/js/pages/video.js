// One video: the draft editor before it starts; then live per-step progress (SSE), per-block status,
// errors with Retry / Regenerate-from-here; when done, the player with subtitles and the downloads.
import {ApiError, del, events, get, post} from '../api.js';
import {formatDate, h, replace, say} from '../dom.js';
import {draftPanel} from '../draftPanel.js';
import {badgeClass, budgetRefusal, castNames, estimateText, isFinished, spentText, statusWord, stepLabel} from '../format.js';
import {progressView} from './videoProgress.js';
import {resultView} from './videoResult.js';

const RECONNECT_MS = 2000;

export async function render(view, ctx) {
  const id = ctx.params[0];
  const path = `/videos/${encodeURIComponent(id)}`;
  let video;
  try {
    video = await get(path, {signal: ctx.signal});
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return notFound(view);
    throw e;
  }

  if (video.status === 'draft') {
    view.append(heading(video), draftPanel(video, () => ctx.go(`/videos/${id}`)));
    return;
  }

  let script = video.script; // the live events carry no script; keep the one from GET
  const head = h('div');
  const alerts = h('div', {class: 'message-slot'});
  const actions = h('div', {class: 'actions'});
  const progress = progressView((k) => act(`regenerate?fromBlock=${k}`, `Regenerating from block ${k}…`));
  const result = resultView(path);
  view.append(head, alerts, actions, result.element, progress.element);

  let following = false;
  let interrupted = false; // the live stream dropped and is being reopened
  // Events come every half second while a video is made: the heading and the buttons are redrawn only
  // when they change, so keyboard focus on them is not lost to a redraw.
  let drawnHead = null;
  let drawnActions = null;
  function show(v) {
    video = {...v, script: v.script || script};
    script = video.script;
    const headKey = JSON.stringify([video.status, video.script?.title, video.theme, video.blocks, video.estimate, video.spentUsd]);
    if (headKey !== drawnHead) {
      drawnHead = headKey;
      const hadFocus = head.contains(document.activeElement);
      replace(head, heading(video));
      if (hadFocus) head.querySelector('h1').focus();
    }
    progress.update(video);
    result.update(video);
    if (video.status === drawnActions) return;
    drawnActions = video.status;
    const focused = actions.contains(document.activeElement) ? document.activeElement.textContent : null;
    replace(actions,
      video.status === 'queued' || video.status === 'running'
        ? h('button', {type: 'button', class: 'secondary danger', onclick: () => act('cancel', 'Cancelling…')}, 'Cancel')
        : null,
      video.status === 'failed' || video.status === 'cancelled'
        ? h('button', {type: 'button', class: 'primary', onclick: () => act('retry', 'Retrying from the first unfinished step…')},
          'Retry from where it stopped')
        : null,
      isFinished(video.status) ? h('button', {type: 'button', class: 'secondary danger', onclick: confirmDelete}, 'Delete video') : null);
    if (focused !== null) { // the focused button was redrawn: focus its new copy, or the heading if it is gone
      const same = [...actions.querySelectorAll('button')].find((b) => b.textContent === focused);
      (same || head.querySelector('h1')).focus();
    }
    if (video.status === 'failed' && video.failReason === 'budget') {
      say(alerts, 'error', `Stopped before it went over budget: ${video.error} Nothing past the budget was charged.`);
    } else if (video.status === 'failed') {
      say(alerts, 'error', `The video failed: ${video.error || failedStepReason(video) || 'no reason was given'}`);
    } else if (video.status === 'cancelled') {
      say(alerts, 'info', 'The video was cancelled. Retry to go on from where it stopped.');
    } else if (!alerts.querySelector('.notice-info')) {
      say(alerts, null, '');
    }
  }

  // Asked in place (not window.confirm) so it works the same with a keyboard and a screen reader.
  function confirmDelete() {
    const yes = h('button', {type: 'button', class: 'primary danger', onclick: async () => {
      try {
        await del(path);
        ctx.go('/videos');
      } catch (e) {
        say(alerts, 'error', e.message);
      }
    }}, 'Yes, delete this video and its files');
    replace(actions, yes, h('button', {type: 'button', class: 'secondary', onclick: () => {
      drawnActions = null;
      show(video);
      actions.querySelector('button:last-child').focus();
    }}, 'Keep it'));
    yes.focus();
  }

  async function act(action, pending) {
    say(alerts, 'info', pending);
    try {
      show(await post(`${path}/${action}`, undefined, {signal: ctx.signal}));
      say(alerts, null, '');
      follow();
    } catch (e) {
      if (e.name === 'AbortError') return;
      say(alerts, 'error', e instanceof ApiError && e.status === 402 ? budgetRefusal(e) : e.message);
    }
  }

  // Live updates until the video is finished; reconnects after a dropped stream.
  async function follow() {
    if (following) return;
    following = true;
    try {
      while (!ctx.signal.aborted && !isFinished(video.status)) {
        try {
          await events(`${path}/events`, (name, data) => {
            if (name !== 'video') return;
            if (interrupted) {
              interrupted = false;
              say(alerts, null, '');
            }
            show(data);
          }, {signal: ctx.signal});
          show(await get(path, {signal: ctx.signal})); // the final state, with the script
        } catch (e) {
          if (e.name === 'AbortError') return;
          interrupted = true;
          say(alerts, 'info', 'Live updates were interrupted; reconnecting…');
          await sleep(RECONNECT_MS, ctx.signal);
        }
      }
    } finally {
      following = false;
    }
  }

  show(video);
  follow();
}

function heading(video) {
  const title = video.script?.title || video.theme;
  return h('div', {class: 'page-head video-head'},
    h('p', {class: 'eyebrow'}, h('a', {href: '#/videos'}, '← Your videos')),
    h('h1', {tabindex: -1}, title),
    h('p', {class: 'meta'},
      h('span', {class: badgeClass(video.status), 'data-status': video.status}, statusWord(video.status)), ' ',
      [castNames(video), `${video.blocks} block${video.blocks === 1 ? '' : 's'}`, video.language?.toUpperCase(), video.provider,
        `cost ${estimateText(video.estimate).toLowerCase()}`, spentText(video), formatDate(video.createdAt)].filter(Boolean).join(' · ')),
    video.theme !== title ? h('p', {class: 'theme'}, `Theme: ${video.theme}`) : null);
}

function failedStepReason(video) {
  const step = (video.steps || []).find((s) => s.status === 'failed');
  return step ? `${stepLabel(step.name)}: ${step.error || 'failed'}` : null;
}

function notFound(view) {
  view.append(h('div', {class: 'page-head'}, h('h1', {}, 'Video not found')),
    h('p', {class: 'notice notice-error', role: 'alert'}, 'This video does not exist or belongs to another account.'),
    h('a', {class: 'button primary', href: '#/videos'}, 'Back to your videos'));
}

function sleep(ms, signal) {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, {once: true});
  });
}
