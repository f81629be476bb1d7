package org.gazette.extract;

/** What a page is, for sites whose configuration has no URL patterns to tell. */
public enum PageKind {
  /** One story: a title and body paragraphs. */
  ARTICLE,
  /** A list of headlines with their times: front page, section page, pagination. */
  LISTING,
  /** Anything else (search forms, about pages, error pages); no record is written. */
  OTHER
}
