/** Puts plain text on the clipboard: the async Clipboard API, else a copy command carrying our text (the desktop app refuses clipboard permissions). */

/**
 * The desktop shell refuses every permission request (hardening.ts), which makes navigator.clipboard.writeText
 * reject there; a copy command whose copy event sets the data works without any permission.
 */
function copyByCommand(text: string): boolean {
  const onCopy = (e: ClipboardEvent) => {
    e.clipboardData?.setData('text/plain', text);
    e.preventDefault();
  };
  document.addEventListener('copy', onCopy, { capture: true });
  try {
    return document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy, { capture: true });
  }
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyByCommand(text);
  }
}
