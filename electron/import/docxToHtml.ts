import mammoth from 'mammoth';
import { DatelineError } from '../../shared/api/DatelineError';
import { checkDocxZip } from './docxZipLimits';
import { importRefused } from './importRefused';

/** The paragraph classes a Word file's layout becomes, read back by takeKnownParts (StoryImporter.ts) before sanitising. */
export const importClasses = { kicker: 'dateline-kicker', byline: 'dateline-byline', centred: 'dateline-centred', credit: 'dateline-credit', timeLine: 'dateline-time-line' } as const;

const centredStyle = 'Dateline Centred';

const styleMap = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  `p[style-name='Kicker'] => p.${importClasses.kicker}:fresh`,
  `p[style-name='Byline'] => p.${importClasses.byline}:fresh`,
  `p[style-name='Time Line'] => p.${importClasses.timeLine}:fresh`,
  `p[style-name='Caption'] => p.${importClasses.centred}:fresh`,
  `p[style-name='${centredStyle}'] => p.${importClasses.centred}:fresh`,
  `r[style-name='Photo Credit'] => span.${importClasses.credit}`,
];

interface MammothElement {
  type?: string;
  alignment?: string;
  styleName?: string | null;
  children?: MammothElement[];
}

/**
 * Mammoth drops a paragraph's alignment, but a centred line under a photo is its caption in most newsrooms'
 * Word files; an unstyled centred paragraph is given a style of its own so the style map can keep it.
 */
function markCentredParagraphs(element: MammothElement): MammothElement {
  const children = element.children?.map(markCentredParagraphs);
  const centred = element.type === 'paragraph' && element.alignment === 'center' && !element.styleName;
  return { ...element, ...(children ? { children } : {}), ...(centred ? { styleName: centredStyle } : {}) };
}

const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const oleSignature = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * A Word (.docx) file as HTML, with its images inline as data: URIs, through mammoth. Files that are not a
 * .docx (an old binary .doc, a text file renamed, damaged bytes) or that unpack to more than a Word file holds
 * (docxZipLimits) are refused with `invalid_input`, naming why.
 */
export async function docxToHtml(fileName: string, bytes: Buffer): Promise<string> {
  if (bytes.subarray(0, 4).equals(oleSignature)) {
    throw importRefused(fileName, 'it is an old Word .doc file; save it as .docx in Word and import that', 'đây là tệp Word .doc kiểu cũ; hãy lưu lại thành .docx rồi nhập');
  }
  if (!bytes.subarray(0, 4).equals(zipSignature)) {
    throw importRefused(fileName, 'it is not a Word document (.docx)', 'không phải tệp Word (.docx)');
  }
  // mammoth inflates every part whole, however large; the zip is measured first so a bomb never reaches it.
  await checkDocxZip(fileName, bytes);
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      { styleMap, transformDocument: markCentredParagraphs, externalFileAccess: false, ignoreEmptyParagraphs: true },
    );
    return result.value;
  } catch (error) {
    if (error instanceof DatelineError) throw error;
    throw importRefused(fileName, `it is not a Word document or it is damaged (${(error as Error).message.split('\n')[0]})`, 'tệp Word bị hỏng hoặc không phải .docx');
  }
}
