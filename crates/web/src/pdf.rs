//! Accessible PDFs of plain documents — a title, headings and paragraphs — written with `pdf-writer`
//! (typst's low-level PDF writer). Decision letters use it, and anything else meant to be printed or kept
//! (a certificate) can: build a [`Document`] and call [`render`]. Nothing here knows about letters.
//!
//! - **Fonts**: the standard Helvetica and Helvetica-Bold with WinAnsiEncoding. Every PDF reader has them,
//!   so nothing is embedded and a letter is a few kilobytes. WinAnsi (Windows-1252) covers English and most
//!   Western European letters; any other character is drawn as `?` ([`win_ansi`]), so a name written in
//!   Ge'ez, Arabic or Vietnamese letters cannot be shown — a known limit (docs/ARCHITECTURE.md); embedding
//!   a Unicode font would lift it. A block with such characters carries its real text as `/ActualText`,
//!   so a screen reader, search and copying still get it.
//! - **Tagged** (PDF 1.7): `/MarkInfo << /Marked true >>`; a structure tree (Document → H1, H2, P) whose
//!   elements point at marked content in the pages, with its parent tree; `/Lang`; the title in the
//!   information dictionary with `/DisplayDocTitle`, so a reader announces the title rather than a file
//!   name. Page numbers are marked as pagination artifacts, outside the structure.
//! - **Layout**: A4, 2 cm margins, lines broken between words by the fonts' own widths (a word too long for
//!   a line is broken between letters); a heading is never left alone at the foot of a page.
//! - Content streams are not compressed: a letter is small, and tests can find its words in the file.

use pdf_writer::types::{ArtifactType, StructRole, TabOrder};
use pdf_writer::writers::StructTreeRoot;
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

/// What a block is, for the reader and for the structure tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The document's one main heading (H1).
    Title,
    /// A section heading (H2).
    Heading,
    /// A paragraph (P).
    Paragraph,
}

/// A piece of a block's text, in bold or not.
#[derive(Clone)]
pub struct Run {
    pub bold: bool,
    pub text: String,
}

/// A heading or a paragraph. Its runs follow each other with a space between; a new line in a run's text
/// starts a new line.
#[derive(Clone)]
pub struct Block {
    pub role: Role,
    pub runs: Vec<Run>,
}

impl Block {
    fn of(role: Role, text: &str) -> Block {
        Block {
            role,
            runs: vec![Run {
                bold: false,
                text: text.to_owned(),
            }],
        }
    }
    pub fn title(text: &str) -> Block {
        Block::of(Role::Title, text)
    }
    pub fn heading(text: &str) -> Block {
        Block::of(Role::Heading, text)
    }
    pub fn paragraph(text: &str) -> Block {
        Block::of(Role::Paragraph, text)
    }
    /// A paragraph that starts with a bold label: "**From:** the decision body".
    pub fn field(label: &str, value: &str) -> Block {
        Block {
            role: Role::Paragraph,
            runs: vec![
                Run {
                    bold: true,
                    text: format!("{label}:"),
                },
                Run {
                    bold: false,
                    text: value.to_owned(),
                },
            ],
        }
    }

