// The sidebar buttons of narrow screens (pydata-sphinx-theme #2451, sphinx-book-theme #988): both
// themes bind their handlers to the page's FIRST .primary-toggle / .secondary-toggle, a button of
// the header that is hidden; the buttons a reader sees and taps do nothing. Each visible button
// forwards its click to that first one, so the theme's own handlers run: the table of contents
// (or "on this page") opens as a dialog on a phone, and the sidebar folds on a wide screen.
(function () {
  function bind() {
    [".primary-toggle", ".secondary-toggle"].forEach(function (selector) {
      var buttons = document.querySelectorAll(selector);
      for (var i = 1; i < buttons.length; i++) {
        buttons[i].addEventListener("click", function (event) {
          event.preventDefault();
          event.stopPropagation();
          buttons[0].click();
        });
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", bind);
  } else {
    bind();
  }
})();
