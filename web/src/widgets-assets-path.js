/*
 * Loaded before require.js and @jupyter-widgets/html-manager's embed-amd.js on pages with
 * stored widget views (nb_ipywidgets_js in _config.yml).
 *
 * embed-amd.js defines its AMD modules by name (@jupyter-widgets/base, .../controls, ...),
 * and each bundle finds its icon fonts relative to its module's URL, which require.js
 * derives from the name: under the page's own folder, where they are not (404s). Mapping
 * each name to a file in the folder where catbook.web copies embed-amd.js and its fonts
 * makes every bundle look there. A global `require` object set before require.js loads
 * is its configuration; nothing is fetched for these names, as embed-amd.js has already
 * defined them. The manager's own override of the fonts' folder is set as well.
 */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  if (!here) return;
  var folder = new URL("html-manager/", here).href;
  window.__jupyter_widgets_assets_path__ = folder;
  if (typeof window.require !== "undefined") return;
  var modules = ["base", "base7", "controls", "controls7", "html-manager", "html-manager/dist/libembed-amd"];
  var paths = {};
  modules.forEach(function (name) {
    paths["@jupyter-widgets/" + name] = folder + name.replace(/\//g, "-");
  });
  window.require = {paths: paths};
})();
