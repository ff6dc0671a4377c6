// Edits a planned script in place: title, and per block the dialogue lines, the visual and the sound.
// The script object keeps exactly the fields the API sent (the server refuses unknown ones).
import {h} from './dom.js';

/** Returns {element, script(), dirty()}; the script object is a deep copy that the inputs write to. */
export function scriptEditor(original, onChange = () => {}) {
  const script = structuredClone(original);
  let changed = false;
  const touched = () => { changed = true; onChange(); };

  const bind = (el, read, write) => {
    el.value = read();
    el.addEventListener('input', () => { write(el.value); touched(); });
    return el;
  };
  const text = (id, label, read, write, rows = 2) => h('div', {class: 'field'},
    h('label', {for: id}, label),
    bind(h('textarea', {id, rows}), read, write));

  const blocks = script.blocks.map((block, b) => h('fieldset', {class: 'block-editor', 'data-block': block.number},
    h('legend', {}, `Block ${block.number}`),
    h('div', {class: 'dialogue'},
      h('h4', {}, 'Dialogue'),
      block.dialogue.length === 0 ? h('p', {class: 'hint'}, 'No dialogue in this block.') : null,
      block.dialogue.map((line, l) => {
        const id = `block-${b + 1}-line-${l + 1}`;
        return h('div', {class: 'dialogue-line'},
          h('div', {class: 'field speaker'},
            h('label', {for: `${id}-speaker`}, `Speaker, line ${l + 1}`),
            bind(h('input', {id: `${id}-speaker`, maxlength: 80}), () => line.speaker, (v) => { line.speaker = v; })),
          h('div', {class: 'field line-text'},
            h('label', {for: `${id}-text`}, `Line ${l + 1}, block ${block.number}`),
            bind(h('textarea', {id: `${id}-text`, rows: 2, maxlength: 400, 'data-line': `${b + 1}.${l + 1}`}),
              () => line.text, (v) => { line.text = v; })));
      })),
    text(`block-${b + 1}-visual`, 'Visual', () => block.visual, (v) => { block.visual = v; }),
    text(`block-${b + 1}-sound`, 'Sound', () => block.sound, (v) => { block.sound = v; }, 1)));

  const title = h('div', {class: 'field'},
    h('label', {for: 'script-title'}, 'Title'),
    bind(h('input', {id: 'script-title', maxlength: 200}), () => script.title || '', (v) => { script.title = v; }));

  return {
    element: h('div', {class: 'script-editor'}, title, blocks),
    script: () => script,
    dirty: () => changed,
    saved: () => { changed = false; },
  };
}