    fn text(&self) -> String {
        self.runs
            .iter()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A whole document: its title (for the reader's title bar), its language (a BCP 47 tag) and its blocks.
pub struct Document {
    pub title: String,
    pub lang: String,
    pub blocks: Vec<Block>,
}

// Personal text may be in a document: Debug shows its shape only.
impl std::fmt::Debug for Document {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field("blocks", &self.blocks.len())
            .finish_non_exhaustive()
    }
}

// A4 in points, 2 cm margins.
const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const MARGIN: f32 = 56.69;
/// Where the page number sits, below the text area.
const FOOTER_BASELINE: f32 = 30.0;
const LINE_SPACING: f32 = 1.35;
const REGULAR: Name<'static> = Name(b"F1");
const BOLD: Name<'static> = Name(b"F2");

impl Role {
    fn size(self) -> f32 {
        match self {
            Role::Title => 18.0,
            Role::Heading => 13.0,
            Role::Paragraph => 11.0,
        }
    }
    fn space_before(self) -> f32 {
        match self {
            Role::Title => 0.0,
            Role::Heading => 14.0,
            Role::Paragraph => 6.0,
        }
    }
    fn bold(self) -> bool {
        !matches!(self, Role::Paragraph)
    }
    fn leading(self) -> f32 {
        self.size() * LINE_SPACING
    }
    fn structure(self) -> StructRole {
        match self {
            Role::Title => StructRole::H1,
            Role::Heading => StructRole::H2,
            Role::Paragraph => StructRole::P,
        }
    }
    fn tag(self) -> Name<'static> {
        match self {
            Role::Title => Name(b"H1"),
            Role::Heading => Name(b"H2"),
            Role::Paragraph => Name(b"P"),
        }
    }
}

/// Windows-1252 codes 0x80 to 0x9F and the characters they stand for (the rest of 0xA0 to 0xFF is
/// Latin-1, the same as Unicode).
const WIN_ANSI_HIGH: [(char, u8); 27] = [
    ('€', 0x80),
    ('‚', 0x82),
    ('ƒ', 0x83),
    ('„', 0x84),
    ('…', 0x85),
    ('†', 0x86),
    ('‡', 0x87),
    ('ˆ', 0x88),
    ('‰', 0x89),
    ('Š', 0x8A),
    ('‹', 0x8B),
    ('Œ', 0x8C),
    ('Ž', 0x8E),
    ('\u{2018}', 0x91),
    ('\u{2019}', 0x92),
    ('\u{201C}', 0x93),
    ('\u{201D}', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('˜', 0x98),
    ('™', 0x99),
    ('š', 0x9A),
    ('›', 0x9B),
    ('œ', 0x9C),
    ('ž', 0x9E),
    ('Ÿ', 0x9F),
];

/// Text in WinAnsiEncoding, the encoding of the base-14 fonts used here, and whether any character had
/// to be replaced. A character WinAnsi does not have becomes `?`: the standard fonts have no glyph for
/// it, and embedding a font that does is not done (see the module's documentation). Control characters
/// become spaces.
pub fn win_ansi(text: &str) -> (Vec<u8>, bool) {
    let mut replaced = false;
    let bytes = text
        .chars()
        .map(|c| match u32::from(c) {
            0x20..=0x7E | 0xA0..=0xFF => u8::try_from(u32::from(c)).unwrap_or(b'?'),
            0x00..=0x1F | 0x7F => b' ',
            _ => WIN_ANSI_HIGH
                .iter()
                .find(|(ch, _)| *ch == c)
                .map(|(_, b)| *b)
                .unwrap_or_else(|| {
                    replaced = true;
                    b'?'
                }),
        })
        .collect();
    (bytes, replaced)
}

/// Advance widths (in 1/1000 of the font size) of WinAnsi codes 32 to 255 in Helvetica and
/// Helvetica-Bold, from Adobe's font metrics (AFM) for the base-14 fonts. Codes WinAnsi leaves unused
/// are 0 ([`win_ansi`] never produces them).
const HELVETICA: [u16; 224] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    0, 556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, 0, 222, 222,
    333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667, 278, 333, 556, 556, 556, 556,
    260, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333, 333, 333, 578, 537, 278, 333,
    333, 365, 556, 834, 834, 834, 611, 667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667,
    278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667,
    611, 556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, 556, 556,
    556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
];
const HELVETICA_BOLD: [u16; 224] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
    611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
    278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    0, 556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, 0, 278, 278,
    500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667, 278, 333, 556, 556, 556, 556,
    280, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333, 333, 333, 611, 556, 278, 333,
    333, 365, 556, 834, 834, 834, 611, 722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667,
    278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667,
    611, 556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, 611, 611,
    611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
];

/// The width of WinAnsi text in points.
fn width(bytes: &[u8], bold: bool, size: f32) -> f32 {
    let table = if bold { &HELVETICA_BOLD } else { &HELVETICA };
    let units: u32 = bytes
        .iter()
        .map(|b| {
            usize::from(*b)
                .checked_sub(32)
                .and_then(|i| table.get(i))
                .map_or(0, |w| u32::from(*w))
        })
        .sum();
    // At most a few thousand characters a line: exact in f32.
    units as f32 * size / 1000.0
}

/// One line of a block: runs of text, each in one font.
type Line = Vec<(bool, Vec<u8>)>;

