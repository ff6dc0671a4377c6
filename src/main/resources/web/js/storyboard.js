// A parallel video's storyboard before it is paid for: its keyframes (the stills every block runs between), drawn
// on demand, any one redrawn, with the price of the video still to come.
import {ApiError, get, post} from './api.js';
import {h, replace, say} from './dom.js';
import {budgetRefusal, money} from './format.js';
import {loadImage} from './media.js';

export function storyboardPanel(video) {
  const path = `/videos/${encodeURIComponent(video.id)}/storyboard`;
  const message = h('div', {class: 'message-slot'});
  const price = h('dl', {class: 'price storyboard-price'});
  const frames = h('ol', {class: 'keyframes'});
  const drawButton = h('button', {type: 'button', class: 'secondary'}, 'Draw the storyboard');
  const section = h('section', {class: 'storyboard', 'aria-labelledby': 'storyboard-heading'},
    h('h2', {id: 'storyboard-heading'}, 'Storyboard'),
    h('p', {class: 'hint'}, 'Every block is filmed between two of these keyframes, all blocks at once. Look at them and redraw any one '
      + 'before you start: no video is paid for until then.'),
    price, message, drawButton, frames);

  function show(board) {
    const pending = board.keyframes.filter((k) => k.status !== 'done').length;
    drawButton.hidden = board.drawn;
    drawButton.textContent = `Draw the storyboard (${pending} picture${pending === 1 ? '' : 's'}, ${money(board.drawUsd)})`;
    replace(price,
      h('div', {}, h('dt', {}, 'Video still to come'), h('dd', {class: 'video-price'}, money(board.videoUsd))),
      h('div', {}, h('dt', {}, 'Spent on keyframes'), h('dd', {class: 'keyframes-spent'}, money(board.spentUsd))),
      h('div', {}, h('dt', {}, 'One redraw'), h('dd', {}, money(board.redrawUsd))));
    replace(frames, board.keyframes.map((k) => h('li', {class: 'keyframe', 'data-status': k.status},
      h('figure', {},
        k.image ? loadImage(h('img', {alt: `Keyframe ${k.number}: ${k.scene}`, width: 135, height: 240}), k.image)
          : h('div', {class: 'keyframe-empty'}, 'Not drawn yet'),
        h('figcaption', {}, h('strong', {}, `Keyframe ${k.number}`), ` ${k.scene}`)),
      k.image ? h('button', {type: 'button', class: 'secondary', onclick: () => act(`${path}/${k.number}/redraw`, `Redrawing keyframe ${k.number}…`)},
        `Redraw keyframe ${k.number}`) : null)));
  }

  async function act(url, doing) {
    say(message, 'info', doing);
    section.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    try {
      show(await post(url));
      say(message, 'success', 'Storyboard updated. Nothing is filmed until you press Start.');
    } catch (e) {
      say(message, 'error', e instanceof ApiError && e.status === 402 ? budgetRefusal(e) : e.message);
    } finally {
      section.querySelectorAll('button').forEach((b) => { b.disabled = false; });
    }
  }

  drawButton.addEventListener('click', () => act(path, 'Drawing the keyframes…'));
  get(path).then(show, (e) => say(message, 'error', `The storyboard cannot be shown: ${e.message}`));
  return section;
}
