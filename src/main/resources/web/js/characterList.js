// The user's characters for a form that needs one (a new video, a batch). When there are none, or they cannot be
// loaded, the page says so (with the way to make one) instead of showing a form that cannot be sent.
import {get} from './api.js';
import {h} from './dom.js';

/** The characters, or null after telling the user why the form is not shown. {@code what}: "A video", "A batch". */
export async function charactersFor(view, ctx, what) {
  try {
    const characters = (await get('/characters?limit=100', {signal: ctx.signal})).items;
    if (characters.length > 0) return characters;
    view.append(h('div', {class: 'card empty'},
      h('p', {}, `${what} needs a character first.`),
      h('a', {class: 'button primary', href: '#/characters'}, 'Create or upload a character')));
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    view.append(h('p', {class: 'notice notice-error', role: 'alert'}, `Could not load your characters: ${e.message}`));
  }
  return null;
}
