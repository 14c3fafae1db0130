import type { KeyboardEvent } from 'react';

const FIELD_SELECTOR = 'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), .ant-select:not(.ant-select-disabled) input';

/**
 * Keyboard-first data entry (platform.md): Enter moves to the next field, Ctrl+S saves. Esc is left to the
 * surrounding drawer or dialog, which closes (asking first when something would be lost).
 */
export function formKeyHandler(save: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      save();
      return;
    }
    if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.altKey) return;
    const target = event.target as HTMLElement;
    if (target.tagName !== 'INPUT' || target.closest('.ant-select, .ant-picker')) return;
    const fields = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(FIELD_SELECTOR)).filter((el) => el.offsetParent !== null);
    const next = fields[fields.indexOf(target) + 1];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };
}
