// Builds the PDFs and Word files the tests read, with pdf-lib and docx, so no binary fixture is committed
// (except one encrypted PDF, which these libraries cannot write).
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** One page of a generated PDF: a heading (page 1 only) and paragraphs, each a list of lines. */
export interface PdfPage {
  readonly heading?: string;
  readonly paragraphs: ReadonlyArray<readonly string[]>;
}

/**
 * A PDF laid out as reports are: a running header and "Page n of N" footer
 * on every page, 11 pt body text, paragraphs separated by a blank line.
 */
export async function makePdf(pages: readonly PdfPage[], properties: { title?: string; author?: string } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  pages.forEach((content, index) => {
    const page = pdf.addPage([595, 842]);
    page.drawText('Harbour Authority — Annual Report', { x: 72, y: 805, size: 9, font });
    let y = 740;
    if (content.heading) {
      page.drawText(content.heading, { x: 72, y, size: 20, font: bold });
      y -= 40;
    }
    for (const lines of content.paragraphs) {
      for (const line of lines) {
        page.drawText(line, { x: 72, y, size: 11, font });
        y -= 14;
      }
      y -= 14;
    }
    page.drawText(`Page ${index + 1} of ${pages.length}`, { x: 270, y: 40, size: 9, font });
  });
  if (properties.title) pdf.setTitle(properties.title);
  if (properties.author) pdf.setAuthor(properties.author);
  pdf.setCreationDate(new Date(Date.UTC(2024, 2, 15, 12)));
  return pdf.save();
}

/** A PDF whose pages carry no text at all, as a scan without OCR. */
export async function makeScannedPdf(pageCount: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pageCount; i++) pdf.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600 });
  return pdf.save();
}

/** A Word file with a title and author in its properties, a heading, a paragraph in several runs, and a list-like second section. */
export async function makeDocx(): Promise<Uint8Array> {
  const document = new Document({
    title: 'Notes from the harbour visit',
    creator: 'Mira Kovalenko',
    sections: [
      {
        children: [
          new Paragraph({ text: 'Harbour visit', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('The port director said '), new TextRun({ text: '84 ships', bold: true }), new TextRun(' waited at anchor on Tuesday.')] }),
          new Paragraph({ text: 'Insurance', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('Underwriters said war-risk premiums fell by a third after the corridor opened.'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
