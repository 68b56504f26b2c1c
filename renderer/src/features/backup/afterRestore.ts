import { useState } from 'react';

/**
 * After a restore every session is gone and the data is another: the page starts afresh at '/', which
 * shows the login. A note kept in sessionStorage (it survives the reload, in this window only) lets the
 * login page say what happened. It is not dropped when a login page first shows it: a call that found
 * the session gone can show the login for a moment before the reload, and the reloaded page must still
 * have the note. It goes with the next login, or after a few minutes.
 */
const NOTE_KEY = 'lianxin.restored';
const NOTE_MS = 5 * 60_000;

export function reloadAfterRestore(note: string): void {
  sessionStorage.setItem(NOTE_KEY, JSON.stringify({ text: note, at: Date.now() }));
  window.location.replace('/');
}

function currentNote(): string | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(NOTE_KEY) ?? 'null') as { text: string; at: number } | null;
    return saved && Date.now() - saved.at < NOTE_MS ? saved.text : null;
  } catch {
    return null;
  }
}

/** The note for the login page, if a restore just happened. */
export function useRestoredNote(): string | null {
  const [note] = useState(currentNote);
  return note;
}

export function forgetRestoredNote(): void {
  sessionStorage.removeItem(NOTE_KEY);
}
