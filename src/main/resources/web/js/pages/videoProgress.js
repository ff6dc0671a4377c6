// The progress part of the video page: a bar and a spoken summary, every step with its state, and
// one card per block (its poster or clip as soon as it is made, its character-match score, its lines, its
// step's state, its error, and "Regenerate from here").
import {h, replace} from '../dom.js';
import {authorizedUrl, loadImage} from '../media.js';
import {badgeClass, blockOfStep, isFinished, seconds, statusWord, stepLabel} from '../format.js';

export function progressView(onRegenerate) {
  const bar = h('progress', {id: 'progress-bar', max: 1, value: 0, 'aria-labelledby': 'progress-heading'});
  const summary = h('p', {class: 'progress-text', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true'});
  const steps = h('ol', {class: 'steps', 'aria-label': 'Steps'});
  const blocks = h('ol', {class: 'blocks', 'aria-label': 'Blocks'});
  const drawn = new Map(); // block number → what its card shows, to redraw (and lose focus) only on change

  const element = h('div', {class: 'progress-area'},
    h('section', {class: 'card', 'aria-labelledby': 'progress-heading'},
      h('h2', {id: 'progress-heading'}, 'Progress'), bar, summary, steps),
    h('section', {'aria-labelledby': 'blocks-heading'},
      h('h2', {id: 'blocks-heading'}, 'Blocks'),
      h('p', {class: 'hint'}, 'Each block becomes one clip of the video (the first about 8 s, the next ones about 7 s).'),
      blocks));

  function update(video) {
    const list = video.steps || [];
    const done = video.progress?.done ?? list.filter((s) => s.status === 'done').length;
    const total = video.progress?.total ?? list.length;
    bar.max = Math.max(total, 1);
    bar.value = done;
    const text = summaryText(video, list, done, total);
    if (summary.textContent !== text) summary.textContent = text; // unchanged text is not announced again

    replace(steps, list.map((s) => h('li', {class: `step step-${s.status}`, 'data-step': s.name},
      h('span', {class: 'step-name'}, stepLabel(s.name)),
      h('span', {class: badgeClass(s.status)}, statusWord(s.status)),
      s.millis ? h('span', {class: 'step-time'}, seconds(s.millis)) : null,
      s.attempts > 1 ? h('span', {class: 'step-time'}, `attempt ${s.attempts}`) : null,
      s.error ? h('p', {class: 'step-error'}, s.error) : null)));

    const blockSteps = new Map(list.filter((s) => blockOfStep(s.name)).map((s) => [blockOfStep(s.name), s]));
    (video.script?.blocks || []).forEach((block, i) => {
      const step = blockSteps.get(block.number) || {status: 'pending'};
      const preview = (video.blockPreviews || []).find((b) => b.block === block.number) || {};
      const canRegenerate = isFinished(video.status);
      // a new run of the block (regenerated) is a new finish time: the URLs change so the browser does not reuse the old clip
      const key = JSON.stringify([step.status, step.error, step.millis, step.finishedAt, canRegenerate, block, preview]);
      if (drawn.get(block.number) === key) return;
      drawn.set(block.number, key);
      const card = blockCard(block, step, preview, canRegenerate, onRegenerate);
      const old = blocks.children[i];
      if (old) old.replaceWith(card); else blocks.append(card);
    });
  }

  return {element, update};
}

function summaryText(video, list, done, total) {
  if (video.status === 'completed') return `Done: all ${total} steps finished.`;
  if (video.status === 'failed') return `Stopped: ${done} of ${total} steps done before a failure.`;
  if (video.status === 'cancelled') return `Cancelled after ${done} of ${total} steps.`;
  if (video.status === 'queued') return `Queued: waiting for a worker (${done} of ${total} steps done).`;
  const running = list.find((s) => s.status === 'running');
  return `${done} of ${total} steps done${running ? `; now making: ${stepLabel(running.name)}` : ''}.`;
}

/** The block as it finished: its clip (with its poster) or, where no clip is made per block, its poster. */
function blockMedia(block, step, preview) {
  const version = encodeURIComponent(step.finishedAt || '');
  if (preview.clip) {
    return h('video', {class: 'block-clip', controls: '', preload: 'none', 'aria-label': `Block ${block.number} clip`,
      poster: preview.poster ? `${authorizedUrl(preview.poster)}&v=${version}` : '', src: `${authorizedUrl(preview.clip)}&v=${version}`});
  }
  if (preview.poster) return loadImage(h('img', {class: 'block-poster', alt: `Block ${block.number} poster`}), `${preview.poster}?v=${version}`);
  return h('span', {'aria-hidden': 'true'}, step.status === 'running' ? '…' : step.status === 'failed' ? '!' : block.number);
}

/** "Character match 92%", and what the drift check did when the first take scored under the threshold. */
function driftLine(preview) {
  if (preview.driftScore === null || preview.driftScore === undefined) return null;
  const retake = preview.retake || 'none';
  const what = retake === 'none' ? '' : retake === 'kept retake' ? ' (re-made once: the character had drifted; the better take is kept)'
    : retake === 'kept first' ? ' (re-made once; the first take was better and is kept)' : ` (not re-made: ${retake.replace(/^refused: /, '')})`;
  return h('p', {class: `drift ${preview.driftScore < 0.5 ? 'drift-low' : 'drift-ok'}`, 'data-drift': preview.driftScore, title: preview.driftReason || ''},
    h('span', {class: 'label'}, 'Character match '), `${Math.round(preview.driftScore * 100)}%${what}`);
}

function blockCard(block, step, preview, canRegenerate, onRegenerate) {
  return h('li', {class: `card block-card block-${step.status}`, 'data-block': block.number},
    h('div', {class: `clip-slot clip-${step.status}`}, blockMedia(block, step, preview)),
    h('div', {class: 'block-body'},
      h('h3', {}, `Block ${block.number} `, h('span', {class: badgeClass(step.status)}, statusWord(step.status)),
        step.millis ? h('span', {class: 'step-time'}, ` ${seconds(step.millis)}`) : null),
      h('ul', {class: 'lines'}, block.dialogue.map((l) => h('li', {}, l.speaker ? h('strong', {}, `${l.speaker}: `) : null, l.text))),
      block.visual ? h('p', {class: 'visual'}, h('span', {class: 'label'}, 'Visual '), block.visual) : null,
      block.sound ? h('p', {class: 'sound'}, h('span', {class: 'label'}, 'Sound '), block.sound) : null,
      driftLine(preview),
      step.error ? h('p', {class: 'step-error', role: 'alert'}, `Why it failed: ${step.error}`) : null,
      canRegenerate
        ? h('button', {type: 'button', class: 'secondary', onclick: () => onRegenerate(block.number)},
          `Regenerate from block ${block.number}`)
        : null));
}
