/*
 * Readable slugs in the page editor: the same rules as curriculum/slugs.py (change both
 * together; tests/curriculum/test_readable_slugs.py runs the two on the same titles).
 *
 * Wagtail's own `w-slug` controller drops Khmer vowel signs and subscripts (they are
 * combining marks, not letters). `smh-slug` answers the same events from the title field
 * (`w-sync:check`, `w-sync:apply`) and the slug field's own blur, with Khmer kept whole.
 * Registered through Wagtail's documented `window.wagtail.app.register`.
 */
(function (root) {
  'use strict';

  var SLUG_MAX_LENGTH = 80;
  var COENG = '\u17d2';
  var INVISIBLE = /[\u17b4\u17b5\u200b-\u200d\u2060\ufeff]/g;
  var KHMER_MARK = /^[\u17b6-\u17d3\u17dd]$/;
  var KEPT = /^[\p{L}\p{N}_\u17b6-\u17d3\u17dd]$/u;
  var WHITESPACE = /^[\t\n\v\f\r\p{Zs}]$/u;
  var SEPARATORS = /[-\t\n\v\f\r\p{Zs}]+/gu;

  function strip(characters, text) {
    var start = 0;
    var end = text.length;
    while (start < end && characters.indexOf(text[start]) !== -1) start += 1;
    while (end > start && characters.indexOf(text[end - 1]) !== -1) end -= 1;
    return text.slice(start, end);
  }

  function isInsideCluster(characters, position) {
    return KHMER_MARK.test(characters[position]) || characters[position - 1] === COENG;
  }

  /* `slug` cut to `maxLength` characters at a word or Khmer cluster boundary. */
  function shortenSlug(slug, maxLength) {
    if (maxLength === undefined) maxLength = SLUG_MAX_LENGTH;
    // Code points, not UTF-16 units, as Python counts them.
    var characters = Array.from(slug);
    if (characters.length <= maxLength) return slug;
    var lastHyphen = characters.slice(0, maxLength + 1).lastIndexOf('-');
    if (lastHyphen >= Math.floor(maxLength / 2)) {
      return characters.slice(0, lastHyphen).join('');
    }
    var end = maxLength;
    while (end > 0 && isInsideCluster(characters, end)) end -= 1;
    return strip('-_', characters.slice(0, end).join(''));
  }

  /* The slug of a title: Khmer whole, Latin lowercased, words joined by `-`, capped. */
  function readableSlug(text, maxLength) {
    var prepared = text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
    var kept = Array.from(prepared)
      .filter(function (character) {
        return character === '-' || WHITESPACE.test(character) || KEPT.test(character);
      })
      .join('');
    return shortenSlug(strip('-_', kept.replace(SEPARATORS, '-')), maxLength);
  }

  if (typeof module === 'object' && module.exports) {
    module.exports = { readableSlug: readableSlug, shortenSlug: shortenSlug };
  }

  if (!root.wagtail || !root.wagtail.app || !root.StimulusModule) return;

  class ReadableSlugController extends root.StimulusModule.Controller {
    /* Another field (the title) asks whether the slug still follows it. */
    compare(event) {
      if (!this.element.value) return true;
      var value = (event.detail && event.detail.value) || '';
      var same = readableSlug(value) === this.element.value;
      if (!same) event.preventDefault();
      return same;
    }

    /* The title changed and the slug follows it. */
    urlify(event) {
      var value = (event.detail && event.detail.value) || this.element.value;
      this.element.value = readableSlug(value);
    }

    /* The editor typed a slug of their own. */
    slugify() {
      this.element.value = readableSlug(this.element.value);
    }
  }

  root.wagtail.app.register('smh-slug', ReadableSlugController);
})(typeof window !== 'undefined' ? window : globalThis);
