(function () {
  const formEl = document.getElementById("para-lookup");
  if (!formEl) return;
  const input = formEl.querySelector("input"), error = document.getElementById("para-lookup-error");
  const status = document.getElementById("para-lookup-status");
  formEl.addEventListener("submit", function (event) {
    event.preventDefault();
    let range;
    try { range = window.catbookParagraphRange(input.value, Number(formEl.dataset.paragraphs)); }
    catch (err) {
      error.textContent = "“" + input.value + "”: " + err.message + ".";
      input.setAttribute("aria-invalid", "true");
      status.textContent = "";
      input.focus();
      return;
    }
    error.textContent = "";
    input.removeAttribute("aria-invalid");
    const [first, last] = range;
    status.textContent = first === last ? "Paragraph " + first + "." :
      "Paragraphs " + first + "–" + last + ": from paragraph " + first + " (shown) to paragraph " + last + ".";
    location.hash = "para-" + first;
  });
})();
