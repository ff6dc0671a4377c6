// The progress part of the video page: a bar and a spoken summary, every step with its state, and
// one card per block (its lines, its step's state, its error, and "Regenerate from here").
import {h, replace} from '../dom.js';
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
      const canRegenerate = isFinished(video.status);
      const key = JSON.stringify([step.status, step.error, step.millis, canRegenerate, block]);
      if (drawn.get(block.number) === key) return;
      drawn.set(block.number, key);
      const card = blockCard(block, step, canRegenerate, onRegenerate);
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

function blockCard(block, step, canRegenerate, onRegenerate) {
  return h('li', {class: `card block-card block-${step.status}`, 'data-block': block.number},
    h('div', {class: `clip-slot clip-${step.status}`, 'aria-hidden': 'true'},
      h('span', {}, step.status === 'done' ? '✓' : step.status === 'running' ? '…' : step.status === 'failed' ? '!' : block.number)),
    h('div', {class: 'block-body'},
      h('h3', {}, `Block ${block.number} `, h('span', {class: badgeClass(step.status)}, statusWord(step.status)),
        step.millis ? h('span', {class: 'step-time'}, ` ${seconds(step.millis)}`) : null),
      h('ul', {class: 'lines'}, block.dialogue.map((l) => h('li', {}, l.speaker ? h('strong', {}, `${l.speaker}: `) : null, l.text))),
      block.visual ? h('p', {class: 'visual'}, h('span', {class: 'label'}, 'Visual '), block.visual) : null,
      block.sound ? h('p', {class: 'sound'}, h('span', {class: 'label'}, 'Sound '), block.sound) : null,
      step.error ? h('p', {class: 'step-error', role: 'alert'}, `Why it failed: ${step.error}`) : null,
      canRegenerate
        ? h('button', {type: 'button', class: 'secondary', onclick: () => onRegenerate(block.number)},
          `Regenerate from block ${block.number}`)
        : null));
}
