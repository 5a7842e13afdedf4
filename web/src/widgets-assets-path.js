/*
 * Loaded before require.js and @jupyter-widgets/html-manager's embed-amd.js on pages with
 * stored widget views (nb_ipywidgets_js in _config.yml). The widget manager's bundles find
 * their icon fonts relative to their AMD module's URL, which require.js derives from the
 * module name ("@jupyter-widgets/html-manager/dist/...") under the page's own folder: that
 * gives 404s. Mapping that name to the folder where catbook.web copies embed-amd.js and
 * its fonts (a global `require` object is require.js's configuration when it loads), and
 * setting the manager's own override, makes them load from the book.
 */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  if (!here) return;
  var folder = new URL("html-manager/", here).href;
  window.__jupyter_widgets_assets_path__ = folder;
  if (typeof window.require === "undefined") {
    window.require = {paths: {"@jupyter-widgets/html-manager/dist": folder.replace(/\/$/, "")}};
  }
})();
