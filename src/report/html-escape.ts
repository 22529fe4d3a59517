/** Every piece of input text reaches the HTML report through these: escaped for text and for quoted attributes. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: string | number | undefined | null): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A link target only for http(s) URLs: a rule pack's `javascript:` URL becomes plain text. */
export function safeUrl(url: string | undefined): string | undefined {
  return url !== undefined && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : undefined;
}
