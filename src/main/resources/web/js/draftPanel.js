// A planned (draft) video before it is paid for: the price, the budget, the script editor, and Start.
// Used by the new-video page right after planning and by the video page while the video is a draft.
import {ApiError, get, post, put} from './api.js';
import {h, say} from './dom.js';
import {budgetRefusal, budgetText, estimateText, money, planText} from './format.js';
import {scriptEditor} from './scriptEditor.js';
import {storyboardPanel} from './storyboard.js';

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
    video.plans ? plansTable(video) : null,
    video.plan === 'parallel' ? storyboardPanel(video) : null,
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

/** Both plans side by side: calls, billed seconds, dollars and the expected wait (L: one video call). */
function plansTable(video) {
  return h('table', {class: 'plans'},
    h('caption', {}, `Plans (L = the time of one video call; ${video.concurrency} at once)`),
    h('thead', {}, h('tr', {}, ['Plan', 'Calls', 'Billed', 'Cost', 'Wait'].map((t) => h('th', {scope: 'col'}, t)))),
    h('tbody', {}, video.plans.map((p) => h('tr', {'data-plan': p.plan, class: p.plan === video.plan ? 'chosen' : null},
      h('th', {scope: 'row'}, p.plan === video.plan ? `${p.plan} (chosen)` : p.plan),
      p.refusal ? h('td', {colspan: 4}, p.refusal) : [
        h('td', {}, `${p.videoCalls} video + ${p.imageCalls} image`),
        h('td', {}, `${Math.round(p.billedSeconds)} s`),
        h('td', {}, money(p.usd)),
        h('td', {}, p.wall)]))));
}
