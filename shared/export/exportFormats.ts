/**
 * The files `stories.export` writes. A PDF is printed from the print view instead (see renderer/export/).
 * `ninjs` is the item alone, as a wire system reads it from an API; `ninjsBundle` is that item zipped with the
 * photos its renditions name, for a system that takes files.
 */
export const exportFormats = ['ninjs', 'ninjsBundle', 'html', 'docx'] as const;
export type ExportFormat = (typeof exportFormats)[number];
