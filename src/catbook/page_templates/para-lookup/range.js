window.catbookParagraphRange = function (text, total) {
  const m = /^\s*(\d+)\s*(?:[-–—]\s*(\d+)\s*)?$/.exec(text);
  if (!m) throw new Error("type a paragraph number (295) or a range (46–96)");
  const first = parseInt(m[1], 10), last = m[2] === undefined ? first : parseInt(m[2], 10);
  if ([first, last].some(n => n < 1 || n > total)) throw new Error("the report has paragraphs 1 to " + total);
  if (last < first) throw new Error("a range runs from the smaller number to the larger");
  return [first, last];
};
