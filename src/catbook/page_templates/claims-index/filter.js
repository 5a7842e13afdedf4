(function () {
  const root = document.getElementById("claims-index");
  if (!root) return;
  const controls = root.querySelectorAll("[data-filter]");
  const rows = root.querySelectorAll("tbody tr");
  const count = root.querySelector("[data-count]");
  const paraForm = document.getElementById("claims-para");
  const para = document.getElementById("claims-para-input");
  const paraError = document.getElementById("claims-para-error");
  const status = document.getElementById("claims-para-status");
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
  function apply() {
    const want = {};
    controls.forEach(c => { want[c.dataset.filter] = c.value.trim().toLowerCase(); });
    let shown = 0;
    rows.forEach(r => {
      const p = Number(r.dataset.para);
      const ok = ["chapter", "kind", "verdict"].every(k => !want[k] || r.dataset[k] === want[k])
        && (!want.text || r.textContent.toLowerCase().includes(want.text))
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
  }
  controls.forEach(c => c.addEventListener("input", apply));
  para.addEventListener("change", () => { readParagraphs(); apply(); });
  para.addEventListener("input", () => { if (!para.value.trim()) { readParagraphs(); apply(); } });
  paraForm.addEventListener("submit", e => { e.preventDefault(); readParagraphs(); apply(); });
  apply();
})();
