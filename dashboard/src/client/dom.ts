type Child = Node | string | number | null | undefined | false;

/**
 * An element with attributes and children. Text is always set as text, never as HTML:
 * titles and names come from committees' records.
 */
export function el(
  tag: string,
  attributes: Record<string, string | ((event: Event) => void)> = {},
  ...children: (Child | Child[])[]
): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else element.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'object' ? child : String(child));
  }
  return element;
}

/** A figure with its name: what the KPI row shows. */
export const kpi = (key: string, name: string, value: string | number, tone = '') =>
  el(
    'div',
    { class: `kpi ${tone}`, 'data-kpi': key },
    el('div', { class: 'kpi-value' }, value),
    el('div', { class: 'kpi-name' }, name),
  );

/** A link inside the app: a route in the fragment. */
export const link = (route: string, ...children: Child[]) =>
  el('a', { href: `#${route}` }, ...children);
