/**
 * The 附件说明 (GB/T 9704 §7.3.4): `附件：` after the text, then the attachments' names, each
 * numbered `1.` `2.` … on a line of its own when there are several (`附件：1.××××`). The import
 * keeps such lines as text, the Markdown sets them as a list (remark-attachment-lines,
 * rehype-attachments), and a 落款 may follow them (rehype-signature).
 */
export const ATTACHMENTS = /^附件[:：]/;

/** An attachment's number at the start of its line: `2.`, `2．`, `2、`, or in full-width digits. */
export const ATTACHMENT_NUMBER = /^[0-9０-９]+[.．、]/;
