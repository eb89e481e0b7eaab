import type { Element, ElementContent, Properties } from 'hast';

/**
 * A hast element, its properties written as hast holds them (`className: ['num']`, `colSpan: 2`;
 * undefined ones are not rendered) and strings as text. hastscript's `h` and `s` also parse a
 * selector and look up every property name in a schema, which for the hundred-odd cells and bars
 * of each table was a quarter of the time it took to render.
 */
export function element(tagName: string, properties: Properties, children: readonly (ElementContent | string)[] = []): Element {
  return {
    type: 'element',
    tagName,
    properties,
    children: children.map((child) => (typeof child === 'string' ? { type: 'text', value: child } : child)),
  };
}
