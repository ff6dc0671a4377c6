// The character library: the user's characters as a grid of portraits, with two ways to add one
// (described and drawn by the server's provider, or uploaded) and a confirmed delete.
import {del, get, post} from '../api.js';
import {field, h, replace, say, submitWith} from '../dom.js';
import {loadImage} from '../media.js';

const PAGE = 24;
const STYLES = ['anime', 'cartoon', '3D render', 'watercolor', 'pixel art', 'claymation', 'comic book'];

export async function render(view, ctx) {
  const grid = h('ul', {class: 'character-grid', 'aria-label': 'Your characters'});
  const listStatus = h('div', {class: 'message-slot'});
  const more = h('button', {type: 'button', class: 'secondary', hidden: true}, 'Show more characters');
  let loaded = 0;

  async function loadPage(reset) {
    if (reset) { replace(grid); loaded = 0; }
    try {
      const page = await get(`/characters?limit=${PAGE}&offset=${loaded}`, {signal: ctx.signal});
      page.items.forEach((c) => grid.append(card(c, ctx, () => loadPage(true))));
      loaded += page.items.length;
      more.hidden = loaded >= page.total;
      say(listStatus, 'info', page.total === 0 ? 'No characters yet. Describe one or upload a picture below.' : '');
    } catch (e) {
      if (e.name !== 'AbortError') say(listStatus, 'error', `Could not load your characters: ${e.message}`);
    }
  }
  more.addEventListener('click', () => loadPage(false));

  view.append(
    h('div', {class: 'page-head'},
      h('h1', {}, 'Characters'),
      h('p', {class: 'lead'}, 'Your recurring cast. Every video keeps the same face by reusing a character’s reference image.')),
    h('section', {'aria-labelledby': 'library-heading'},
      h('h2', {id: 'library-heading'}, 'Library'),
      listStatus, grid, more),
    h('section', {class: 'add-character', 'aria-labelledby': 'add-heading'},
      h('h2', {id: 'add-heading'}, 'Add a character'),
      h('div', {class: 'two-up'}, describeForm(() => loadPage(true)), uploadForm(() => loadPage(true)))));
  await loadPage(true);
}

function describeForm(onAdded) {
  const name = h('input', {name: 'name', required: true, maxlength: 80, autocomplete: 'off'});
  const description = h('textarea', {name: 'description', rows: 3, maxlength: 1000, required: true});
  const style = h('input', {name: 'style', list: 'style-options', maxlength: 80, value: 'cartoon'});
  const message = h('div', {class: 'message-slot'});
  const form = h('form', {class: 'card', 'aria-labelledby': 'describe-heading'},
    h('h3', {id: 'describe-heading'}, 'Describe it'),
    field('Name', name),
    field('Description', description, 'Looks, clothes, mood: what the picture must show.'),
    field('Style', style),
    h('datalist', {id: 'style-options'}, STYLES.map((s) => h('option', {value: s}))),
    h('p', {class: 'hint'}, 'Drawn by the server’s character provider (the offline one draws a portrait for free).'),
    message,
    h('button', {type: 'submit', class: 'primary'}, 'Create character'));
  submitWith(form, message, 'Drawing the character…', async () => {
    const c = await post('/characters', {name: name.value.trim(), description: description.value.trim(), style: style.value.trim()});
    form.reset();
    say(message, 'success', `${c.name} was added to your library.`);
    onAdded();
  });
  return form;
}

function uploadForm(onAdded) {
  const name = h('input', {name: 'name', required: true, maxlength: 80, autocomplete: 'off'});
  const description = h('textarea', {name: 'description', rows: 3, maxlength: 1000});
  const image = h('input', {name: 'image', type: 'file', required: true, accept: 'image/png,image/jpeg,image/webp'});
  const preview = h('img', {class: 'upload-preview', alt: '', hidden: true});
  const message = h('div', {class: 'message-slot'});
  image.addEventListener('change', () => {
    const file = image.files[0];
    if (preview.src) URL.revokeObjectURL(preview.src);
    preview.hidden = !file;
    if (file) {
      preview.src = URL.createObjectURL(file);
      preview.alt = `Preview of ${file.name}`;
    }
  });
  const form = h('form', {class: 'card', 'aria-labelledby': 'upload-heading'},
    h('h3', {id: 'upload-heading'}, 'Upload a picture'),
    field('Name', name),
    field('Description', description, 'Optional; used in the script and the video prompts.'),
    field('Image', image, 'PNG, JPEG or WebP, up to 10 MB.'),
    preview,
    message,
    h('button', {type: 'submit', class: 'primary'}, 'Upload character'));
  submitWith(form, message, null, async () => {
    const data = new FormData();
    data.append('name', name.value.trim());
    data.append('description', description.value.trim());
    data.append('image', image.files[0]);
    const c = await post('/characters/upload', data);
    form.reset();
    preview.hidden = true;
    say(message, 'success', `${c.name} was added to your library.`);
    onAdded();
  });
  return form;
}

function card(c, ctx, onDeleted) {
  const img = loadImage(h('img', {class: 'portrait', alt: `Portrait of ${c.name}`, width: 360, height: 360}), c.imageUrl);
  const actions = h('div', {class: 'card-actions'});
  const message = h('div', {class: 'message-slot'});

  function normal() {
    replace(actions,
      h('a', {class: 'button primary', href: `#/new?character=${encodeURIComponent(c.id)}`}, 'New video'),
      h('button', {type: 'button', class: 'secondary danger', 'aria-label': `Delete ${c.name}`, onclick: confirm}, 'Delete'));
  }
  // Asks in place rather than with window.confirm(): keyboard- and screen-reader-friendly, and testable.
  function confirm() {
    const yes = h('button', {type: 'button', class: 'primary danger', onclick: remove}, `Yes, delete ${c.name}`);
    replace(actions, h('span', {class: 'confirm-text'}, 'Delete for good?'), yes,
      h('button', {type: 'button', class: 'secondary', onclick: () => { normal(); actions.querySelector('button').focus(); }}, 'Keep'));
    yes.focus();
  }
  async function remove() {
    try {
      await del(`/characters/${encodeURIComponent(c.id)}`);
      onDeleted();
    } catch (e) {
      say(message, 'error', e.message);
      normal();
    }
  }
  normal();
  return h('li', {class: 'card character-card'},
    img,
    h('div', {class: 'character-body'},
      h('h3', {}, c.name),
      c.description ? h('p', {class: 'description'}, c.description) : null,
      h('p', {class: 'meta'}, [c.style, c.source === 'upload' ? 'uploaded' : 'generated'].filter(Boolean).join(' · ')),
      message, actions));
}
