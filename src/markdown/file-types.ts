/**
 * File types an issue may link as downloads, by extension: documents (Office, WPS, OFD), raster
 * images, tables and archives, none of which a browser runs. HTML, SVG, XML and scripts are not
 * among them: opened from the site, such a file runs script with the site's rights.
 */
export const LINK_TYPES = [
  'pdf',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'ppt',
  'pptx',
  'wps',
  'et',
  'odt',
  'ods',
  'ofd',
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'avif',
  'csv',
  'txt',
  'zip',
  '7z',
  'rar',
] as const;

/** File types an issue may show as images: raster formats that web pages and the print page display. */
export const IMAGE_TYPES = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif'] as const;
