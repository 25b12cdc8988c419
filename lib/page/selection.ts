/** Longest passage one annotation may hold; longer selections are refused with a message. */
export const MAX_QUOTE_LENGTH = 10_000;

export type SelectionCheck =
  { kind: 'ok'; range: Range } | { kind: 'ignore' } | { kind: 'too-long'; length: number };

/**
 * Whether the page's current selection can be annotated. Collapsed and white-space-only
 * selections, selections in text fields or editable content, and selections inside the
 * extension's own UI (`isOwnUi`) are ignored: they open nothing.
 */
export function checkSelection(
  selection: Selection | null,
  isOwnUi: (node: Node) => boolean,
  focused: Element | null = document.activeElement,
): SelectionCheck {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return { kind: 'ignore' };
  // A selection inside an <input> or <textarea> is reported on the field's parent.
  if (focused && isEditable(focused)) return { kind: 'ignore' };
  const range = selection.getRangeAt(0);
  for (const node of [range.startContainer, range.endContainer, range.commonAncestorContainer]) {
    if (isOwnUi(node) || isEditable(node)) return { kind: 'ignore' };
  }
  const text = selection.toString();
  if (text.trim() === '') return { kind: 'ignore' };
  if (text.length > MAX_QUOTE_LENGTH) return { kind: 'too-long', length: text.length };
  return { kind: 'ok', range: range.cloneRange() };
}

function isEditable(node: Node): boolean {
  const element = node instanceof Element ? node : node.parentElement;
  if (!element) return false;
  return element.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}
