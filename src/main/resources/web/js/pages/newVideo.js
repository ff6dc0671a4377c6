// New video: theme, cast (1–3 characters), language, blocks, provider → the planned script, its price and Start.
import {post} from '../api.js';
import {busy, field, h, pageHead, replace, say} from '../dom.js';
import {charactersFor} from '../characterList.js';
import {draftPanel} from '../draftPanel.js';
import {LANGUAGES, PLANS, PROVIDERS} from '../format.js';
import {loadImage} from '../media.js';

export async function render(view, ctx) {
  view.append(pageHead('New video', 'Give a theme and pick your characters (up to 3). You will see the script and its price before anything is made.'));

  const characters = await charactersFor(view, ctx, 'A video');
  if (!characters) return;

  const wanted = ctx.query.get('character');
  const theme = h('textarea', {name: 'theme', rows: 3, required: true, maxlength: 500,
    placeholder: 'e.g. A banana discovers a treasure map in an old library'});
  // The cast: 1–3 characters; the first one picked is the lead (it gets character.png and the first voice).
  const cast = h('select', {name: 'characterIds', multiple: true, required: true, size: Math.min(characters.length, 6)},
    characters.map((c) => h('option', {value: c.id, selected: c.id === (wanted || characters[0].id)}, c.name)));
  let order = [...cast.selectedOptions].map((o) => o.value);
  const portrait = h('div', {class: 'chosen-portrait cast-portraits'});
  const showCast = () => {
    const chosen = [...cast.selectedOptions].map((o) => o.value);
    order = order.filter((id) => chosen.includes(id)).concat(chosen.filter((id) => !order.includes(id)));
    replace(portrait, ...order.map((id) => characters.find((x) => x.id === id)).map((c) => h('figure', {class: 'cast-member'},
      loadImage(h('img', {class: 'portrait small', alt: `Portrait of ${c.name}`, width: 96, height: 96}), c.imageUrl),
      h('figcaption', {}, c.name))));
  };
  cast.addEventListener('change', showCast);
  showCast();
  const language = h('select', {name: 'language'}, LANGUAGES.map((l) => h('option', {value: l.id}, l.label)));
  const blocks = h('input', {name: 'blocks', type: 'number', min: 1, max: 21, value: '4', required: true, inputmode: 'numeric'});
  const provider = h('select', {name: 'provider'}, PROVIDERS.map((p) => h('option', {value: p.id}, p.label)));
  // The plan matters only for a paid take: the local animatic has one way.
  const plan = h('select', {name: 'plan'}, PLANS.map((p) => h('option', {value: p.id}, p.label)));
  const planField = field('Plan', plan, 'Both plans and their prices are shown side by side once the script is planned.');
  const showPlan = () => { planField.hidden = provider.value !== 'google'; };
  provider.addEventListener('change', showPlan);
  showPlan();
  const message = h('div', {class: 'message-slot'});
  const draftSlot = h('div', {class: 'draft-slot'});

  const form = h('form', {class: 'card plan-form', 'aria-labelledby': 'plan-heading'},
    h('h2', {id: 'plan-heading', class: 'visually-hidden'}, 'What the video is about'),
    field('Theme', theme),
    h('div', {class: 'character-pick'}, field('Characters', cast, 'Pick 1 to 3 (Ctrl or ⌘ to pick more); the first picked leads.'), portrait),
    h('div', {class: 'three-up'},
      field('Language', language),
      field('Blocks', blocks, 'One block ≈ 8 s of video.'),
      field('Provider', provider)),
    planField,
    message,
    h('button', {type: 'submit', class: 'primary'}, 'Plan the script'));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(draftSlot);
    if (order.length < 1 || order.length > 3) {
      say(message, 'error', `Pick 1 to 3 characters, not ${order.length}.`);
      return;
    }
    await busy(form, async () => {
      say(message, 'info', 'Writing the script…');
      try {
        const video = await post('/videos', {
          theme: theme.value.trim(), characterIds: order, language: language.value,
          blocks: Number(blocks.value), provider: provider.value,
          ...(provider.value === 'google' ? {plan: plan.value} : {}),
        });
        say(message, 'success', 'Script planned. Nothing is made until you press Start.');
        draftSlot.append(draftPanel(video, (started) => ctx.go(`/videos/${started.id}`)));
        draftSlot.querySelector('h2').setAttribute('tabindex', '-1');
        draftSlot.querySelector('h2').focus();
      } catch (e) {
        say(message, 'error', e.message);
      }
    });
  });

  view.append(form, draftSlot);
}
