/**
 * The page's keyboard shortcuts. They work whatever has focus (a button, a select, a
 * slider), except in a text or number field, where keys type; Escape leaves any control.
 * Space on a focused button would click it again (a second cluster organisation), so the
 * shortcut takes Space before the button sees it, on keydown and keyup alike.
 */

/** Whether typing into `el` must not be taken over by a shortcut. */
export function typesText(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement) return true;
  if (el instanceof HTMLElement && el.isContentEditable) return true;
  if (!(el instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'range', 'reset', 'submit', 'color', 'file', 'image'].includes(el.type);
}

/** Installs `shortcuts` (key in lower case -> action) on the document. */
export function installShortcuts(shortcuts: Record<string, () => void>): void {
  const key = (e: KeyboardEvent) => (e.key === ' ' ? 'space' : e.key.toLowerCase());
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    const target = document.activeElement;
    if (e.key === 'Escape') {
      if (target instanceof HTMLElement && target !== document.body) target.blur();
      return;
    }
    if (typesText(target)) return;
    const action = shortcuts[key(e)];
    if (!action) return;
    // Taken before the control sees it: no click on a button, no list opening on a
    // select, no type-ahead jump to another scenario.
    e.preventDefault();
    e.stopPropagation();
    if (!e.repeat) action();
  }, true);
  document.addEventListener('keyup', (e) => {
    if (e.key === ' ' && !typesText(document.activeElement) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault(); // a button clicks on Space's keyup
      e.stopPropagation();
    }
  }, true);
}
