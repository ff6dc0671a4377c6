// New video: theme, character, language, blocks, provider → the planned script, its price and Start.
import {post} from '../api.js';
import {busy, field, h, replace, say} from '../dom.js';
import {charactersFor} from '../characterList.js';
import {draftPanel} from '../draftPanel.js';
import {LANGUAGES, PROVIDERS} from '../format.js';
import {loadImage} from '../media.js';

export async function render(view, ctx) {
  view.append(h('div', {class: 'page-head'},
    h('h1', {}, 'New video'),
    h('p', {class: 'lead'}, 'Give a theme and pick your character. You will see the script and its price before anything is made.')));

  const characters = await charactersFor(view, ctx, 'A video');
  if (!characters) return;

  const wanted = ctx.query.get('character');
  const theme = h('textarea', {name: 'theme', rows: 3, required: true, maxlength: 500,
    placeholder: 'e.g. A banana discovers a treasure map in an old library'});
  const character = h('select', {name: 'characterId', required: true},
    characters.map((c) => h('option', {value: c.id, selected: c.id === wanted}, c.name)));
  const portrait = h('div', {class: 'chosen-portrait'});
  const showPortrait = () => {
    const c = characters.find((x) => x.id === character.value);
    replace(portrait, loadImage(h('img', {class: 'portrait small', alt: `Portrait of ${c.name}`, width: 96, height: 96}), c.imageUrl));
  };
  character.addEventListener('change', showPortrait);
  showPortrait();
  const language = h('select', {name: 'language'}, LANGUAGES.map((l) => h('option', {value: l.id}, l.label)));
  const blocks = h('input', {name: 'blocks', type: 'number', min: 1, max: 21, value: '4', required: true, inputmode: 'numeric'});
  const provider = h('select', {name: 'provider'}, PROVIDERS.map((p) => h('option', {value: p.id}, p.label)));
  const message = h('div', {class: 'message-slot'});
  const draftSlot = h('div', {class: 'draft-slot'});

  const form = h('form', {class: 'card plan-form', 'aria-labelledby': 'plan-heading'},
    h('h2', {id: 'plan-heading', class: 'visually-hidden'}, 'What the video is about'),
    field('Theme', theme),
    h('div', {class: 'character-pick'}, field('Character', character), portrait),
    h('div', {class: 'three-up'},
      field('Language', language),
      field('Blocks', blocks, 'One block ≈ 8 s of video.'),
      field('Provider', provider)),
    message,
    h('button', {type: 'submit', class: 'primary'}, 'Plan the script'));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(draftSlot);
    await busy(form, async () => {
      say(message, 'info', 'Writing the script…');
      try {
        const video = await post('/videos', {
          theme: theme.value.trim(), characterId: character.value, language: language.value,
          blocks: Number(blocks.value), provider: provider.value,
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
