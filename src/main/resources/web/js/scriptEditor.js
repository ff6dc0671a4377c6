// Edits a planned script in place: title, and per block the dialogue lines (add, remove, rewrite),
// the visual and the sound. The script object keeps exactly the fields the API sent (the server
// refuses unknown ones).
import {h, replace} from './dom.js';

const MAX_LINE = 400;

/** Returns {element, script(), dirty(), saved()}; the script is a deep copy that the inputs write to. */
export function scriptEditor(original, onChange = () => {}) {
  const script = structuredClone(original);
  let changed = false;
  const touched = () => { changed = true; onChange(); };

  const bind = (el, read, write) => {
    el.value = read();
    el.addEventListener('input', () => { write(el.value); touched(); });
    return el;
  };
  const textArea = (id, label, read, write, rows = 2) => h('div', {class: 'field'},
    h('label', {for: id}, label),
    bind(h('textarea', {id, rows}), read, write));

  function dialogue(block, b, slot, focusLine) {
    const lines = block.dialogue.map((line, l) => {
      const id = `block-${b + 1}-line-${l + 1}`;
      return h('div', {class: 'dialogue-line'},
        h('div', {class: 'field speaker'},
          h('label', {for: `${id}-speaker`}, `Speaker, line ${l + 1}`),
          bind(h('input', {id: `${id}-speaker`, maxlength: 80}), () => line.speaker, (v) => { line.speaker = v; })),
        h('div', {class: 'field line-text'},
          h('label', {for: `${id}-text`}, `Line ${l + 1}, block ${block.number}`),
          bind(h('textarea', {id: `${id}-text`, rows: 2, maxlength: MAX_LINE}), () => line.text, (v) => { line.text = v; })),
        h('button', {type: 'button', class: 'secondary small', 'aria-label': `Remove line ${l + 1} of block ${block.number}`,
          onclick: () => {
            block.dialogue.splice(l, 1);
            touched();
            dialogue(block, b, slot, Math.min(l, block.dialogue.length - 1));
          }}, 'Remove'));
    });
    const add = h('button', {type: 'button', class: 'secondary small', onclick: () => {
      const last = block.dialogue[block.dialogue.length - 1];
      block.dialogue.push({speaker: last ? last.speaker : '', text: ''});
      touched();
      dialogue(block, b, slot, block.dialogue.length - 1);
    }}, `Add a line to block ${block.number}`);
    replace(slot, h('h4', {}, 'Dialogue'),
      block.dialogue.length === 0 ? h('p', {class: 'hint'}, 'No dialogue in this block.') : null,
      lines, add);
    // Keep the keyboard where the user was: on the new or next line, or on "Add" when none is left.
    if (focusLine !== undefined) (slot.querySelector(`#block-${b + 1}-line-${focusLine + 1}-text`) || add).focus();
  }

  const blocks = script.blocks.map((block, b) => {
    const slot = h('div', {class: 'dialogue'});
    dialogue(block, b, slot);
    return h('fieldset', {class: 'block-editor', 'data-block': block.number},
      h('legend', {}, `Block ${block.number}`),
      slot,
      textArea(`block-${b + 1}-visual`, 'Visual', () => block.visual, (v) => { block.visual = v; }),
      textArea(`block-${b + 1}-sound`, 'Sound', () => block.sound, (v) => { block.sound = v; }, 1));
  });

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
