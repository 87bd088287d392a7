import { typography } from './french-format.js';

// Building DOM nodes from code: the CSP forbids inline handlers and styles,
// so every listener goes through addEventListener and every look through
// classes.

// el('button', {class: 'primary', type: 'button', onclick: fn}, 'Envoyer')
// Keys starting with "on" become listeners; `text` sets the text; `hidden`
// and `disabled` are properties; everything else is an attribute (false and
// null leave it out). Strings are set with French spacing (typography).
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else if (key === 'text') {
      setText(node, value);
    } else if (key === 'hidden' || key === 'disabled') {
      node[key] = Boolean(value);
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : typography(child));
  }
}

// Text with French spacing (see typography).
export function setText(node, text) {
  node.textContent = text ? typography(text) : '';
}

// Replaces every child of `node`.
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

// Screen readers hear status changes through one polite live region per
// page. Sentences said in the same moment are read together, none lost.
export function announcer(region) {
  let pending = [];
  return (text) => {
    pending.push(text);
    if (pending.length > 1) return;
    // Emptying first makes a repeated sentence be read again.
    region.textContent = '';
    window.setTimeout(() => {
      setText(region, pending.join(' '));
      pending = [];
    }, 50);
  };
}

// When the control that had the focus disappeared (a button hidden or
// redrawn after its action), the keyboard user goes on from `fallback`
// rather than from the top of the page.
export function keepFocus(fallback) {
  const active = document.activeElement;
  if (!active || active === document.body || !active.isConnected || active.closest('[hidden]'))
    fallback?.focus();
}

// An id unique in the page, for label/aria-describedby pairs.
let counter = 0;
export function uniqueId(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}
