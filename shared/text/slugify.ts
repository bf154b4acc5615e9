import { foldVietnamese } from './foldVietnamese';

/**
 * `tang-cuong-phoi-hop-cac-co-quan-chuc-nang`: an ASCII slug for file names and addresses. Letters outside
 * a–z that survive folding (other scripts, ø, ß …) are dropped like punctuation, so the result may be `''`.
 */
export function slugify(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '');
}
