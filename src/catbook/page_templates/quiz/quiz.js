(function () {
  var root = document.getElementById({{ container_js }});
  if (!root || root.getAttribute("data-ready")) return;
  root.setAttribute("data-ready", "1");
  function digits(text) { return text.replace(/[\s\u00a0\u202f,.']/g, ""); }
  root.querySelectorAll(".cq-question").forEach(function (q) {
    var out = q.querySelector(".cq-feedback");
    var details = q.querySelector("details");
    q.querySelector(".cq-check").addEventListener("click", function () {
      var kind = q.getAttribute("data-kind"), answer = q.getAttribute("data-answer"), ok, why = "";
      if (kind === "deadline") {
        var d = q.querySelector("input[type=date]").value, t = q.querySelector("input[type=time]").value;
        if (!d || !t) { out.textContent = {{ enter_date_js }}; return; }
        ok = (d + "T" + t.slice(0, 5)) === answer;
      } else if (kind === "number") {
        var v = digits(q.querySelector("input[type=text]").value);
        if (!/^-?[0-9]+$/.test(v)) { out.textContent = {{ enter_number_js }}; return; }
        ok = String(parseInt(v, 10)) === answer;
      } else {
        var picked = q.querySelector("input[type=radio]:checked");
        if (!picked) { out.textContent = {{ choose_js }}; return; }
        ok = picked.value === answer;
        why = picked.getAttribute("data-why") || "";
      }
      q.setAttribute("data-result", ok ? "correct" : "wrong");
      out.textContent = ok ? {{ correct_js }} : {{ not_quite_js }} + (why ? " " + why : "") +
        {{ try_again_js }};
      if (ok) details.open = true;
    });
  });
})();
