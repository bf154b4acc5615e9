import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx';
import type { PaperPage, PaperPhoto } from '../../shared/export/paperPageLayout';
import { safeHref } from '../../shared/story/renderStoryHtml';
import { plainText } from '../../shared/story/storyDocument';
import type { TiptapNode } from '../../shared/story/storySchema';

/** A photo as the DOCX embeds it: the JPEG display size, with its size in pixels. */
export interface DocxPhoto {
  jpeg: Buffer;
  width: number;
  height: number;
}

/** Word's page is about 6.3 inches wide between A4 margins; at 96 px to the inch a photo fills it at 600 px. */
const pageWidthPx = 600;
const serif = 'Noto Serif';
const orderedList = 'dateline-ordered';
/** Word numbers and indents lists nine levels deep (0–8); a list nested deeper is written at the ninth. */
const listLevels = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const deepestListLevel = listLevels.length - 1;

// The paragraph and character styles name the parts of a story, so that importing the file back (docxToHtml's
// style map) finds the kicker, byline and photo credit again, and an editor in Word sees what each line is.
const styles = {
  default: { document: { run: { font: serif, size: 24 }, paragraph: { spacing: { line: 360, after: 160 } } } },
  paragraphStyles: [
    { id: 'Kicker', name: 'Kicker', basedOn: 'Normal', next: 'Normal', run: { font: serif, size: 22, color: '9B1C1C', allCaps: true } },
    { id: 'TimeLine', name: 'Time Line', basedOn: 'Normal', next: 'Normal', run: { font: serif, size: 18, color: '5C5C5C' } },
    { id: 'Byline', name: 'Byline', basedOn: 'Normal', next: 'Normal', run: { font: serif, bold: true }, paragraph: { alignment: AlignmentType.RIGHT } },
    { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', run: { font: serif, size: 20, italics: true, color: '444444' }, paragraph: { alignment: AlignmentType.CENTER } },
  ],
  characterStyles: [{ id: 'PhotoCredit', name: 'Photo Credit', run: { italics: false, color: '666666' } }],
};

/**
 * The paper's page (paperPageLayout) as a Word document: kicker, headline (Heading 1), the time line, the bold
 * sapo with its dateline place, the featured image where it does not stand in the body, the body with its
 * headings, lists, links, bold and italic and each photo with its caption and credit under it, the byline and
 * the source line. Every text is written exactly as stored (NFC).
 */
export async function storyToDocx(page: PaperPage, photos: ReadonlyMap<string, DocxPhoto>): Promise<Buffer> {
  const children: Paragraph[] = [];
  if (page.kicker) children.push(new Paragraph({ style: 'Kicker', children: [new TextRun(page.kicker)] }));
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: page.headline, font: serif, bold: true, size: 40 })] }));
  children.push(new Paragraph({ style: 'TimeLine', children: [new TextRun(page.timeLine.text)] }));
  if (page.sapo) children.push(new Paragraph({ children: [new TextRun({ text: (page.place ? `${page.place} – ` : '') + page.sapo, bold: true })] }));
  if (page.lead) children.push(...photoParagraphs(page.lead, photos));
  for (const block of page.body) children.push(...(block.kind === 'photo' ? photoParagraphs(block.photo, photos) : bodyParagraphs(block.node, photos)));
  if (page.byline) children.push(new Paragraph({ style: 'Byline', children: [new TextRun(page.byline)] }));
  if (page.source) children.push(new Paragraph({ children: [new TextRun({ text: page.source, italics: true })] }));

  const document = new Document({
    creator: 'Dateline',
    title: page.headline,
    description: page.sapo,
    styles,
    numbering: {
      config: [
        {
          reference: orderedList,
          levels: listLevels.map((level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.`, alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } } })),
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

type ListKind = 'bullet' | 'ordered';

/** A block still to be written, with the list level and kind it sits in. */
interface PlacedBlock {
  block: TiptapNode;
  depth: number;
  list?: ListKind;
}

/**
 * A block of the body as paragraphs, in reading order. A loop over the blocks still to write rather than recursion,
 * so a body of any depth is written; lists, quotes and unknown nodes hand their children back to it.
 */
function bodyParagraphs(block: TiptapNode, photos: ReadonlyMap<string, DocxPhoto>): Paragraph[] {
  const out: Paragraph[] = [];
  const pending: PlacedBlock[] = [{ block, depth: 0 }];
  while (pending.length) {
    const placed = pending.pop()!;
    const written = blockParagraphs(placed, photos);
    if (Array.isArray(written)) out.push(...written);
    else for (let i = written.inside.length - 1; i >= 0; i--) pending.push(written.inside[i]!);
  }
  return out;
}

/** One block's paragraphs, or the blocks inside it, each placed in its list. */
function blockParagraphs({ block, depth, list }: PlacedBlock, photos: ReadonlyMap<string, DocxPhoto>): Paragraph[] | { inside: PlacedBlock[] } {
  const children = block.content ?? [];
  switch (block.type) {
    case 'paragraph': {
      const runs = inlineRuns(children);
      const level = Math.min(depth, deepestListLevel);
      if (list === 'bullet') return [new Paragraph({ children: runs, bullet: { level } })];
      if (list === 'ordered') return [new Paragraph({ children: runs, numbering: { reference: orderedList, level } })];
      return [new Paragraph({ children: runs })];
    }
    case 'heading':
      return [new Paragraph({ heading: block.attrs?.level === 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2, children: inlineRuns(children) })];
    case 'bulletList':
    case 'orderedList': {
      const kind: ListKind = block.type === 'bulletList' ? 'bullet' : 'ordered';
      // A list inside an item sees `list` set and goes one level deeper.
      const nested = list ? depth + 1 : 0;
      return { inside: children.flatMap((item) => (item.content ?? []).map((child) => ({ block: child, depth: nested, list: kind }))) };
    }
    case 'blockquote':
      return { inside: children.map((child) => ({ block: child, depth })) };
    case 'horizontalRule':
      return [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('* * *')] })];
    case 'figure': {
      const attrs = block.attrs ?? {};
      const photo = typeof attrs.mediaId === 'string' ? photos.get(attrs.mediaId) : undefined;
      const caption = plainText(block).trim();
      const credit = typeof attrs.credit === 'string' ? attrs.credit.trim() : '';
      if (!photo) return caption ? [captionParagraph(caption, credit)] : [];
      return figureParagraphs(photo, caption, credit, typeof attrs.alt === 'string' && attrs.alt.trim() ? attrs.alt : caption);
    }
    default:
      return { inside: children.map((child) => ({ block: child, depth, list })) };
  }
}

/** A photo of the page: the image where its file could be read, and the caption and credit under it. */
function photoParagraphs(photo: PaperPhoto, photos: ReadonlyMap<string, DocxPhoto>): Paragraph[] {
  const file = photo.mediaId ? photos.get(photo.mediaId) : undefined;
  if (!file) return photo.caption || photo.credit ? [captionParagraph(photo.caption, photo.credit)] : [];
  return figureParagraphs(file, photo.caption, photo.credit, photo.alt);
}

function figureParagraphs(photo: DocxPhoto, caption: string, credit: string, alt: string): Paragraph[] {
  const scale = Math.min(1, pageWidthPx / photo.width);
  const image = new ImageRun({
    type: 'jpg',
    data: photo.jpeg,
    transformation: { width: Math.round(photo.width * scale), height: Math.round(photo.height * scale) },
    altText: { name: 'photo', title: caption || alt, description: alt || caption },
  });
  const paragraphs = [new Paragraph({ alignment: AlignmentType.CENTER, children: [image] })];
  if (caption || credit) paragraphs.push(captionParagraph(caption, credit));
  return paragraphs;
}

function captionParagraph(caption: string, credit: string): Paragraph {
  const runs: TextRun[] = [];
  if (caption) runs.push(new TextRun(caption));
  if (credit) runs.push(new TextRun({ text: caption ? ` ${credit}` : credit, style: 'PhotoCredit' }));
  return new Paragraph({ style: 'Caption', children: runs });
}

function inlineRuns(nodes: TiptapNode[]): ParagraphChild[] {
  return nodes.map((node) => {
    if (node.type === 'hardBreak') return new TextRun({ text: '', break: 1 });
    const marks = new Set((node.marks ?? []).map((mark) => mark.type));
    const run = new TextRun({
      text: node.text ?? '',
      bold: marks.has('bold') || undefined,
      italics: marks.has('italic') || undefined,
      underline: marks.has('underline') ? {} : undefined,
      strike: marks.has('strike') || undefined,
    });
    const href = safeHref(node.marks?.find((mark) => mark.type === 'link')?.attrs?.href);
    return href ? new ExternalHyperlink({ link: href, children: [run] }) : run;
  });
}
