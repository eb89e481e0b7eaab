/**
 * Failures of the PDF stage. Each has a stable `code` so the CLI and tests can
 * tell them apart without parsing messages; messages say what happened and
 * what to do, and name the issue when there is one.
 */
export type PdfErrorCode = 'browser-not-found' | 'browser-crashed' | 'render-timeout' | 'render-failed' | 'fonts-missing' | 'invalid-option';

export class PdfError extends Error {
  override readonly name = 'PdfError';
  readonly code: PdfErrorCode;

  constructor(code: PdfErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
