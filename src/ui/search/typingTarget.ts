const TEXT_INPUTS = new Set(['', 'text', 'search', 'number', 'email', 'url', 'password', 'tel']);

/** Whether a key press lands in something the user types into (where `/` is a character, not a shortcut). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) {
    return true;
  }
  if (target instanceof HTMLInputElement) return TEXT_INPUTS.has(target.getAttribute('type')?.toLowerCase() ?? '');
  return target.closest('[contenteditable=""], [contenteditable="true"], [role="textbox"]') !== null;
}
