/** Marks the page-number field, where PageUp and PageDown still move pages. */
export const PAGE_INPUT_NAME = 'page-number';

/**
 * Which way PageUp / PageDown move through the pages for a key press, or null when the key is
 * another, carries a modifier, or is typed into a field that uses it (a select, a text area,
 * editable text, any text field but the page number).
 */
export function pageKeyDirection(
  event: Pick<KeyboardEvent, 'key' | 'target' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
): -1 | 1 | null {
  if (event.key !== 'PageUp' && event.key !== 'PageDown') return null;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const target = event.target as Element | null;
  if (target && typeof target.closest === 'function') {
    if (target.closest('select, textarea, [contenteditable=""], [contenteditable="true"], [role="dialog"]'))
      return null;
    if (target.localName === 'input' && target.getAttribute('name') !== PAGE_INPUT_NAME) return null;
  }
  return event.key === 'PageUp' ? -1 : 1;
}
