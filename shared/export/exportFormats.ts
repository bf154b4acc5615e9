/** The files `stories.export` writes. A PDF is printed from the print view instead (see renderer/export/). */
export const exportFormats = ['ninjs', 'html', 'docx'] as const;
export type ExportFormat = (typeof exportFormats)[number];
