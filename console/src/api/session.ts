// The API key lives in sessionStorage only: it is gone when the tab closes, and sign-out forgets it at once.
const KEY_ENTRY = 'bhx.apiKey';

export function storedApiKey(): string | null {
  return sessionStorage.getItem(KEY_ENTRY);
}

export function rememberApiKey(apiKey: string): void {
  sessionStorage.setItem(KEY_ENTRY, apiKey);
}

export function forgetApiKey(): void {
  sessionStorage.removeItem(KEY_ENTRY);
}