/// Breaks a block into lines no wider than `max`, its type scaled by `scale`.
fn wrap(block: &Block, max: f32, scale: f32) -> Vec<Line> {
    let size = block.role.size() * scale;
    let mut lines: Vec<Line> = Vec::new();
    let mut line: Line = Vec::new();
    let mut used = 0.0_f32;
    for run in &block.runs {
        let bold = run.bold || block.role.bold();
        for (n, text_line) in run.text.split('\n').enumerate() {
            if n > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0.0;
            }
            for word in text_line.split_whitespace() {
                let (mut bytes, _) = win_ansi(word);
                loop {
                    let space = if line.is_empty() {
                        0.0
                    } else {
                        width(b" ", bold, size)
                    };
                    let w = width(&bytes, bold, size);
                    if used + space + w <= max {
                        match line.last_mut() {
                            Some((b, text)) if *b == bold => text.push(b' '),
                            Some(_) => {
                                line.push((bold, vec![b' ']));
                            }
                            None => line.push((bold, Vec::new())),
                        }
                        if let Some((_, text)) = line.last_mut() {
                            text.extend_from_slice(&bytes);
                        }
                        used += space + w;
                        break;
                    }
                    if !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        used = 0.0;
                        continue;
                    }
                    // A word wider than the line on its own: as many letters as fit, then the rest.
                    let mut fit = 1;
                    while fit < bytes.len() && width(&bytes[..=fit], bold, size) <= max {
                        fit += 1;
                    }
                    let rest = bytes.split_off(fit);
                    lines.push(vec![(bold, bytes)]);
                    bytes = rest;
                    if bytes.is_empty() {
                        break;
                    }
                }
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The lines of one block that fall on one page, with their baselines.
struct Piece {
    block: usize,
    lines: Vec<(f32, Line)>,
}

/// Places every block's lines on pages, type and spacing scaled by `scale` (1 for the usual sizes).
fn lay_out(doc: &Document, scale: f32) -> Vec<Vec<Piece>> {
    let max = PAGE_WIDTH - 2.0 * MARGIN;
    let top = PAGE_HEIGHT - MARGIN;
    let bottom = MARGIN;
    let mut pages: Vec<Vec<Piece>> = vec![Vec::new()];
    let mut y = top;
    for (i, block) in doc.blocks.iter().enumerate() {
        let lines = wrap(block, max, scale);
        if lines.is_empty() {
            continue;
        }
        let leading = block.role.leading() * scale;
        let at_top = y >= top;
        if !at_top {
            y -= block.role.space_before() * scale;
        }
        // A heading keeps its first line and two of the next block's on the same page.
        let keep = if block.role == Role::Paragraph {
            leading
        } else {
            leading + 2.0 * Role::Paragraph.leading() * scale
        };
        if !at_top && y - keep < bottom {
            pages.push(Vec::new());
            y = top;
        }
        let mut piece = Piece {
            block: i,
            lines: Vec::new(),
        };
        for line in lines {
            if y - leading < bottom {
                if let Some(page) = pages.last_mut() {
                    page.push(piece);
                }
                pages.push(Vec::new());
                y = top;
                piece = Piece {
                    block: i,
                    lines: Vec::new(),
                };
            }
            y -= leading;
            piece.lines.push((y, line));
        }
        if let Some(page) = pages.last_mut() {
            page.push(piece);
        }
    }
    pages
}

/// Numbers the PDF's objects.
struct Refs(i32);

impl Refs {
    fn next(&mut self) -> Ref {
        self.0 += 1;
        Ref::new(self.0)
    }
}

/// Writes the document as a tagged PDF.
pub fn render(doc: &Document) -> Vec<u8> {
    render_scaled(doc, 1.0)
}

/// [`render`], on one page if it fits there with its type at no less than 75% of the usual size (a
/// pocket card is printed to be folded and carried): the largest size that fits, else the usual one.
pub fn render_on_one_page(doc: &Document) -> Vec<u8> {
    let scale = [1.0, 0.95, 0.9, 0.85, 0.8, 0.75]
        .into_iter()
        .find(|s| lay_out(doc, *s).len() == 1)
        .unwrap_or(1.0);
    render_scaled(doc, scale)
}

fn render_scaled(doc: &Document, scale: f32) -> Vec<u8> {
    let pages = lay_out(doc, scale);
    let mut refs = Refs(0);
    let catalog = refs.next();
    let page_tree = refs.next();
    let info = refs.next();
    let root = refs.next();
    let document = refs.next();
    let regular = refs.next();
    let bold = refs.next();
    let page_refs: Vec<(Ref, Ref, Ref)> = pages
        .iter()
        .map(|_| (refs.next(), refs.next(), refs.next()))
        .collect();
    let block_refs: Vec<Ref> = doc.blocks.iter().map(|_| refs.next()).collect();

    let mut pdf = Pdf::new();
    pdf.set_version(1, 7);
    {
        let mut c = pdf.catalog(catalog);
        c.pages(page_tree);
        c.pair(Name(b"StructTreeRoot"), root);
        c.mark_info().marked(true);
        c.lang(TextStr(&doc.lang));
        c.viewer_preferences().display_doc_title(true);
    }
    pdf.document_info(info)
        .title(TextStr(&doc.title))
        .producer(TextStr("Waymark"));
    pdf.pages(page_tree)
        .kids(page_refs.iter().map(|(p, _, _)| *p))
        .count(i32::try_from(pages.len()).unwrap_or(i32::MAX));
    pdf.type1_font(regular)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold)
        .base_font(Name(b"Helvetica-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));

    // Where each block's marked content is: (page, MCID) in reading order.
    let mut marked: Vec<Vec<(Ref, i32)>> = vec![Vec::new(); doc.blocks.len()];
    let total = pages.len();
    for (n, (page, (page_ref, content_ref, parents_ref))) in
        pages.iter().zip(&page_refs).enumerate()
    {
        let mut content = Content::new();
        let mut parents = Vec::new();
        for (mcid, piece) in page.iter().enumerate() {
            let mcid = i32::try_from(mcid).unwrap_or(i32::MAX);
            let role = doc.blocks[piece.block].role;
            content
                .begin_marked_content_with_properties(role.tag())
                .properties()
                .identify(mcid);
            content.begin_text();
            for (y, line) in &piece.lines {
                content.set_text_matrix([1.0, 0.0, 0.0, 1.0, MARGIN, *y]);
                for (is_bold, text) in line {
                    content.set_font(if *is_bold { BOLD } else { REGULAR }, role.size() * scale);
                    content.show(Str(text));
                }
            }
            content.end_text();
            content.end_marked_content();
            marked[piece.block].push((*page_ref, mcid));
            parents.push(block_refs[piece.block]);
        }
        // The page number: a pagination artifact, not part of the text.
        content
            .begin_marked_content_with_properties(Name(b"Artifact"))
            .properties()
            .artifact()
            .kind(ArtifactType::Pagination);
        let (number, _) = win_ansi(&format!("Page {} of {total}", n + 1));
        content.begin_text();
        content.set_font(REGULAR, 9.0);
        content.set_text_matrix([
            1.0,
            0.0,
            0.0,
            1.0,
            PAGE_WIDTH - MARGIN - width(&number, false, 9.0),
            FOOTER_BASELINE,
        ]);
        content.show(Str(&number));
        content.end_text();
        content.end_marked_content();

        let mut p = pdf.page(*page_ref);
        p.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT));
        p.parent(page_tree);
        p.contents(*content_ref);
        p.struct_parents(i32::try_from(n).unwrap_or(i32::MAX));
        p.tab_order(TabOrder::StructureOrder);
        p.resources()
            .fonts()
            .pair(REGULAR, regular)
            .pair(BOLD, bold);
        p.finish();
        pdf.stream(*content_ref, &content.finish());
        pdf.indirect(*parents_ref).array().items(parents);
    }

    for (i, block) in doc.blocks.iter().enumerate() {
        // A block with no text has nothing to point at, and is left out of the tree.
        if marked[i].is_empty() {
            continue;
        }
        let mut e = pdf.struct_element(block_refs[i]);
        e.kind(block.role.structure());
        e.parent(document);
        let text = block.text();
        if win_ansi(&text).1 {
            e.actual_text(TextStr(&text));
        }
        let mut kids = e.children();
        for (page, mcid) in &marked[i] {
            kids.marked_content_ref()
                .page(*page)
                .marked_content_id(*mcid);
        }
    }
    {
        let mut d = pdf.struct_element(document);
        d.kind(StructRole::Document);
        d.parent(root);
        d.title(TextStr(&doc.title));
        d.lang(TextStr(&doc.lang));
        d.children().items(
            block_refs
                .iter()
                .zip(&marked)
                .filter(|(_, m)| !m.is_empty())
                .map(|(r, _)| *r),
        );
    }
    {
        let mut r: StructTreeRoot<'_> = pdf.indirect(root).start();
        r.child(document);
        let mut tree = r.parent_tree();
        let mut nums = tree.nums();
        for (n, (_, _, parents_ref)) in page_refs.iter().enumerate() {
            nums.insert(i32::try_from(n).unwrap_or(i32::MAX), *parents_ref);
        }
        nums.finish();
        tree.finish();
        r.parent_tree_next_key(i32::try_from(page_refs.len()).unwrap_or(i32::MAX));
    }
    pdf.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(pdf: &[u8]) -> String {
        String::from_utf8_lossy(pdf).into_owned()
    }

    #[test]
    fn win_ansi_keeps_western_letters_and_replaces_the_rest_with_a_question_mark() {
        assert_eq!(
            win_ansi("Zoë – “café”"),
            (b"Zo\xEB \x96 \x93caf\xE9\x94".to_vec(), false)
        );
        // Tigrinya (Ge'ez script) and Vietnamese letters outside Windows-1252.
        assert_eq!(win_ansi("ሰላም"), (b"???".to_vec(), true));
        assert_eq!(win_ansi("Nguyễn"), (b"Nguy?n".to_vec(), true));
        assert_eq!(win_ansi("a\tb"), (b"a b".to_vec(), false));
    }

    #[test]
    fn lines_break_between_words_within_the_margins() {
        let long = "word ".repeat(200);
        let lines = wrap(&Block::paragraph(&long), 200.0, 1.0);
        assert!(lines.len() > 10, "{}", lines.len());
        for l in &lines {
            let w: f32 = l.iter().map(|(b, t)| width(t, *b, 11.0)).sum();
            assert!(w <= 200.0, "{w}");
        }
        // A word longer than a line is broken, not lost.
        let lines = wrap(&Block::paragraph(&"x".repeat(300)), 100.0, 1.0);
        let joined: usize = lines.iter().flatten().map(|(_, t)| t.len()).sum();
        assert_eq!(joined, 300);
        // New lines in the text are kept.
        assert_eq!(wrap(&Block::paragraph("one\ntwo"), 400.0, 1.0).len(), 2);
    }

    #[test]
    fn a_document_is_a_tagged_pdf_with_its_title_language_and_text() {
        let doc = Document {
            title: "Decision letter".into(),
            lang: "en-GB".into(),
            blocks: vec![
                Block::title("A positive decision"),
                Block::field("About", "Selam ሰላም"),
                Block::heading("Our reasons"),
                Block::paragraph("  "),
                Block::paragraph(&"A consistent account. ".repeat(400)),
            ],
        };
        let pdf = render(&doc);
        if let Ok(path) = std::env::var("WAYMARK_PDF_SAMPLE") {
            // To check the file with a PDF tool (qpdf --check, pdfinfo, a screen reader).
            std::fs::write(path, &pdf).ok();
        }
        let text = text_of(&pdf);
        assert!(text.starts_with("%PDF-1.7"), "{}", &text[..20]);
        for expected in [
            "/Marked true",
            "/StructTreeRoot",
            "/ParentTree",
            "/S /H1",
            "/S /H2",
            "/S /P",
            "/Lang (en-GB)",
            "/Title (Decision letter)",
            "/DisplayDocTitle true",
            "/Encoding /WinAnsiEncoding",
            "/BaseFont /Helvetica-Bold",
            "(A positive decision) Tj",
            "Selam ???) Tj",
            "/Artifact",
            "Page 2 of",
        ] {
            assert!(text.contains(expected), "{expected:?} missing");
        }
        // The replaced name is still there for a screen reader, as UTF-16.
        assert!(text.contains("/ActualText <FEFF"), "ActualText missing");
        assert!(text.matches("/Type /Page\n").count() + text.matches("/Type /Page ").count() >= 2);
    }
}
