/** One reference token of a JSON pointer (RFC 6901: `~` → `~0`, `/` → `~1`). */
export function pointerToken(key: string): string {
  return key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;
}
