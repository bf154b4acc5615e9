import { importRefused } from './importRefused';

/**
 * The text of an .html file: UTF-8 unless a byte-order mark or a `<meta charset>` says otherwise. Bytes that
 * are not text (a photo or an archive renamed .html), or text without a single tag, are refused.
 */
export function decodeHtmlFile(fileName: string, bytes: Buffer): string {
  if (bytes.length === 0) throw importRefused(fileName, 'the file is empty', 'tệp rỗng');
  if (bytes.includes(0)) throw importRefused(fileName, 'it is not an HTML file (the contents are binary)', 'không phải tệp HTML');
  const head = bytes.subarray(0, 2048).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?([a-z0-9_-]+)/i.exec(head)?.[1];
  let text: string;
  try {
    text = new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    text = new TextDecoder('utf-8').decode(bytes);
  }
  const replaced = (text.match(/\uFFFD/g) ?? []).length;
  if (replaced > text.length / 100 + 2 || !/<[a-z!][^>]*>/i.test(text)) {
    throw importRefused(fileName, 'it is not an HTML file', 'không phải tệp HTML');
  }
  return text;
}
