/*
 * The custody clock calculator page of the book, in the reader's browser: no kernel, no server.
 *
 * The page part only: the form, its messages and the rendering of the results. Every
 * computation is done by the engine (custody-engine.js, window.CatbookCustodyEngine) on
 * the rules the book build exports into window.catbookCustodyRules; both files are added
 * by catbook.web to the pages that hold the calculator's container.
 */
(function () {
  "use strict";

  var engine = window.CatbookCustodyEngine.create(window.catbookCustodyRules);
  var DATA = engine.data;
  var ALL_CLOCK_RULES = engine.clockRules;
  var STATUSES = engine.statuses;
  var evaluate = engine.evaluate;
  var formatMoment = engine.formatMoment;
  var actLabel = engine.actLabel;

  // ---- the page -------------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) node.append(child);
    });
    return node;
  }

  var FIELD_HELP = {
    arrested_at: "The moment of actual deprivation of liberty, as YYYY-MM-DD HH:MM local time in the zone " +
      "below, or with an explicit UTC offset (2012-03-01T14:30+06:00).",
    tz: "An IANA time zone name; Kazakhstan's zones are offered as you type.",
    now: "When the case is checked. Blank means the current time of this computer.",
  };

  function Calculator(root) {
    this.root = root;
    this.reportPage = root.getAttribute("data-report-page") || "";
    this.runs = 0;
    this.inputs = {};
    this.errorNodes = {};
    this.build();
  }

  Calculator.prototype.fieldRow = function (key, label, input, help) {
    var id = "cc-" + key;
    input.id = id;
    input.setAttribute("data-field", key);
    var helpNode = help ? el("p", {class: "cc-help", id: id + "-help", text: help}) : null;
    var errorNode = el("p", {class: "cc-error", id: id + "-error", "data-error-for": key, hidden: true});
    input.setAttribute("aria-describedby", (help ? id + "-help " : "") + id + "-error");
    this.inputs[key] = input;
    this.errorNodes[key] = errorNode;
    return el("div", {class: "cc-field", "data-field-row": key}, [
      el("label", {for: id, text: label}), el("div", {class: "cc-control"}, [input, helpNode, errorNode]),
    ]);
  };

  function textInput(placeholder) {
    return el("input", {type: "text", autocomplete: "off", spellcheck: "false", placeholder: placeholder,
      inputmode: "text"});
  }

  Calculator.prototype.build = function () {
    var self = this;
    var zones = el("datalist", {id: "cc-zones"}, DATA.zones.kazakhstan.map(function (z) {
      return el("option", {value: z});
    }));
    var tz = textInput("Asia/Almaty");
    tz.setAttribute("list", "cc-zones");
    tz.value = DATA.zones.default;
    var foreigner = el("input", {type: "checkbox"});
    var examples = el("select", {id: "cc-example"}, [el("option", {value: "", text: "(choose a worked case)"})]
      .concat(DATA.examples.map(function (e) { return el("option", {value: e.name, text: e.name}); })));
    var exampleFacts = el("p", {class: "cc-help", id: "cc-example-facts", "aria-live": "polite"});
    examples.setAttribute("aria-describedby", "cc-example-facts");

    var eventRows = ALL_CLOCK_RULES.map(function (rule) {
      var hint = rule.applies_to === "foreigner" ? " (foreign national only)"
        : rule.applies_to === "juvenile" ? " (minor only)" : "";
      var from = rule.starts_from === DATA.arrest ? "the arrest" : "'" + actLabel(rule.starts_from) + "'";
      return self.fieldRow(rule.id, rule.act.label + hint, textInput("blank = not done yet"),
        (rule.duration.unit === "immediately" ? "Due immediately, at " + from
          : "Due within " + rule.duration.label + " of " + from) + ". Blank means not done yet.");
    });
    function checkRow(input, key, label) {
      input.id = "cc-" + key;
      input.setAttribute("data-field", key);
      self.inputs[key] = input;
      return el("div", {class: "cc-field cc-check"}, [input, el("label", {for: "cc-" + key, text: label})]);
    }
    var juvenile = el("input", {type: "checkbox"});
    var delayAuthorised = el("input", {type: "checkbox"});

    var form = el("form", {class: "cc-form", id: "cc-form", novalidate: true, "aria-describedby": "cc-form-help"}, [
      el("p", {id: "cc-form-help", class: "cc-help", text: "Times are YYYY-MM-DD HH:MM in the chosen zone, or " +
        "carry their own UTC offset (…+06:00) when a record was kept in another zone."}),
      el("div", {class: "cc-field"}, [el("label", {for: "cc-example", text: "Load a worked case"}),
        el("div", {class: "cc-control"}, [examples, exampleFacts])]),
      el("fieldset", {}, [el("legend", {text: "The arrest"}),
        this.fieldRow("arrested_at", "Arrested (actual moment)", textInput("YYYY-MM-DD HH:MM"), FIELD_HELP.arrested_at),
        this.fieldRow("tz", "Time zone", tz, FIELD_HELP.tz), zones,
        el("div", {class: "cc-field cc-check"}, [foreigner, el("label", {for: "cc-foreigner",
          text: "Foreign national (adds the consulate's notice)"})]),
        checkRow(juvenile, "juvenile", "Minor, under eighteen (adds the parents' immediate notice; " +
          "the old 72-hour delay never applied)"),
        checkRow(delayAuthorised, "delay_authorised", "The prosecutor authorised delaying the family " +
          "notice (the 72-hour delay, lawful only before the Law of 18 January 2011)"),
      ]),
      el("fieldset", {}, [el("legend", {text: "When each act was done"})].concat(eventRows)),
      el("fieldset", {}, [el("legend", {text: "Checked at"}),
        this.fieldRow("now", "Now", textInput("blank = current time"), FIELD_HELP.now)]),
      el("div", {class: "cc-actions"}, [el("button", {type: "submit", id: "cc-submit", text: "Show deadlines"})]),
    ]);
    foreigner.id = "cc-foreigner";
    foreigner.setAttribute("data-field", "foreigner");
    this.inputs.foreigner = foreigner;

    // The status line is the live region: a short summary (or what to correct) is
    // announced after each computation; the table below it is not re-read in full.
    this.status = el("p", {id: "cc-status", class: "cc-status-line", role: "status", "aria-live": "polite",
      "aria-atomic": "true", text: "Type the moment of the arrest and press “Show deadlines”."});
    this.output = el("div", {id: "cc-output"});
    this.results = el("section", {id: "cc-results", class: "cc-results", "aria-labelledby": "cc-results-title",
      "data-state": "empty", "data-run": "0"}, [
      el("h2", {id: "cc-results-title", text: "Deadlines and verdicts"}), this.status, this.output,
    ]);
    this.root.textContent = "";
    this.root.append(form, this.results);

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.update();
    });
    form.addEventListener("change", function (event) {
      if (event.target === examples) {
        self.loadExample(examples.value);
        exampleFacts.textContent = (DATA.examples.find(function (e) { return e.name === examples.value; }) ||
          {facts: ""}).facts;
      }
      self.update();
    });
  };

  Calculator.prototype.loadExample = function (name) {
    var example = DATA.examples.find(function (e) { return e.name === name; });
    if (!example) return;
    var inputs = this.inputs;
    inputs.arrested_at.value = example.inputs.arrested_at;
    inputs.tz.value = example.inputs.tz;
    inputs.foreigner.checked = example.inputs.foreigner;
    inputs.juvenile.checked = example.inputs.juvenile;
    inputs.delay_authorised.checked = example.inputs.delay_authorised;
    ALL_CLOCK_RULES.forEach(function (rule) { inputs[rule.id].value = example.inputs.events[rule.id] || ""; });
    inputs.now.value = example.inputs.now;
  };

  Calculator.prototype.values = function () {
    var inputs = this.inputs;
    var events = {};
    ALL_CLOCK_RULES.forEach(function (rule) { events[rule.id] = inputs[rule.id].value; });
    return {arrested_at: inputs.arrested_at.value, tz: inputs.tz.value, foreigner: inputs.foreigner.checked,
      juvenile: inputs.juvenile.checked, delay_authorised: inputs.delay_authorised.checked,
      events: events, now: inputs.now.value};
  };

  Calculator.prototype.sourceLinks = function (lines) {
    var self = this;
    var nodes = [];
    lines.forEach(function (n, i) {
      if (i) nodes.push(", ");
      nodes.push(self.reportPage ? el("a", {href: self.reportPage + "#p" + n, text: String(n)}) : String(n));
    });
    return nodes;
  };

  Calculator.prototype.update = function () {
    var self = this;
    var result = evaluate(this.values());
    this.runs += 1;
    Object.keys(this.errorNodes).forEach(function (key) {
      var node = self.errorNodes[key];
      var reason = result.errors[key];
      node.textContent = reason || "";
      node.hidden = !reason;
      if (reason) self.inputs[key].setAttribute("aria-invalid", "true");
      else self.inputs[key].removeAttribute("aria-invalid");
    });
    var keys = Object.keys(result.errors);
    var body = [];
    if (keys.length) {
      this.status.textContent = "Correct the field" + (keys.length > 1 ? "s" : "") + " marked above to see the " +
        "deadlines: " + keys.map(function (key) { return self.labelOf(key) + ": " + result.errors[key]; }).join("; ");
      this.status.className = "cc-status-line cc-invalid";
      this.results.setAttribute("data-state", "error");
    } else {
      this.status.textContent = this.summaryText(result);
      this.status.className = "cc-status-line";
      body = this.renderFindings(result);
      this.results.setAttribute("data-state", "ok");
    }
    this.output.textContent = "";
    body.forEach(function (node) { self.output.append(node); });
    this.results.setAttribute("data-run", String(this.runs));
    return result;
  };

  Calculator.prototype.labelOf = function (key) {
    var label = this.root.querySelector('label[for="cc-' + key + '"]');
    return label ? label.textContent : key;
  };

  Calculator.prototype.summaryText = function (result) {
    var counts = STATUSES.map(function (status) {
      return result.findings.filter(function (f) { return f.status === status; }).length + " " + status;
    });
    return result.findings.length + " deadlines: " + counts.join(", ") + " (checked at " +
      formatMoment(result.now, result.zone) + ").";
  };

  Calculator.prototype.renderFindings = function (result) {
    var self = this;
    var zone = result.zone;
    var summary = el("p", {id: "cc-summary", "data-zone": zone, "data-now": formatMoment(result.now, zone, "T"),
      text: "Times are shown in " + zone + ", with the UTC offset in force at each moment."});
    var withDelay = result.findings.some(function (f) { return f.deadline.lawfulDelayUntil !== null; });
    var columns = ["Deadline", "Verdict", "Due", "Done at", "Overrun", "Outer bound", "If “immédiatement”"]
      .concat(withDelay ? ["Lawful delay until"] : []);
    function msg(key, values) { return engine.message(key, values); }
    var head = el("tr", {}, columns.map(function (h) { return el("th", {scope: "col", text: h}); }));
    var rows = result.findings.map(function (f) {
      var d = f.deadline;
      return el("tr", {
        "data-rule": d.rule.id, "data-status": f.status, "data-due": formatMoment(d.due, zone, "T"),
        "data-starts-at": formatMoment(d.startsAt, zone, "T"),
        "data-actual": f.actual !== null ? formatMoment(f.actual, zone, "T") : "",
        "data-overrun-seconds": f.overrun !== null ? String(f.overrun / 1000) : "",
        "data-lawful-delay-until": d.lawfulDelayUntil !== null ? formatMoment(d.lawfulDelayUntil, zone, "T") : "",
        "data-upper-bound": d.isUpperBound ? "true" : "false",
        "data-source-lines": d.sourceLines.join(" "),
        "data-outer-due": d.outerDue !== null ? formatMoment(d.outerDue, zone, "T") : "",
        "data-outer-status": f.outerStatus || "",
        "data-immediately-late-seconds": f.immediatelyLate !== null ? String(f.immediatelyLate / 1000) : "",
      }, [
        el("th", {scope: "row"}, [d.rule.title, el("br"), el("code", {text: d.rule.id})]),
        el("td", {}, [el("span", {class: "cc-status cc-" + f.status, text: msg("verdict." + f.status)})]),
        el("td", {class: "cc-due", text: formatMoment(d.due, zone) +
          (d.isUpperBound ? " " + msg("verdict.latest_possible") : "")}),
        el("td", {text: f.actual !== null ? formatMoment(f.actual, zone) : msg("verdict.not_done")}),
        el("td", {class: "cc-overrun", text: f.overrun !== null ? engine.formatDuration(f.overrun) : ""}),
        el("td", {class: "cc-outer"}, d.outerDue === null ? [] : [formatMoment(d.outerDue, zone) + ": ",
          el("span", {class: "cc-status cc-" + f.outerStatus, text: msg("verdict." + f.outerStatus)})]),
        el("td", {class: "cc-immediately", text: f.immediatelyLate === null ? ""
          : f.immediatelyLate === 0 ? msg("verdict.immediately_on_time")
            : msg("verdict.immediately_late", {duration: engine.formatDuration(f.immediatelyLate)})}),
        withDelay ? el("td", {text: d.lawfulDelayUntil !== null ? formatMoment(d.lawfulDelayUntil, zone) : ""}) : null,
      ]);
    });
    var table = el("div", {class: "cc-table-wrap", tabindex: "0", role: "region",
      "aria-label": "Deadlines and verdicts, one row per rule"}, [
      el("table", {class: "cc-table", id: "cc-table"}, [
        el("caption", {text: "One row per custody clock, in the order the deadlines fall."}),
        el("thead", {}, [head]), el("tbody", {}, rows)]),
    ]);
    var details = result.findings.map(function (f) {
      var d = f.deadline;
      return el("section", {class: "cc-rule", "data-rule": d.rule.id}, [
        el("h3", {text: d.rule.title}),
        el("p", {text: d.rule.description}),
        el("p", {}, [el("strong", {text: "Clock starts: "}), formatMoment(d.startsAt, zone) + " (" +
          (d.rule.starts_from === DATA.arrest ? "the arrest" : d.isUpperBound ? "assumed: the deadline of '" +
            actLabel(d.rule.starts_from) + "'" : "'" + actLabel(d.rule.starts_from) + "'") + "); limit " +
          d.rule.duration.label + "."]),
        el("p", {}, [el("strong", {text: "Basis: "}), d.rule.basis]),
        el("p", {}, [el("strong", {text: "Report lines: "})].concat(self.sourceLinks(d.sourceLines))),
        d.warnings.length ? el("ul", {class: "cc-warnings"}, d.warnings.map(function (w) {
          return el("li", {"data-warning": w}, [el("span", {class: "cc-warning-mark", "aria-hidden": "true", text: "⚠ "}),
            el("strong", {text: "Warning: "}), w]);
        })) : null,
        d.notes.length ? el("ul", {class: "cc-notes"}, d.notes.map(function (n) {
          return el("li", {"data-note": n, text: n});
        })) : null,
      ]);
    });
    return [summary, table, el("h3", {class: "cc-details-title", text: "Rules, legal bases and warnings"})]
      .concat(details);
  };

  // ---- start ----------------------------------------------------------------------------

  var api = {
    evaluate: evaluate, formatMoment: formatMoment, parseMoment: engine.parseMoment, toUtc: engine.toUtc,
    InputError: engine.InputError, data: DATA, engine: engine, calculators: [],
  };
  window.CatbookCustody = api;

  function start() {
    document.querySelectorAll("[data-catbook-calculator=custody]").forEach(function (root) {
      var calculator = new Calculator(root);
      root.setAttribute("data-ready", "true");
      api.calculators.push(calculator);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
