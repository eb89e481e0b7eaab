/**
 * A file the build read earlier was not the same when read again later in the same build: an
 * issue's text an editor saved meanwhile (its file is read again only when asked for), or a file
 * of the build cache damaged on disk (checked against its hash when read). The read that found a
 * cached file damaged removed it, and a changed text is loaded anew, so a second build has what
 * this one lacked: `build` makes one, once, and names the change in its result.
 */
export class ChangedDuringBuildError extends Error {
  /** What happened: `the HTML of content/2021/11/index.md kept in .cache/…/blobs changed or was removed during the build`. */
  readonly change: string;

  /** `what` changed: `content/2021/11/index.md`, `the HTML of … kept in …`; a build `again` … (`renders it anew`). */
  constructor(what: string, again: string) {
    const change = `${what} changed or was removed during the build`;
    super(`${change}; build again, which ${again}`);
    this.name = 'ChangedDuringBuildError';
    this.change = change;
  }
}
