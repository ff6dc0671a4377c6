// Builds DOM nodes from plain calls so that no user text is ever parsed as HTML.

/**
 * h('button', {class: 'primary', onclick: f, disabled: true}, 'Save') → <button class="primary" disabled>Save</button>.
 * Attributes named on* become listeners; true/false toggle boolean attributes; null/undefined are skipped.
 * Children may be strings, numbers, nodes, arrays of them, or null (skipped).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name === 'value') {
      el.value = value;
      if (tag === 'input' || tag === 'textarea') el.defaultValue = value; // so form.reset() comes back to it
    }
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces all children of an element. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

let nextId = 0;
/** A unique id for pairing labels with inputs. */
export function uid(prefix = 'f') {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** A labelled form field: label above the control, optional hint tied with aria-describedby. */
export function field(label, control, hint) {
  const id = control.id || uid();
  control.id = id;
  const hintEl = hint ? h('p', {class: 'hint', id: `${id}-hint`}, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', {class: 'field'}, h('label', {for: id}, label), control, hintEl);
}

/** A message box: errors are announced at once (role=alert), other news politely (role=status). */
export function notice(kind, text) {
  return h('p', {class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status'}, text);
}

/** Shows a message in a slot (an empty slot clears it). */
export function say(slot, kind, text) {
  replace(slot, text ? notice(kind, text) : null);
}

/** Disables a form's controls while an async action runs, and re-enables them after. */
export async function busy(form, action) {
  const controls = [...form.querySelectorAll('button, input, select, textarea')].filter((c) => !c.disabled);
  controls.forEach((c) => { c.disabled = true; });
  form.setAttribute('aria-busy', 'true');
  try {
    return await action();
  } finally {
    controls.forEach((c) => { c.disabled = false; });
    form.removeAttribute('aria-busy');
  }
}

/**
 * Runs {@code action} when the form is submitted, with the form busy meanwhile: {@code working} (if any) is said in
 * {@code message} first, and a failure's message is said there instead of being lost.
 */
export function submitWith(form, message, working, action) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await busy(form, async () => {
      say(message, working ? 'info' : null, working || '');
      try {
        await action();
      } catch (e) {
        say(message, 'error', e.message);
      }
    });
  });
}

/** The heading every page starts with: a title and one line saying what the page is for. */
export function pageHead(title, lead) {
  return h('div', {class: 'page-head'}, h('h1', {}, title), h('p', {class: 'lead'}, lead));
}

export function formatDate(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString(undefined, {dateStyle: 'medium', timeStyle: 'short'});
}
