/**
 * File types an issue may link as downloads, by extension: documents (Office, WPS, OFD), raster
 * images, tables and archives, none of which a browser runs. HTML, SVG, XML and scripts are not
 * among them: opened from the site, such a file runs script with the site's rights.
 */
export const LINK_TYPES = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'wps', 'et', 'odt', 'ods', 'ofd', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'csv', 'txt', 'zip', '7z', 'rar'] as const;

/** File types an issue may show as images: raster formats that web pages and the print page display. */
export const IMAGE_TYPES = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif'] as const;

/** The extension of a path, lower case and without the dot; '' when it has none. */
export function extensionOf(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}
