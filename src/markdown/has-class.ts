import type { Element } from 'hast';

/** Whether the element has the class `name` (hast keeps `className` as a list). */
export function hasClass(element: Element, name: string): boolean {
  return ((element.properties.className as string[] | undefined) ?? []).includes(name);
}
