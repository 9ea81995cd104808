// Builds elements with textContent only: everything shown comes from partners' messages or users,
// so nothing may ever be parsed as markup.

/**
 * h('td', {class: 'x', dataset: {agency: 'NSF'}, onclick: fn}, 'text', childElement)
 * Attribute values of null/undefined/false are left out; true gives an empty attribute.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'dataset') {
      for (const [key, data] of Object.entries(value)) {
        if (data !== null && data !== undefined) element.dataset[key] = String(data);
      }
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'value' || name === 'checked' || name === 'selected' || name === 'disabled') {
      element[name] = value;
      if (value === true) element.setAttribute(name, '');
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside element by children. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A free-text value (a detail, a comment) as shown: nothing for none, JSON for anything structured. */
export function plainText(value) {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The value of a form's field, trimmed; empty string when absent. */
export function field(form, name) {
  const input = form.elements.namedItem(name);
  return input ? String(input.value ?? '').trim() : '';
}
