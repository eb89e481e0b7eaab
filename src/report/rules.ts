/** An error stops `check` and `build`; a warning only stops `check --strict`. */
export type Severity = 'error' | 'warning';

/** What a rule checks, as the README's table of checks shows it. */
export interface Rule {
  /** The file or stage it looks at, for grouping in the table. */
  readonly where: string;
  readonly severity: Severity;
  /** What it catches, in Markdown, one line. */
  readonly summary: string;
  /** Messages it prints, as written after `path:line:column: `. */
  readonly example: string | readonly string[];
}

/**
 * Every check jianbao runs, by its stable id: each printed problem ends with its id
 * (`… [table-total]`), and the README's table of checks is generated from this list
 * (`npm run docs:rules`). A rule's severity lives here and nowhere else. Keep the order of the
 * pipeline: series, issue files, frontmatter, numbering, Markdown, tables, templates.
 */
export const RULES = {
  'series-missing': {
    where: '`bulletin.yaml`',
    severity: 'error',
    summary: 'the series file is missing or unreadable',
    example: 'Cannot read the series file (ENOENT); every content folder needs a bulletin.yaml with title, issuer and url',
  },
  'font-file': {
    where: '`bulletin.yaml`',
    severity: 'error',
    summary: 'a `fonts:` entry naming a font file (`.ttf`, `.otf`, `.ttc`, `.woff2`) that is missing or outside the content folder',
    example: '`fonts.body`: Cannot find the font file fonts/仿宋_GB2312.ttf; paths are relative to bulletin.yaml …',
  },
  'font-outlines': {
    where: '`bulletin.yaml`',
    severity: 'warning',
    summary: 'a font file with PostScript (CFF) outlines, which Chromium embeds in the PDF as unnamed Type 3 fonts',
    example:
      "`fonts.body`: The font file fonts/仿宋.otf has PostScript (CFF) outlines, which Chromium embeds in the PDF as Type 3 fonts without a name, which a printer's preflight may refuse; use the face's TrueType version (a .ttf, or a .ttc or .woff2 with TrueType outlines)",
  },
  'yaml-syntax': {
    where: '`bulletin.yaml`, frontmatter',
    severity: 'error',
    summary:
      'YAML that does not parse, at its line (an error yaml repeats at one place, once); aliases (`*name`) expanding beyond bounds; lists or maps nested more than 64 deep',
    example: 'YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]',
  },
  'frontmatter-schema': {
    where: '`bulletin.yaml`, frontmatter',
    severity: 'error',
    summary:
      'a missing, mistyped or unknown key; a number not in decimal digits (`0x1`, `1e3`, `.inf`), a year not of 4 digits; an impossible date or one outside `year` (and, with `year-end-in-next-year`, the first two months of the next); a series `url` that is not an `http:`/`https:` address (it becomes the feed, sitemap and canonical links)',
    example: [
      '`total`: Missing required key (expected a whole number)',
      '`number`: Expected a whole number, got 0x1',
      '`date`: Expected a date as YYYY-MM-DD: write 2023-06-10',
      'Unknown key `author`',
      '`date`: Expected the date to fall in the issue’s year',
      '`url`: Expected an http: or https: address such as https://example.org/jianbao/, got javascript://x/%0Aalert(1)//',
    ],
  },
  'issue-unreadable': {
    where: 'issue file',
    severity: 'error',
    summary: 'an issue file that cannot be read',
    example: 'Cannot read this issue file (EACCES); check that it exists and that you may read it',
  },
  'issue-too-large': {
    where: 'issue file',
    severity: 'error',
    summary: 'an issue file over 10 MB',
    example: 'Expected an issue of at most 10 MB, found 10.4 MB; split it into several issues or move long material into attachments',
  },
  'issue-empty': {
    where: 'issue file',
    severity: 'error',
    summary: 'an empty issue file',
    example: 'Expected an issue (frontmatter and Markdown), found an empty file',
  },
  'issue-binary': {
    where: 'issue file',
    severity: 'error',
    summary: 'binary data (a Word document saved as `.md`), at the line of the first binary byte',
    example: 'Expected a Markdown text file, found binary data (is it a Word document?); save it as plain text, UTF-8',
  },
  'issue-encoding': {
    where: 'issue file',
    severity: 'error',
    summary: 'text that is not UTF-8',
    example: 'Expected UTF-8, found bytes that are not UTF-8 (GBK?); save the file as UTF-8',
  },
  'issue-symlink': {
    where: 'content folder',
    severity: 'warning',
    summary: 'an issue file (`*.md`) or a folder that is a symbolic link, not followed',
    example: 'Skipped this issue file: it is a symbolic link, and jianbao reads only real files inside the content folder; put the file itself here',
  },
  'issue-extension': {
    where: 'content folder',
    severity: 'warning',
    summary: 'a file named as an issue is by another program (`index.md.txt`, as Notepad saves it; `3.markdown`), not read',
    example: 'Skipped this file: jianbao reads an issue only from a file whose name ends in .md; rename it to index.md to publish it (…)',
  },
  'frontmatter-missing': {
    where: 'frontmatter',
    severity: 'error',
    summary: 'an issue file that does not start with a `---` block',
    example: 'Missing frontmatter: an issue starts with a `---` block giving year, number, total and date',
  },
  'frontmatter-unclosed': {
    where: 'frontmatter',
    severity: 'error',
    summary: 'a frontmatter block opened with `---` and never closed',
    example: 'Expected a `---` line closing the frontmatter opened here, found none; end the YAML block (year, number, total, date) with a line `---`',
  },
  'frontmatter-language': {
    where: 'frontmatter',
    severity: 'error',
    summary: 'a language after the opening `---` (`---js`, `---json`, `---yaml`, …): frontmatter is plain YAML, never evaluated',
    example: 'Frontmatter must be YAML; found "js"',
  },
  'numbering-gap': {
    where: 'numbering',
    severity: 'error',
    summary: 'a gap or a wrong start within a year',
    example: '`number`: Expected 2021年第3期 after 第2期 (…), got 第4期; numbers within a year have no gaps',
  },
  'numbering-duplicate': {
    where: 'numbering',
    severity: 'error',
    summary: 'two issues with one number in a year',
    example: '`number`: 2021年第2期 is also …; each issue of a year has its own number',
  },
  'numbering-order': {
    where: 'numbering',
    severity: 'error',
    summary: 'numbers within a year not rising with the total; a total going back against the years and numbers, reported at that issue alone',
    example: '`number`: 第1期 comes after 2021年第2期 总第1期 (…) by its total, but has a lower number; numbers rise with the total',
  },
  'numbering-total-gap': {
    where: 'numbering',
    severity: 'error',
    summary: "a total not one more than the previous issue's",
    example: '`total`: Expected 总第20期 after 2021年第12期 总第19期 (…), got 总第21期; the total rises by 1 with every issue, across years',
  },
  'numbering-total-duplicate': {
    where: 'numbering',
    severity: 'error',
    summary: 'two issues with one total',
    example: '`total`: 总第5期 is also 2021年第1期 总第5期 (…); every issue has its own total',
  },
  'numbering-date-order': {
    where: 'numbering',
    severity: 'error',
    summary: 'dates not rising with the total (two issues may share a date)',
    example: '`date`: 2021-02-10 is before 2021-03-10, the date of 2021年第1期 总第1期 (…); dates rise with the total',
  },
  'numbering-date-next-year': {
    where: 'numbering',
    severity: 'warning',
    summary:
      'a date in January or February of the year after the issue’s own, which a series that sets `year-end-in-next-year` allows: right for a year’s last issue sent out late, wrong for a new year’s first issue that kept last year’s `year`',
    example:
      '`date`: 2024-01-05 is in 2024, the year after 2023年第12期 总第60期: right for a year’s last issue sent out late; if this is 2024’s first issue, set `year: 2024` and its number (`jianbao new` numbers an issue by its date)',
  },
  'numbering-supplement-gap': {
    where: 'numbering',
    severity: 'error',
    summary: "a gap or wrong start among a year's supplements (增刊), which count 1, 2, … on their own",
    example: '`supplement`: Expected 2021年增刊第2期 after 增刊第1期 (…), got 增刊第3期; numbers within a year have no gaps',
  },
  'numbering-supplement-duplicate': {
    where: 'numbering',
    severity: 'error',
    summary: 'two supplements of a year with one number',
    example: '`supplement`: 2021年增刊第1期 is also …; each supplement of a year has its own number',
  },
  'supplement-with-number': {
    where: 'frontmatter',
    severity: 'error',
    summary: 'an issue with both `supplement` and `number`: a supplement is numbered on its own',
    example: '`supplement`: Expected either `number` (a regular issue) or `supplement` (增刊), not both',
  },
  'special-empty': {
    where: 'frontmatter',
    severity: 'error',
    summary: '`special` given as an empty string: the masthead would print an empty line',
    example: "`special`: Expected the special issue's name, such as 防汛专刊, or no `special` key",
  },
  'markdown-too-deep': {
    where: 'Markdown',
    severity: 'error',
    summary:
      'nesting or markup too deep or dense for the parser: more than 16 quote/list levels on a line, 16 open `[`, 16 open `:::`, or 500 `*` `_` `~` `[` `{` in one paragraph',
    example: 'Unexpected Markdown nested 17 levels deep on one line (quotes, list items, indentation), more than 16; …',
  },
  'markdown-too-slow': {
    where: 'Markdown',
    severity: 'error',
    summary: 'on worker threads, an issue rendering longer than 3 minutes',
    example: 'Cannot render this issue within 180 s, the limit for one issue; …',
  },
  'directive-unknown': {
    where: 'Markdown',
    severity: 'error',
    summary: 'an unknown `::leaf` or `:::container` directive (its content would vanish), or `::table` not on a line of its own',
    example: [
      'Unknown directive `::note`: nothing would be printed for it; jianbao knows `::table{src="progress.csv"}` (write `\\::note` to print the text as is)',
      'Unknown directive `::tabel`: nothing would be printed for it; did you mean `::table{src="progress.csv"}`?',
    ],
  },
  'directive-malformed': {
    where: 'Markdown',
    severity: 'error',
    summary:
      'a line that opens like `::table` but is no directive (full-width `：`, `“”`, `，` or spaces, a space before `{`, commas between attributes), so its table would vanish',
    example:
      'Cannot read this `::table` line: found “，” between attributes, which are separated by spaces; write it as `::table{src="progress.csv"}`, in half-width characters',
  },
  html: {
    where: 'Markdown',
    severity: 'error',
    summary: 'raw HTML, which is never published',
    example: 'Unexpected raw HTML `<script>alert(1)</script>`; write Markdown instead (HTML is not published: it could run code in a reader’s browser)',
  },
  'control-character': {
    where: '`bulletin.yaml`, frontmatter, Markdown, tables',
    severity: 'error',
    summary:
      'a control character (Word’s line break U+000B, which a feed cannot hold) or a bidirectional control (U+202A–U+202E, U+2066–U+2069), which shows text in another order than it reads',
    example: [
      'Unexpected control character U+000B, which prints nothing, or a box, and which a feed cannot hold; delete it',
      'Unexpected bidirectional control U+202E, which can make text show in another order than it is stored, searched and copied; delete it',
    ],
  },
  'footnote-mark': {
    where: 'Markdown',
    severity: 'warning',
    summary: 'a footnote mark `[^c]` without a note, printed as written, or a note `[^c]: …` no mark refers to, left out',
    example: [
      'Footnote mark [^c] has no note: it prints as written; add a line `[^c]: …` under the article, or remove the mark',
      'Footnote [^d] is not marked in the text: its note is left out; put [^d] where it belongs, or remove the note',
    ],
  },
  'pipe-table': {
    where: 'Markdown',
    severity: 'error',
    summary: 'a pipe table (`| a | b |` with a `| --- | --- |` row)',
    example: 'Unexpected pipe table; put the table in a CSV file beside the issue and embed it with `::table{src="progress.csv"}`, …',
  },
  'tab-table': {
    where: 'Markdown',
    severity: 'error',
    summary: 'lines of cells separated by tabs, a table pasted from Excel, which would print its rows run together as one paragraph',
    example:
      'Unexpected table pasted as text, its cells separated by tabs (as Excel copies them); put the table in a CSV file or Excel workbook beside the issue and embed it with `::table{src="progress.csv"}`, …',
  },
  'link-scheme': {
    where: 'Markdown',
    severity: 'error',
    summary: 'a link with a `javascript:`, `data:` or other scheme than `http:`, `https:`, `mailto:`, `tel:`',
    example: 'Expected the link to name a file beside the issue or an http:, https:, mailto: or tel: address, got javascript:alert(1)',
  },
  'link-outside-root': {
    where: 'Markdown',
    severity: 'error',
    summary: 'a link leaving the content folder (`../`, an absolute path, a symlink pointing out)',
    example: 'Expected a link path inside content/, got ../../etc/passwd',
  },
  'link-type': {
    where: 'Markdown',
    severity: 'error',
    summary: 'a linked file of a type that could run script (`.html`, `.svg`, `.xml`, `.js`, any type not listed under [Safe content](#safe-content))',
    example: 'Expected the link to name a pdf, doc, … or rar file, got evil.html; other types, HTML, SVG and scripts above all, can run code …',
  },
  'link-missing': {
    where: 'Markdown',
    severity: 'error',
    summary: 'a link to a file that does not exist',
    example: 'Cannot find content/2021/11/附件1.pdf for the link 附件1.pdf; paths are relative to this Markdown file',
  },
  'image-scheme': {
    where: 'Markdown',
    severity: 'error',
    summary: 'an image with another scheme than `http:` or `https:`',
    example: 'Expected the image to name a file beside the issue or an http: or https: address, got data:image/png;base64,…',
  },
  'image-outside-root': {
    where: 'Markdown',
    severity: 'error',
    summary: 'an image leaving the content folder (`../`, an absolute path, a symlink pointing out)',
    example: 'Expected an image path inside content/, got ../../etc/passwd',
  },
  'image-type': {
    where: 'Markdown',
    severity: 'error',
    summary: 'an image that is not PNG, JPEG, GIF, WebP or AVIF (SVG can run script)',
    example: 'Expected the image to name a png, jpg, jpeg, gif, webp or avif file, got logo.svg; …',
  },
  'address-markup': {
    where: 'Markdown',
    severity: 'warning',
    summary:
      'Markdown right after a bare web address with no space between (`见https://a.cn，详见[通知](…)`), which GFM reads into the address, so it prints as typed; `check --fix` writes the address `<https://a.cn>`',
    example:
      'Unexpected Markdown right after the web address https://a.cn: GFM reads the text after a bare address into it up to the next space, so the marks there print as typed; write the address as <https://a.cn>',
  },
  'link-space': {
    where: 'Markdown',
    severity: 'error',
    summary: 'an image or link whose file name has a space (`![](现场 照片.jpg)`), which Markdown leaves as text: the picture would be missing',
    example:
      'Unexpected space in the file name of the image `![](现场 照片.jpg)`: Markdown ends an address at a space, so this prints as typed and the picture is not shown; write `![](<现场 照片.jpg>)`, or rename the file without spaces',
  },
  'image-missing': {
    where: 'Markdown',
    severity: 'error',
    summary: 'an image file that does not exist',
    example: 'Cannot find content/2021/11/photo.jpg for the image photo.jpg; paths are relative to this Markdown file',
  },
  'issue-no-articles': {
    where: 'Markdown',
    severity: 'warning',
    summary: 'no `##` heading, so no articles and an empty contents list',
    example: 'No ## heading: the issue has no articles and its contents list is empty; start each article with `## title`',
  },
  'heading-slash': {
    where: 'Markdown',
    severity: 'warning',
    summary: 'a slash typed in a title without the spaces of a line break (`措施／全力`), which prints as a slash',
    example: 'Unexpected “／” in a title, which prints as a slash; to print the title on two lines, write “ / ” (space, slash, space) there',
  },
  'heading-depth': {
    where: 'Markdown',
    severity: 'warning',
    summary: 'a line starting with seven or more `#` (`####### 七级标题`), which prints as text with its marks; `check --fix` writes `######`',
    example:
      "Unexpected 7 “#”: Markdown has six levels of heading, so the line prints as text with its marks; write ###### (a subhead's level follows its numbering, whatever the number of #)",
  },
  'heading-punctuation': {
    where: 'Markdown',
    severity: 'warning',
    summary:
      'a title or subhead ending in `。` `，` `：` `；` `、` (`## 关于……情况：`), which a heading on a line of its own goes without; `check --fix` removes it',
    example:
      'Unexpected “：” at the end of a heading, which prints there and in the contents list; a heading on a line of its own ends without punctuation, so remove it',
  },
  'heading-backslash': {
    where: 'Markdown',
    severity: 'warning',
    summary: 'a title ending in `\\`, which prints, while the line after it starts the text: a title is one line',
    example:
      'Unexpected `\\` at the end of a title: a title is one line, so the backslash prints and the next line starts the text; to print the title on two lines, write “ / ” (space, slash, space) between them',
  },
  'heading-underlined': {
    where: 'Markdown',
    severity: 'warning',
    summary: 'a line of `---` or `===` right under a line of text, which makes that line a title (most often meant as a separator)',
    example:
      'Unexpected `---` under a line of text, which makes that line a title as `## …` would; for a title write `## title`, for a separator leave an empty line above the `---`',
  },
  'heading-above-article': {
    where: 'Markdown',
    severity: 'warning',
    summary: 'a `#` heading, which would print above the articles larger than the masthead',
    example:
      "Unexpected `#` heading: the series title on the masthead is the issue's only title above its articles, and an article starts with `## title`; write `##` here",
  },
  placeholder: {
    where: 'Markdown',
    severity: 'warning',
    summary:
      'a placeholder of the starter article `jianbao init` and `jianbao new` write (`文章标题第一行`, `请在此填写正文`) left in the issue, or their starter table (`甲县`, `乙县`, figures of 0) unchanged',
    example: "Unexpected placeholder “请在此填写正文” of the new issue's starter article; write the article in its place, or delete it",
  },
  'image-alt': {
    where: 'Markdown',
    severity: 'warning',
    summary: 'an image without a description and without a `图：…` caption under it',
    example: 'Image photo.jpg has no description; write one in the brackets, ![description](photo.jpg), for readers who cannot see it',
  },
  'image-remote': {
    where: 'Markdown',
    severity: 'warning',
    summary: 'an image on another site, which the PDF leaves out',
    example: 'Image https://… is on another site: the web page loads it from there, but the PDF leaves it out, …',
  },
  'image-unreadable': {
    where: 'Markdown',
    severity: 'warning',
    summary: 'an image file that does not read as an image (damaged, or another format under its extension): the page and the PDF would show it broken',
    example: [
      'Cannot read photo.jpg as an image (Input file contains unsupported image format); the page and the PDF would show it broken: save it again as JPEG or PNG',
      'Cannot show photo.png as a photo: it holds SVG data, not the PNG, JPEG, WebP, AVIF or GIF its name says, so the page and the PDF would show it broken; save it again as JPEG or PNG',
    ],
  },
  'attachment-name': {
    where: 'Markdown',
    severity: 'error',
    summary:
      'a file the issue links or shows named as a file the build makes beside its page (`index.html`, `2021-11.pdf`, `share.png`), which would take its place',
    example:
      "Cannot publish 2021-11.pdf, which this issue links or shows: the build writes the issue's PDF under that name beside it, which would take its place; rename the file and its link",
  },
  'image-copy-name': {
    where: 'Markdown',
    severity: 'error',
    summary:
      'a file the issue links or shows named as a copy the build makes of a photo (`photo.480w.jpg` beside `photo.jpg`), which would take that copy’s place on the site',
    example:
      "Cannot publish photo.jpg as a photo: the build names a copy of it photo.480w.jpg, the name of a file this issue links or shows, which would take that copy's place on the site; rename photo.480w.jpg",
  },
  'font-unavailable': {
    where: 'print',
    severity: 'warning',
    summary:
      'a font file from `fonts:` in `bulletin.yaml` that Chromium cannot load, or a role whose family names none is installed: that role prints in another face',
    example: [
      '`fonts.body`: The font file fonts/fangsong.ttf does not load as a font, so the body text prints in the next face of its list; …',
      '`fonts.body`: 仿宋_GB2312 is not installed on this machine, so the body text prints in Noto Serif SC; install it, or save the face as a font file …',
    ],
  },
  'print-resource': {
    where: 'print',
    severity: 'warning',
    summary: 'a file the print page asked for that it could not show (refused, missing or undecodable), left out of the PDF',
    example: 'The PDF leaves out logo.png: the print page may load only the issue’s own files, the templates and the bundled fonts; save it beside the issue',
  },
  'distribution-role': {
    where: '`bulletin.yaml`, frontmatter',
    severity: 'warning',
    summary: 'a role in `distribution` other than 报送, 发送 and 抄送 (主送, 分送; 报, 送, 发), which prints as written: a slip such as `超送` or `报送 `',
    example:
      'Unexpected role “超送” in the 版记, which prints as written (超送：…); its roles are 报送, 发送 and 抄送 (主送, 分送, or 报, 送 and 发, too): correct the name if it is a slip',
  },
  'distribution-overflow': {
    where: 'print',
    severity: 'warning',
    summary: 'a 版记 longer than a page holds: printed from the top of a page, ending on an even page, not at the foot of the last',
    example:
      'The 版记 runs over 2 pages: GB/T 9704 sets it at the foot of the issue’s last page; shorten its lists, naming a group of recipients once (各县（市、区）住房和城乡建设局)',
  },
  'cjk-punctuation': {
    where: 'Markdown',
    severity: 'warning',
    summary:
      'half-width punctuation in Chinese text (a parenthesis too, paired with a full-width one), an ellipsis, dash, title marks, range or full stop typed as `...`, `--`, `<<…>>`, `<…>`, `3~5`, `完成.`, `1，200`, a mark typed twice (`，，`) or the wrong mark after a numbering (`一.`, `（一）、`); `check --fix` fixes it',
    example: 'Unexpected half-width “,” in Chinese text; use the full-width “，” (GB/T 15834)',
  },
  'cjk-space': {
    where: 'Markdown',
    severity: 'warning',
    summary:
      "a space between Han characters and digits or Latin letters, or beside full-width punctuation, or a tab after a line's numbering (`（一）⇥`); `check --fix` removes it",
    example: 'Unexpected space between “年” and “1”; official usage sets Han characters beside digits and Latin letters without one, so remove it',
  },
  'mixed-quotes': {
    where: 'Markdown',
    severity: 'warning',
    summary: 'straight quotes in an issue that also uses curly ones (not a quotation in an English sentence); `check --fix` fixes them',
    example: 'Unexpected straight quotes "好" in an issue that also uses curly ones; use one style, “好” (GB/T 15834)',
  },
  'pasted-character': {
    where: 'Markdown',
    severity: 'warning',
    summary:
      'a no-break space, soft hyphen, zero-width space or other invisible character copied with text from a web page or WeChat; `check --fix` removes it (a no-break space between Latin words becomes a space)',
    example: 'Unexpected zero-width space (U+200B), as text copied from a web page or WeChat holds it; remove it',
  },
  emoji: {
    where: 'Markdown',
    severity: 'warning',
    summary: "an emoji (`点赞👍`), which the bulletin's fonts lack, so the PDF prints a blank or a box in its place",
    example: "Unexpected emoji “👍”: the bulletin's fonts have none, so the PDF prints a blank or a box in its place; say it in words, or remove it",
  },
  'full-width-digits': {
    where: 'Markdown',
    severity: 'warning',
    summary: 'full-width digits (`１２３个`, `８５％`), which print a character wide each; `check --fix` writes them half width',
    example: 'Unexpected full-width digits “１２３”; Arabic numerals are set half width, “123” (GB/T 15835)',
  },
  'quote-direction': {
    where: 'Markdown',
    severity: 'warning',
    summary: 'a curly quote turned the wrong way (`他说”好的“`, `“好的“`) in a paragraph whose quotes pair up; `check --fix` turns it',
    example: 'Unexpected ” where a quotation opens; use “, as quotes open “ and close ” (GB/T 15834)',
  },
  'emphasis-underscore': {
    where: 'Markdown',
    severity: 'warning',
    summary: 'underscores meant as bold or emphasis (`这是__重点__的`) that print as typed beside Chinese; `check --fix` writes `**` or `*`',
    example:
      'Unexpected underscores around “重点”, which print as typed: beside Chinese, Markdown reads only `*` as bold; write **重点** (or \\_ for an underscore)',
  },
  'table-src': {
    where: '`::table`',
    severity: 'error',
    summary: 'no `src` attribute',
    example: 'Expected a `src` attribute on ::table naming a CSV file or an Excel workbook, e.g. `::table{src="progress.csv"}`',
  },
  'table-attribute': {
    where: '`::table`',
    severity: 'error',
    summary:
      "an unknown attribute, one the source's format does not read (`sheet` on a CSV file), or a value in the quotes a Chinese input method types (`src=“a.csv”`)",
    example: [
      'Unexpected attribute `title` on ::table; expected `src`, `header-rows`, `total`, `chart`, `chart-type`, `chart-whole`, `chart-done`, `chart-print`, `sheet` or `range`',
      'Unexpected attribute `sheet` on a ::table of a .csv file; it picks a part of an Excel workbook (.xlsx) and has no meaning here',
      'Expected `src="progress.csv"` with half-width quotes, got src=“progress.csv”',
    ],
  },
  'table-header-rows': {
    where: '`::table`',
    severity: 'error',
    summary:
      '`header-rows` not a positive whole number, leaving no body row, counting a row of figures into the header, or leaving a row of headings out of it',
    example: 'Expected a body row below the header (`header-rows="5"`), found 4 rows in content/2021/11/progress.csv',
  },
  'table-chart': {
    where: '`::table`',
    severity: 'error',
    summary: '`chart` naming no number column',
    example: 'Expected `chart="完成率"` to match the header of a number column, e.g. “户数（户）”, “投资（万元）”',
  },
  'table-chart-attribute': {
    where: '`::table`',
    severity: 'error',
    summary: 'a chart attribute that does not apply: `chart-…` without `chart`, `chart-whole` or `chart-done` on a grouped chart',
    example: 'Unexpected `chart-type` on a ::table without `chart`; add `chart="…"` naming the columns to draw, or remove `chart-type`',
  },
  'table-chart-type': {
    where: '`::table`',
    severity: 'error',
    summary: '`chart-type` other than `grouped` or `stacked`',
    example: 'Expected `chart-type` to be `grouped` (a bar per column) or `stacked` (the parts of a whole as one bar), got “pie”',
  },
  'table-chart-whole': {
    where: '`::table`',
    severity: 'error',
    summary: 'a stacked chart without a whole and a part, or `chart-whole` naming not exactly one selected column',
    example: 'Expected `chart-whole="面积"` to match the header of one of the columns `chart` selected: “改造计划 / 涉及户数(户)”, …',
  },
  'table-chart-done': {
    where: '`::table`',
    severity: 'error',
    summary: '`chart-done` naming not exactly one part of a stacked chart',
    example: 'Expected `chart-done="完工"` to match the header of one of the parts (the selected columns but the whole): …',
  },
  'table-chart-print': {
    where: '`::table`',
    severity: 'error',
    summary: '`chart-print` other than `yes` or `no`',
    example: 'Expected `chart-print` to be `yes` (print the chart in the PDF) or `no` (show it on the web only), got “false”',
  },
  'table-src-type': {
    where: '`::table`',
    severity: 'error',
    summary: 'a table source of a format jianbao cannot read (by its extension)',
    example: 'Expected a table source ending in .csv, got progress.xls; other formats cannot be read, so save the table as .csv',
  },
  'table-sheet': {
    where: '`::table`',
    severity: 'error',
    summary: '`sheet` naming no sheet of the workbook',
    example: 'Cannot find sheet “3月” in content/2024/3/燃气进展.xlsx; its sheets are “3月进展”、“2月进展”',
  },
  'table-range': {
    where: '`::table`',
    severity: 'error',
    summary:
      '`range` neither in A1 notation (`A3:H12`) nor a name the workbook defines for a block of cells; without `range`, a title row above a workbook’s table or a note line (`注：…`, `填表人：…`) under it, with the range to use',
    example: 'Expected `range` in A1 notation such as `A3:H12`, or a name progress.xlsx defines for a block of cells (its names: “数据区”), got “数据”',
  },
  'table-src-outside-root': {
    where: 'CSV',
    severity: 'error',
    summary: 'a table source path (CSV or workbook) leaving the content folder',
    example: 'Expected a table source path inside content/, got ../../etc/passwd',
  },
  'table-csv-missing': {
    where: 'CSV',
    severity: 'error',
    summary: 'a CSV file that does not exist',
    example: 'Cannot find content/2021/11/progress.csv; `src` is relative to this Markdown file',
  },
  'table-csv-read': {
    where: 'CSV',
    severity: 'error',
    summary: 'a CSV file that cannot be read',
    example: 'Cannot read content/2021/11/progress.csv (EACCES)',
  },
  'table-csv-empty': {
    where: 'CSV',
    severity: 'error',
    summary: 'an empty CSV file',
    example: 'Expected CSV rows, found an empty file',
  },
  'table-csv-encoding': {
    where: 'CSV',
    severity: 'error',
    summary:
      'a CSV file in none of the encodings Excel and WPS save (UTF-8, UTF-16 with a BOM, GB18030/GBK), or with lines in UTF-8 and lines in another encoding, at the first line that is wrong',
    example: [
      'Expected UTF-8 or GB18030, found bytes that are neither on this line; save the file as “CSV UTF-8”',
      'Expected one encoding, found UTF-8 on line 1 and other bytes (GBK?) on this line; save the file as “CSV UTF-8”',
    ],
  },
  'table-csv-binary': {
    where: 'CSV',
    severity: 'error',
    summary: 'binary data (a spreadsheet saved as `.csv`)',
    example: 'Expected a text file, found binary data (is it a spreadsheet?); name an Excel workbook `.xlsx`, or save it as “CSV UTF-8”',
  },
  'table-csv-syntax': {
    where: 'CSV',
    severity: 'error',
    summary: 'CSV that does not parse, such as an unclosed quote',
    example: 'Unclosed quote: the quoted cell in this row runs to the end of the file',
  },
  'table-xlsx-missing': {
    where: 'workbook',
    severity: 'error',
    summary: 'an Excel workbook that does not exist',
    example: 'Cannot find content/2024/3/燃气进展.xlsx; `src` is relative to this Markdown file',
  },
  'table-xlsx-read': {
    where: 'workbook',
    severity: 'error',
    summary: 'an `.xlsx` file that cannot be read or is not a workbook',
    example: 'Cannot read content/2024/3/燃气进展.xlsx as an Excel workbook (end of data reached); open it in Excel or WPS and save it again as .xlsx',
  },
  'table-xlsx-format': {
    where: 'workbook',
    severity: 'error',
    summary: 'an old `.xls`, a WPS `.et`, a LibreOffice `.ods` or a password-protected workbook, or a text file (a CSV file, a web page) named `.xlsx`',
    example:
      'Cannot read 燃气进展.xlsx: it is password-protected (encrypted); save a copy without a password (File → Info → Protect Workbook, or 文件 → 文档加密 in WPS) as .xlsx',
  },
  'table-xlsx-cell': {
    where: 'workbook',
    severity: 'error',
    summary: 'an error value (`#REF!`) or a formula with no saved result, at its sheet and cell',
    example: [
      'Expected a value, found the error #REF!; fix the formula in Excel or WPS and save the workbook again',
      'Expected the saved result of the formula SUM(E4:E11), found none (the workbook was written by a program that does not calculate); open it in Excel, WPS or LibreOffice and save it again',
    ],
  },
  'table-total-rounding': {
    where: 'workbook',
    severity: 'warning',
    summary: "a 合计 that is the sum of the workbook's numbers, while the rows as printed, rounded by their number format, add up to another figure",
    example:
      '合计 value 65.2 in column “年度计划 / 长度(公里)” is the sum of the workbook’s numbers, but the rows as printed add up to 65.3: their number format rounds them; show the decimals they have, or round the numbers themselves in the workbook (ROUND)',
  },
  'table-xlsx-unit': {
    where: 'workbook',
    severity: 'warning',
    summary: 'numbers shown with a unit or currency by their number format (`12.50万元`), which the table cannot check',
    example:
      "The number format shows this column's numbers with “万元” (12.50万元), so the table prints them as text and cannot check their 合计; write the unit in the column's heading, and give the cells a number format without it",
  },
  'table-xlsx-hidden': {
    where: 'workbook',
    severity: 'warning',
    summary: 'rows or columns hidden in the workbook inside the table’s range, left out as Excel prints the sheet',
    example:
      'Rows 9, 12 and column D are hidden in the workbook and left out, as Excel prints the sheet (a 合计 made with SUM still adds a hidden row, which SUBTOTAL(109, …) leaves out); unhide them in Excel or WPS to print them',
  },
  'table-xlsx-comment': {
    where: 'workbook',
    severity: 'warning',
    summary: 'a cell of the table with a comment (批注), which the table leaves out',
    example:
      'The cell has a comment (“含2个新增小区，待核实”), which the table leaves out; act on it in the workbook, or write it as a 注： line under the table',
  },
  'table-xlsx-sheet': {
    where: 'workbook',
    severity: 'warning',
    summary: 'a workbook read without `sheet` whose first shown sheet holds no figures while another does (a 填表说明 sheet before the table)',
    example:
      'Read sheet “填表说明”, the first sheet Excel shows, which holds no figures, while “11月” does; name the table\'s sheet with `sheet`, e.g. `sheet="11月"`',
  },
  'table-xlsx-print-area': {
    where: 'workbook',
    severity: 'warning',
    summary: 'cells with values outside the print area of a sheet read without `range`, left out as Excel prints the sheet',
    example:
      "Cells F3, F4, F5 and 6 more outside the sheet's print area A1:D12 are left out, as Excel prints the sheet; to print them, widen the print area in Excel or WPS, or pick the cells with `range`",
  },
  'table-header-blank': {
    where: 'table source',
    severity: 'error',
    summary: 'an empty header cell that continues no merge (it would print as an empty heading)',
    example: 'Unexpected empty header cell: the heading above it, “改造计划”, spans more columns, and no heading to its left under it continues into it; …',
  },
  'table-header-untitled': {
    where: 'table source',
    severity: 'error',
    summary: 'a last column with no heading in any header row',
    example: 'Expected a heading for the last column, found only empty header cells; write its heading, or delete the column if it is not part of the table',
  },
  'table-row-length': {
    where: 'CSV',
    severity: 'error',
    summary: 'rows of unequal length',
    example: 'Expected 3 cells as in the first row (line 1), found 2',
  },
  'table-number': {
    where: 'table source',
    severity: 'error',
    summary: 'a cell that is not a number in a number column',
    example: 'Expected a number in column “户数（户）”, got “二十”',
  },
  'table-total': {
    where: 'table source',
    severity: 'error',
    summary:
      'a `合计` (`总计`, `全县合计`) or a `小计` (`城区合计` too) row not matching the sums of its rows (`小计` rows, parts — `其中` rows and rows indented under a row — and rate columns such as 完成率 left out, the message naming the rows left out and a row counted right after a `其中` row), or a second `合计` row',
    example: '合计 value 31 in column “户数（户）” does not match the sum of the rows above, 30',
  },
  'table-chart-parts': {
    where: 'table source',
    severity: 'error',
    summary: 'a row whose parts add up to more than its whole in a stacked chart',
    example: 'Expected the parts of “改造计划 / 涉及户数(户)” in 梅江区 to add up to at most 2393, got 1320 + 1180 = 2500; …',
  },
  'table-total-non-number': {
    where: 'table source',
    severity: 'error',
    summary: 'a number in the `合计` row of a column whose cells are not all numbers (blank and `/` count as 0)',
    example: '合计 value 999 in column “户数（户）” cannot be checked: “二十” (line 2), “三十” (line 3) are not numbers; …',
  },
  'table-too-large': {
    where: '`::table`',
    severity: 'warning',
    summary: 'a table of more than 300 rows or 10,000 cells, which prints on tens of pages (hundreds of thousands of cells pass the PDF’s 60 s limit)',
    example:
      "Expected a table a bulletin's pages can hold (at most 300 rows and 10,000 cells), found 5,000 rows × 50 columns in large.xlsx: printed, it runs to tens of pages or more, and a table of hundreds of thousands of cells takes the PDF past its 60 s limit; print the part readers need (a summary, or a workbook's cells picked with `range`) and link the whole file, `[全表](large.xlsx)`, for the rest",
  },
  'table-unchanged': {
    where: 'table source',
    severity: 'warning',
    summary: "a table file byte for byte the same as the previous issue's file of that name, as `jianbao new` carried it: its numbers were not updated",
    example:
      "Expected this issue's figures in progress.csv, found the same bytes as the previous issue's content/2022/1/progress.csv; update its numbers, or remove the table if it has no news",
  },
  'template-syntax': {
    where: 'templates',
    severity: 'error',
    summary: 'a site or print template (`--templates DIR`) that does not compile, at its line',
    example: 'Template syntax: expected variable end',
  },
  'template-missing': {
    where: 'templates',
    severity: 'error',
    summary: 'a templates folder (`./templates`, `--templates DIR`) without a template a build renders with: a page template, `print.njk` or `print/print.css`',
    example:
      "Expected every template a build renders with, found no index.njk, issue.njk; a templates folder stands in for jianbao's as a whole: copy jianbao's templates (node_modules/jianbao/templates/) into it and edit the copies",
  },
  'import-format': {
    where: 'Word draft (`jianbao import`)',
    severity: 'error',
    summary: 'a draft that is not a Word document saved as `.docx`: `.doc`, `.wps`, `.rtf`, an encrypted or damaged file',
    example: 'Expected a Word document saved as .docx, got a .doc file (Word 97–2003); open it in Word or WPS and save it as “Word 文档 (*.docx)”',
  },
  'import-unmapped': {
    where: 'Word draft (`jianbao import`)',
    severity: 'warning',
    summary:
      'what the bulletin cannot hold, named by paragraph: text boxes, comments, tracked changes, hidden text and unfilled form fields’ prompts (left out), equations, charts, embedded objects, images the web cannot show, pictures in a table’s cells (put after the table)',
    example:
      'Paragraph 14 (“1月以来，梅江区抓住…”) has a text box (“文本框里的说明”); the bulletin has none, so its text was put after the paragraph: move it where it belongs, or delete it',
  },
  'import-entity': {
    where: 'Word draft (`jianbao import`)',
    severity: 'warning',
    summary:
      'a draft whose XML declares entities in a DTD (`<!DOCTYPE … [<!ENTITY …>]>`), as Word never does, and uses them: imported as typed (`&org;`), never expanded',
    example:
      'Paragraph 2 (“今年以来，&org;蕉岭县坚持…”) uses &org;, which the draft declares in a DTD (<!DOCTYPE …>), as Word never does, and which no reader here expands: it was imported as typed; write what it stands for in the Markdown',
  },
  'import-formula': {
    where: 'Word draft (`jianbao import`)',
    severity: 'warning',
    summary: "a Word table’s cell that Excel and WPS would run as a formula on opening its CSV file (`=HYPERLINK(…)`, `=cmd|…`), written with a `'` before it",
    example:
      "Table 1 (table-1.csv) has a cell that Excel and WPS would run as a formula when table-1.csv is opened (“=cmd|' /C calc'!A0”, row 2, column 1), so it was written with a ' before it, which keeps it text there: check it against the draft, which may have been made to do harm, and retype or delete it",
  },
  'import-table-unit': {
    where: 'Word draft (`jianbao import`)',
    severity: 'warning',
    summary: 'a Word table’s column of figures typed with their unit (`1,200万元`), which the table reads as text and whose 合计 it cannot check',
    example:
      "Table 3 (table-3.csv) has figures typed with their unit in its column “计划投资” (1,200万元), which the table reads as text, so their 合计 goes unchecked: write the unit in the column's heading (计划投资（万元）) and the figures alone in its cells",
  },
  'import-bulletin-parts': {
    where: 'Word draft (`jianbao import`)',
    severity: 'warning',
    summary:
      'a whole bulletin imported: its masthead (第N期, 总第N期, date) and its 版记 (报送, 发送, 抄送) read into the frontmatter, they and its 目录 left out of the text; each named by paragraph, with what was read, to check against the draft',
    example: [
      'Paragraphs 1–4 (“梅州市城镇老旧小区改造工作 简 报”) are the masthead and were left out of the text; read into the frontmatter: number 11 and total 18 (paragraph 2, “(2021 年第 11 期 总第 18 期)”), date 2021-11-29 (paragraph 4, “2021 年 11 月 29 日”); check them against the draft',
      'Paragraphs 32–35 (“报送：正勇、王晖、永祥，陈亮、钟优同志。”) are the 版记 and were left out of the text; written into the frontmatter’s distribution, as they differ from bulletin.yaml’s: 抄送 (paragraph 34); …; check them against the draft',
    ],
  },
  'import-mammoth': {
    where: 'Word draft (`jianbao import`)',
    severity: 'warning',
    summary: 'what the Word reader (mammoth) reported it could not read',
    example: 'The Word reader reported: An unrecognised element was ignored: m:oMathPara; look at the draft there and copy what is missing by hand',
  },
} as const satisfies Record<string, Rule>;

/** The id of a registered rule; a message with any other id does not compile. */
export type RuleId = keyof typeof RULES;

/** Whether `id` names a registered rule (an id that arrives untyped, through zod's params). */
export function isRuleId(id: unknown): id is RuleId {
  return typeof id === 'string' && Object.hasOwn(RULES, id);
}
