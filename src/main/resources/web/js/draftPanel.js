// A planned (draft) video before it is paid for: the price, the budget, the script editor, and Start.
// Used by the new-video page right after planning and by the video page while the video is a draft.
import {ApiError, get, post, put} from './api.js';
import {h, say} from './dom.js';
import {budgetRefusal, budgetText, estimateText, planText} from './format.js';
import {scriptEditor} from './scriptEditor.js';

/** onStarted(video) is called once the server accepted the start. */
export function draftPanel(video, onStarted) {
  const editor = scriptEditor(video.script, () => { saveButton.disabled = false; say(message, null, ''); });
  const message = h('div', {class: 'message-slot'});
  const saveButton = h('button', {type: 'button', class: 'secondary', disabled: true}, 'Save script');
  const startButton = h('button', {type: 'submit', class: 'primary'}, 'Start making the video');
  const path = `/videos/${encodeURIComponent(video.id)}`;
  const budget = h('dd', {class: 'budget'}, 'Checking…');
  // The caller's budget (GET /spend): what is left once spend and other videos' reservations are counted.
  get('/spend').then((spend) => { budget.textContent = budgetText(spend); }, () => { budget.textContent = budgetText(null); });

  async function save() {
    const updated = await put(`${path}/script`, editor.script());
    editor.saved();
    saveButton.disabled = true;
    return updated;
  }

  saveButton.addEventListener('click', async () => {
    try {
      await save();
      say(message, 'success', 'Script saved.');
    } catch (e) {
      say(message, 'error', `The script was not saved: ${e.message}`);
    }
  });

  const form = h('form', {class: 'draft', 'aria-labelledby': 'draft-heading'},
    h('h2', {id: 'draft-heading'}, 'Planned script'),
    h('p', {class: 'hint'}, 'Read and edit every line before you start: the video is made from this script.'),
    h('dl', {class: 'price'},
      h('div', {}, h('dt', {}, 'Cost estimate'), h('dd', {class: 'estimate'}, estimateText(video.estimate))),
      h('div', {}, h('dt', {}, 'Budget'), budget),
      h('div', {}, h('dt', {}, 'Blocks'), h('dd', {}, String(video.script.blocks.length))),
      // fewer restarts from a last frame mean fewer visible cuts in the take
      planText(video.estimate) && h('div', {}, h('dt', {}, 'Takes'),
        h('dd', {class: 'plan', title: video.estimate.plan.summary}, planText(video.estimate)))),
    editor.element,
    message,
    h('div', {class: 'actions sticky-actions'}, saveButton, startButton));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    startButton.disabled = true;
    say(message, 'info', editor.dirty() ? 'Saving your edits and starting…' : 'Starting…');
    try {
      if (editor.dirty()) await save();
      onStarted(await post(`${path}/start`));
    } catch (e) {
      say(message, 'error', e instanceof ApiError && e.status === 402 ? budgetRefusal(e) : `The video did not start: ${e.message}`);
      startButton.disabled = false;
    }
  });
  return form;
}
