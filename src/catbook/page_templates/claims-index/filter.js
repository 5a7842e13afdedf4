(function () {
  const root = document.getElementById("claims-index");
  if (!root) return;
  const controls = root.querySelectorAll("[data-filter]");
  const rows = Array.from(root.querySelectorAll("tbody tr"));
  const count = root.querySelector("[data-count]");
  const share = root.querySelector("[data-share]");
  const paraForm = document.getElementById("claims-para");
  const para = document.getElementById("claims-para-input");
  const paraError = document.getElementById("claims-para-error");
  const status = document.getElementById("claims-para-status");
  // The text filter ignores accents and case: "garde a vue" finds "garde à vue".
  const fold = s => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ");
  const texts = rows.map(r => fold(r.textContent));
  // The filters live in the address: ?chapter=…&kind=…&verdict=…&q=…&para=…
  const PARAM = {chapter: "chapter", kind: "kind", verdict: "verdict", text: "q"};
  let range = null;
  function readParagraphs() {
    range = null;
    paraError.textContent = "";
    para.removeAttribute("aria-invalid");
    if (!para.value.trim()) return;
    try { range = window.catbookParagraphRange(para.value, Number(paraForm.dataset.paragraphs)); }
    catch (err) {
      paraError.textContent = "“" + para.value + "”: " + err.message + ".";
      para.setAttribute("aria-invalid", "true");
    }
  }
  function address() {
    const params = new URLSearchParams();
    controls.forEach(c => { if (c.value.trim()) params.set(PARAM[c.dataset.filter], c.value.trim()); });
    if (para.value.trim()) params.set("para", para.value.trim());
    const query = params.toString();
    return location.pathname + (query ? "?" + query : "") + location.hash;
  }
  function apply() {
    const want = {};
    controls.forEach(c => { want[c.dataset.filter] = c.dataset.filter === "text" ? fold(c.value.trim()) : c.value.trim().toLowerCase(); });
    let shown = 0;
    rows.forEach((r, i) => {
      const p = Number(r.dataset.para);
      const ok = ["chapter", "kind", "verdict"].every(k => !want[k] || r.dataset[k] === want[k])
        && (!want.text || texts[i].includes(want.text))
        && (!range || (p >= range[0] && p <= range[1]));
      r.hidden = !ok;
      if (ok) shown += 1;
    });
    const which = range ? "paragraph" + (range[0] === range[1] ? " " + range[0] : "s " + range[0] + "–" + range[1]) : "";
    count.textContent = shown + " of " + rows.length + " claims shown" + (range ? " (" + which + ")" : "");
    status.textContent = "";
    if (range) {
      const link = document.createElement("a");
      link.href = "../book/report-text.html#para-" + range[0];
      link.textContent = "Read " + which + " in the report";
      status.appendChild(link);
    }
    const here = address();
    if (here !== location.pathname + location.search + location.hash) {
      try { history.replaceState(history.state, "", here); } catch (e) { /* a file:// page */ }
    }
    share.href = here;
    share.parentNode.hidden = !location.search;
  }
  // A shared address sets the filters it names.
  const given = new URLSearchParams(location.search);
  controls.forEach(c => {
    const value = given.get(PARAM[c.dataset.filter]);
    if (value === null) return;
    if (c.tagName === "SELECT" && !Array.from(c.options).some(o => o.value === value)) return;
    c.value = value;
  });
  if (given.get("para")) { para.value = given.get("para"); readParagraphs(); }
  controls.forEach(c => c.addEventListener("input", apply));
  para.addEventListener("change", () => { readParagraphs(); apply(); });
  para.addEventListener("input", () => { if (!para.value.trim()) { readParagraphs(); apply(); } });
  paraForm.addEventListener("submit", e => { e.preventDefault(); readParagraphs(); apply(); });
  apply();
})();
