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
import { safeHref, sourceLine } from '../../shared/story/renderStoryHtml';
import { plainText } from '../../shared/story/storyDocument';
import type { Story, TiptapNode } from '../../shared/story/storySchema';

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
    { id: 'Byline', name: 'Byline', basedOn: 'Normal', next: 'Normal', run: { font: serif, bold: true }, paragraph: { alignment: AlignmentType.RIGHT } },
    { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', run: { font: serif, size: 20, italics: true, color: '444444' }, paragraph: { alignment: AlignmentType.CENTER } },
  ],
  characterStyles: [{ id: 'PhotoCredit', name: 'Photo Credit', run: { italics: false, color: '666666' } }],
};

/**
 * A story as a Word document: kicker, headline (Heading 1), the bold sapo with its dateline place, the body
 * with its headings, lists, links, bold and italic, each photo with its caption and credit under it, the
 * byline and the source line. The featured image, with its caption, comes first after the sapo. Every text is
 * written exactly as stored (NFC).
 */
export async function storyToDocx(story: Story, photos: ReadonlyMap<string, DocxPhoto>): Promise<Buffer> {
  const children: Paragraph[] = [];
  if (story.kicker.trim()) children.push(new Paragraph({ style: 'Kicker', children: [new TextRun(story.kicker.trim())] }));
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: story.headline.trim(), font: serif, bold: true, size: 40 })] }));
  if (story.sapo.trim()) {
    const place = story.dateline.trim() ? `${story.dateline.trim().toLocaleUpperCase('vi')} – ` : '';
    children.push(new Paragraph({ children: [new TextRun({ text: place + story.sapo.trim(), bold: true })] }));
  }
  if (story.featuredImage) {
    const photo = photos.get(story.featuredImage.mediaId);
    if (photo) children.push(...figureParagraphs(photo, story.featuredImage.caption, '', story.featuredImage.alt));
  }
  children.push(...bodyParagraphs(story.body, photos));
  const bylines = story.bylines.map((b) => b.trim()).filter(Boolean);
  if (bylines.length) children.push(new Paragraph({ style: 'Byline', children: [new TextRun(bylines.join(' – '))] }));
  const source = sourceLine(story.source);
  if (source) children.push(new Paragraph({ children: [new TextRun({ text: source, italics: true })] }));

  const document = new Document({
    creator: 'Dateline',
    title: story.headline.trim(),
    description: story.sapo.trim(),
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
 * The body's blocks as paragraphs, in reading order. A loop over the blocks still to write rather than recursion,
 * so a body of any depth is written; lists, quotes and unknown nodes hand their children back to it.
 */
function bodyParagraphs(body: TiptapNode, photos: ReadonlyMap<string, DocxPhoto>): Paragraph[] {
  const out: Paragraph[] = [];
  const pending: PlacedBlock[] = (body.content ?? []).map((block) => ({ block, depth: 0 })).reverse();
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
