/*
 * The custody clock calculator page of the book, in the reader's browser: no kernel, no server.
 *
 * The page part only: the form, its messages and the rendering of the results. Every
 * computation is done by the engine (custody-engine.js, window.CatbookCustodyEngine) on
 * the rules the book build exports into window.catbookCustodyRules; both files are added
 * by catbook.web to the pages that hold the calculator's container.
 *
 * Every element [data-catbook-calculator=custody] of a page gets its own calculator:
 *  - one without data-case is the page's main calculator (book/calculator.md): the page
 *    address holds its case (?arrested_at=…&tz=…&<rule id>=…&now=…), rewritten as the
 *    reader types, so a link or a bookmark reopens the same case;
 *  - one with data-case (a chapter's worked case, written by catbook.calculator_cell) starts
 *    from that case, offers "Back to the worked case" and a link that opens the case in the
 *    calculator page (data-calculator-page, added by the book build).
 * Each keeps what was typed, valid or not, in the browser's localStorage, so the form
 * survives a reload; "Print this case" prints one A4 sheet (every deadline, verdict, legal
 * basis and report line) and "Copy as text" puts the same record on the clipboard.
 */
(function () {
  "use strict";

  var RULES = window.catbookCustodyRules;

  /**
   * The rules data in a language: the same rules, limits and cases, with the words of that
   * language (data.languages[lang], exported by catbook.web from the pack's custody/messages.<lang>.yaml
   * and the Russian rule texts) in place of the English ones. English is the data as it is.
   */
  function localised(data, lang) {
    var tr = data.languages && data.languages[lang];
    if (!tr) return data;
    var copy = JSON.parse(JSON.stringify(data));
    copy.messages = Object.assign({}, data.messages, tr.messages);
    if (tr.dates) copy.dates = tr.dates;  // how the language writes a moment (engine.displayMoment)
    copy.rules.forEach(function (rule) {
      var t = tr.rules[rule.id];
      if (!t) return;
      rule.title = t.title;
      rule.description = t.description;
      rule.basis = t.basis;
      rule.duration.label = t.limit;
      if (rule.act && t.act) rule.act.label = t.act;
      rule.in_force.forEach(function (version, i) {
        if (t.versions && t.versions[i] && t.versions[i].note) version.note = t.versions[i].note;
        if (version.lawful_delay && t.delay) {
          version.lawful_delay.duration.label = t.delay;
          version.lawful_delay.description = t.delay_description || version.lawful_delay.description;
          version.lawful_delay.basis = t.delay_basis || version.lawful_delay.basis;
        }
      });
    });
    return copy;
  }

  /** A worked case's title and facts in a language: the exported translation, else the English. */
  function exampleWords(lang) {
    var tr = RULES.languages && RULES.languages[lang] && RULES.languages[lang].examples;
    return function (example) {
      var words = tr && tr[example.name];
      return words ? {title: words.title, facts: words.facts} : {title: example.title || example.name, facts: example.facts};
    };
  }

  var ENGINES = {};
  /** One engine per language of the page, all on the same rules (the computation is the same). */
  function engineFor(lang) {
    if (!ENGINES[lang]) ENGINES[lang] = window.CatbookCustodyEngine.create(localised(RULES, lang));
    return ENGINES[lang];
  }

  /** A calculator's language: its data-lang, else the page's lang ("ru", "ru-RU" -> "ru"), else English. */
  function languageOf(root) {
    var lang = (root.getAttribute("data-lang") || document.documentElement.lang || "en").split("-")[0];
    return RULES.languages && RULES.languages[lang] ? lang : "en";
  }

  var engine = engineFor("en");
  var DATA = engine.data;
  var ALL_CLOCK_RULES = engine.clockRules;
  var STATUSES = engine.statuses;

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

  var STORAGE_PREFIX = "catbook-custody-calculator:";
  var PRINT_ROOT_ID = "cc-print-root";

  function storage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null;  // storage refused (privacy settings): the form still works, without memory
    }
  }

  /** The key of an act's "not done" box (form field and address), as widgets.not_done_key. */
  function notDoneKey(ruleId) { return "not-done-" + ruleId; }

  /**
   * A case as data-case or a worked case writes it (audit()'s arguments: {..., events: {rule: text}})
   * as flat form values. As audit() reads it, an act that applies to the person and is left out
   * (or null) was not done: its "not done" box is ticked; an act "not recorded" is left blank.
   */
  function flatten(kase) {
    var flat = {};
    var events = (kase && kase.events) || {};
    Object.keys(kase || {}).forEach(function (key) {
      if (key !== "events" && key !== "name") flat[key] = kase[key];
    });
    engine.rulesFor({foreigner: truthy(flat.foreigner), juvenile: truthy(flat.juvenile)}).forEach(function (rule) {
      var has = Object.prototype.hasOwnProperty.call(events, rule.id);
      var value = has ? events[rule.id] : null;
      if (value === null) flat[notDoneKey(rule.id)] = true;
      else if (value !== engine.NOT_RECORDED) flat[rule.id] = value;
    });
    Object.keys(events).forEach(function (rule) {  // an act that does not apply: shown, so the engine can say so
      if (!Object.prototype.hasOwnProperty.call(flat, rule) && events[rule] !== null &&
          events[rule] !== engine.NOT_RECORDED) flat[rule] = events[rule];
    });
    return flat;
  }

  /** A worked case's plain name in a language (its id when the case is unknown). */
  function caseTitle(name, lang) {
    var example = DATA.examples.find(function (e) { return e.name === name; });
    return example ? exampleWords(lang)(example).title : name;
  }

  function truthy(value) {
    return value === true || value === "yes" || value === "true" || value === "1" || value === "on";
  }

  function Calculator(root, index, main) {
    this.root = root;
    this.lang = languageOf(root);
    this.engine = engineFor(this.lang);
    this.prefix = index ? "cc" + (index + 1) + "-" : "cc-";
    this.main = main;
    this.reportPage = root.getAttribute("data-report-page") || "";
    this.calculatorPage = root.getAttribute("data-calculator-page") || "";
    this.worked = null;
    var raw = root.getAttribute("data-case");
    if (raw) {
      try {
        this.worked = JSON.parse(raw);
      } catch (error) {
        this.worked = null;
      }
    }
    this.headingLevel = main ? 2 : 3;
    this.storageKey = STORAGE_PREFIX + window.location.pathname + ":" + (root.id || this.prefix);
    this.runs = 0;
    this.inputs = {};
    this.errorNodes = {};
    this.lastResult = null;
    this.build();
  }

  Calculator.prototype.id = function (name) { return this.prefix + name; };

  /** A text of the page in this calculator's language (the pack's custody/messages*.yaml, keys page.*). */
  Calculator.prototype.t = function (key, values) { return this.engine.message("page." + key, values || {}); };

  Calculator.prototype.fieldRow = function (key, label, input, help) {
    var id = this.id(key);
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
    var t = this.t.bind(this);
    var id = this.id.bind(this);
    var zones = el("datalist", {id: id("zones")}, DATA.zones.country.map(function (z) {
      return el("option", {value: z});
    }));
    var tz = textInput(DATA.zones["default"]);
    tz.setAttribute("list", id("zones"));
    tz.value = DATA.zones.default;
    var foreigner = el("input", {type: "checkbox"});
    var juvenile = el("input", {type: "checkbox"});
    var delayAuthorised = el("input", {type: "checkbox"});
    var examples = null;
    var exampleFacts = null;
    var picker = null;
    if (this.main) {
      // the worked cases' names and facts in the page's language (languages.<lang>.examples, from
      // the pack's training/<lang>/scenarios.yaml); English: scenarios.yaml's name and facts
      var worded = exampleWords(this.lang);
      examples = el("select", {id: id("example")}, [el("option", {value: "", text: t("choose_case")})]
        .concat(DATA.examples.map(function (e) {
          return el("option", {value: e.name, text: worded(e).title});
        })));
      exampleFacts = el("p", {class: "cc-help", id: id("example-facts"), "aria-live": "polite"});
      examples.setAttribute("aria-describedby", id("example-facts"));
      picker = el("div", {class: "cc-field"}, [el("label", {for: id("example"), text: t("load_case")}),
        el("div", {class: "cc-control"}, [examples, exampleFacts])]);
    }

    var eventRows = self.engine.clockRules.map(function (rule) {
      // the parents' act already says "minor" in its label; the hint would repeat it
      var english = ALL_CLOCK_RULES.find(function (r) { return r.id === rule.id; });
      var hint = rule.applies_to === "foreigner" ? t("hint.foreigner")
        : rule.applies_to === "juvenile" && !/\bminor\b/i.test(english.act.label) ? t("hint.juvenile") : "";
      var from = rule.starts_from === DATA.arrest ? t("from_arrest")
        : t("from_act", {act: self.engine.actLabel(rule.starts_from)});
      var help = rule.duration.unit === "immediately" ? t("help.due_immediately", {from: from})
        : t("help.due_within", {limit: rule.duration.label, from: from});
      // the parents' notice and the family's: how the report relates them (lines 322, 73)
      if (rule.applies_to === "juvenile") help += " " + t("help.parents_family");
      var row = self.fieldRow(rule.id, rule.act.label + hint, textInput(t("placeholder.act")), help);
      var box = el("input", {type: "checkbox", id: id(notDoneKey(rule.id)), "data-field": notDoneKey(rule.id),
        class: "cc-not-done", "aria-label": t("label.not_done_for", {act: rule.act.label})});
      self.inputs[notDoneKey(rule.id)] = box;
      row.querySelector(".cc-control").insertBefore(el("span", {class: "cc-not-done-box"}, [box,
        el("label", {for: id(notDoneKey(rule.id)), text: " " + t("label.not_done")})]),
        row.querySelector(".cc-help"));
      return row;
    });

    var actions = [el("button", {type: "submit", id: id("submit"), text: t("button.submit")}),
      el("button", {type: "button", id: id("print"), class: "cc-secondary", text: t("button.print")}),
      el("button", {type: "button", id: id("copy"), class: "cc-secondary", text: t("button.copy")})];
    if (this.worked) {
      actions.push(el("button", {type: "button", id: id("reset"), class: "cc-secondary",
        text: t("button.reset")}));
    }
    this.openLink = null;
    if (!this.main && this.calculatorPage) {
      this.openLink = el("a", {class: "cc-open", id: id("open"), href: this.calculatorPage,
        text: t("open")});
      actions.push(this.openLink);
    }
    this.copyStatus = el("p", {class: "cc-help cc-copy-status", id: id("copy-status"), role: "status",
      "aria-live": "polite"});
    var keepHelp = el("p", {class: "cc-help", id: id("keep-help"), text: t(this.main ? "keep.main" : "keep.other")});

    var form = el("form", {class: "cc-form", id: id("form"), novalidate: true, "aria-describedby": id("form-help")}, [
      el("p", {id: id("form-help"), class: "cc-help", text: t("form_help")}),
      picker,
      el("fieldset", {}, [el("legend", {text: t("legend.arrest")}),
        this.fieldRow("arrested_at", t("label.arrested_at"), textInput("YYYY-MM-DD HH:MM"), t("help.arrested_at")),
        this.fieldRow("tz", t("label.tz"), tz, t("help.tz")), zones,
        el("div", {class: "cc-field cc-check"}, [foreigner, el("label", {for: id("foreigner"),
          text: t("label.foreigner")})]),
        el("div", {class: "cc-field cc-check"}, [juvenile, el("label", {for: id("juvenile"),
          text: t("label.juvenile")})]),
        el("div", {class: "cc-field cc-check"}, [delayAuthorised, el("label", {for: id("delay_authorised"),
          text: t("label.delay_authorised")})]),
      ]),
      el("fieldset", {}, [el("legend", {text: t("legend.acts")}),
        el("p", {class: "cc-help", id: id("acts-help"), text: t("help.acts")})].concat(eventRows)),
      el("fieldset", {}, [el("legend", {text: t("legend.checked")}),
        this.fieldRow("now", t("label.now"), textInput(t("placeholder.now")), t("help.now"))]),
      el("div", {class: "cc-actions"}, actions),
      this.copyStatus, keepHelp,
    ]);
    [["foreigner", foreigner], ["juvenile", juvenile], ["delay_authorised", delayAuthorised]].forEach(function (box) {
      box[1].id = id(box[0]);
      box[1].setAttribute("data-field", box[0]);
      self.inputs[box[0]] = box[1];
    });
    // the fields in the order the form shows them (for the address, the text and the sheet)
    var ordered = {};
    form.querySelectorAll("[data-field]").forEach(function (node) {
      var key = node.getAttribute("data-field");
      ordered[key] = self.inputs[key];
    });
    this.inputs = ordered;

    // The status line is the live region: a short summary (or what to correct) is
    // announced after each computation; the table below it is not re-read in full.
    this.status = el("p", {id: id("status"), class: "cc-status-line", role: "status", "aria-live": "polite",
      "aria-atomic": "true", text: t("status.start")});
    this.output = el("div", {id: id("output")});
    this.results = el("section", {id: id("results"), class: "cc-results", "aria-labelledby": id("results-title"),
      "data-state": "empty", "data-run": "0"}, [
      el("h" + this.headingLevel, {id: id("results-title"),
        text: t(this.main ? "results.main" : "results.case") +
          (!this.main && this.worked && this.worked.name ? ": " + caseTitle(this.worked.name, this.lang) : "")}),
      this.status, this.output,
    ]);
    this.root.textContent = "";
    this.root.append(form, this.results);

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.update();
    });
    form.addEventListener("input", function () { self.remember(); });
    form.addEventListener("change", function (event) {
      if (examples && event.target === examples) {
        self.loadExample(examples.value);
        var chosen = DATA.examples.find(function (e) { return e.name === examples.value; });
        exampleFacts.textContent = chosen ? exampleWords(self.lang)(chosen).facts : "";
      }
      self.remember();
      self.update();
    });
    this.root.querySelector("#" + id("print")).addEventListener("click", function () { self.print(); });
    this.root.querySelector("#" + id("copy")).addEventListener("click", function () { self.copy(); });
    if (this.worked) {
      this.root.querySelector("#" + id("reset")).addEventListener("click", function () {
        self.setState(flatten(self.worked));
        self.remember();
        self.update();
      });
    }
  };

  Calculator.prototype.loadExample = function (name) {
    var example = DATA.examples.find(function (e) { return e.name === name; });
    if (example) this.setState(flatten(example.inputs));
  };

  // ---- the case: form state, address, storage --------------------------------------------

  /** The form as typed: {field key: text, or true/false for a box}, in the form's order. */
  Calculator.prototype.state = function () {
    var inputs = this.inputs;
    var state = {};
    Object.keys(inputs).forEach(function (key) {
      state[key] = inputs[key].type === "checkbox" ? inputs[key].checked : inputs[key].value;
    });
    return state;
  };

  /** Fill the form from flat values; a field they do not name is left blank (the zone: the default). */
  Calculator.prototype.setState = function (state) {
    var inputs = this.inputs;
    Object.keys(inputs).forEach(function (key) {
      var value = Object.prototype.hasOwnProperty.call(state, key) ? state[key] : null;
      if (inputs[key].type === "checkbox") inputs[key].checked = truthy(value);
      else if (key === "tz" && value === null) inputs[key].value = DATA.zones.default;
      else inputs[key].value = value === null || value === undefined ? "" : String(value);
    });
  };

  /** The case as a query string: every non-blank field, the zone always, a ticked box as "yes". */
  Calculator.prototype.query = function () {
    var params = new URLSearchParams();
    var state = this.state();
    Object.keys(state).forEach(function (key) {
      var value = state[key];
      if (value === true) params.set(key, "yes");
      else if (typeof value === "string" && (value !== "" || key === "tz")) params.set(key, value);
    });
    return params.toString();
  };

  /** Flat values from a query string, or null if it names no field of the form. */
  Calculator.prototype.stateFromQuery = function (search) {
    var params = new URLSearchParams(search);
    var inputs = this.inputs;
    var found = false;
    var state = {};
    Object.keys(inputs).forEach(function (key) {
      if (params.has(key)) {
        found = true;
        state[key] = params.get(key);
      }
    });
    return found ? state : null;
  };

  Calculator.prototype.stored = function () {
    var store = storage();
    if (!store) return null;
    try {
      var saved = JSON.parse(store.getItem(this.storageKey) || "null");
      return saved && typeof saved === "object" ? saved : null;
    } catch (error) {
      return null;
    }
  };

  /** Keep the form as typed: in storage (every calculator), in the address (the main one). */
  Calculator.prototype.remember = function () {
    var store = storage();
    if (store) {
      try {
        store.setItem(this.storageKey, JSON.stringify(this.state()));
      } catch (error) { /* storage full or refused: nothing to keep it in */ }
    }
    var query = this.query();
    if (this.main && window.history && window.history.replaceState) {
      var url = window.location.pathname + "?" + query + window.location.hash;
      if (url !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.replaceState(window.history.state, "", url);
      }
    }
    if (this.openLink) this.openLink.setAttribute("href", this.calculatorPage + "?" + query);
  };

  /** The address that reopens this case: the page's own (main) or the calculator page's. */
  Calculator.prototype.caseLink = function () {
    var query = this.query();
    if (!this.main && this.calculatorPage) return new URL(this.calculatorPage + "?" + query, window.location.href).href;
    var url = new URL(window.location.href);
    url.search = query;
    url.hash = "";
    return url.href;
  };

  /** Where the form starts: the address (main), what this browser kept, the worked case. */
  Calculator.prototype.restore = function () {
    var state = (this.main && this.stateFromQuery(window.location.search)) || this.stored() ||
      (this.worked ? flatten(this.worked) : null);
    if (state) {
      this.setState(state);
      this.remember();
      this.update();
    } else if (this.openLink) {
      this.remember();
    }
  };

  Calculator.prototype.values = function () {
    var inputs = this.inputs;
    var events = {};
    var notDone = [];
    ALL_CLOCK_RULES.forEach(function (rule) {
      events[rule.id] = inputs[rule.id].value;
      if (inputs[notDoneKey(rule.id)].checked) notDone.push(rule.id);
    });
    return {arrested_at: inputs.arrested_at.value, tz: inputs.tz.value, foreigner: inputs.foreigner.checked,
      juvenile: inputs.juvenile.checked, delay_authorised: inputs.delay_authorised.checked,
      events: events, not_done: notDone, now: inputs.now.value};
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
    var result = this.engine.evaluate(this.values());
    this.lastResult = result;
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
      this.status.textContent = this.t(keys.length > 1 ? "status.correct_many" : "status.correct_one", {
        errors: keys.map(function (key) { return self.labelOf(key) + ": " + result.errors[key]; }).join("; ")});
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
    var label = this.root.querySelector('label[for="' + this.id(key) + '"]');
    return label ? label.textContent : key;
  };

  Calculator.prototype.summaryText = function (result) {
    var self = this;
    var counts = STATUSES.map(function (status) {
      return self.t("summary_count", {n: result.findings.filter(function (f) { return f.status === status; }).length,
        status: self.engine.message("verdict." + status)});
    });
    return this.t("summary", {count: result.findings.length, counts: counts.join(", "),
      now: this.engine.displayMoment(result.now, result.zone)});
  };

  // ---- the record of a case: one model for the printed sheet and the text -----------------

  /** What a case file needs: the case as typed, and every deadline with its verdict, basis and lines. */
  Calculator.prototype.record = function () {
    var self = this;
    var engine = this.engine;
    var formatMoment = engine.formatMoment, displayMoment = engine.displayMoment;
    var result = engine.evaluate(this.values());
    var state = this.state();
    var isAct = {};
    ALL_CLOCK_RULES.forEach(function (r) { isAct[r.id] = true; });
    // an act's "not done" box is told with the act ("not done"), not as a fact of its own
    var facts = Object.keys(this.inputs).filter(function (key) { return key.indexOf("not-done-") !== 0; })
      .map(function (key) {
        var value = state[key];
        var shown = value === true ? self.t("value.yes") : value === false ? self.t("value.no")
          : value.trim() ? value.trim() : isAct[key] ? self.t(state[notDoneKey(key)] ? "value.not_done" : "value.not_recorded")
            : key === "now" ? self.t("value.blank_now") : self.t("value.blank");
        return {key: key, label: self.labelOf(key), value: shown};
      });
    var errors = Object.keys(result.errors).map(function (key) {
      return {key: key, label: self.labelOf(key), reason: result.errors[key]};
    });
    var record = {facts: facts, errors: errors, link: this.caseLink(), deadlines: [], warnings: [], notes: []};
    if (errors.length) return record;
    var zone = result.zone;
    record.zone = zone;
    record.now = displayMoment(result.now, zone);
    var warnings = {};
    var notes = {};
    function collect(into, list, texts, rule) {
      texts.forEach(function (text) {
        if (!into[text]) {
          into[text] = {text: text, rules: []};
          list.push(into[text]);
        }
        into[text].rules.push(rule);
      });
    }
    result.findings.forEach(function (f) {
      var d = f.deadline;
      record.deadlines.push({
        id: d.rule.id, title: d.rule.title, status: engine.message("verdict." + f.status),
        due: displayMoment(d.due, zone) + (d.isUpperBound ? " " + engine.message("verdict.latest_possible") : ""),
        done: doneText(engine, f, zone),
        overrun: f.overrun !== null ? engine.formatDuration(f.overrun) : "",
        lawfulDelay: d.lawfulDelayUntil !== null ? displayMoment(d.lawfulDelayUntil, zone) : "",
        outer: outerText(engine, f, zone), immediately: immediatelyText(engine, f),
        basis: d.rule.basis, lines: d.sourceLines.slice(),
      });
      collect(warnings, record.warnings, d.warnings, d.rule.id);
      collect(notes, record.notes, d.notes, d.rule.id);
    });
    return record;
  };

  /** When the act was done: its time, "not done" (stated), or "not recorded" (the record is silent). */
  function doneText(engine, f, zone) {
    return f.actual !== null ? engine.displayMoment(f.actual, zone)
      : engine.message(f.recorded ? "verdict.not_done" : "verdict.not_recorded");
  }

  /** The "Outer bound" of a finding (arrest + 3 h + 12 h) with its verdict, or "". */
  function outerText(engine, f, zone) {
    return f.deadline.outerDue === null ? ""
      : engine.displayMoment(f.deadline.outerDue, zone) + ": " + engine.message("verdict." + f.outerStatus);
  }

  /** How late the act came on the strict reading of "immédiatement", or "". */
  function immediatelyText(engine, f) {
    return f.immediatelyLate === null ? ""
      : f.immediatelyLate === 0 ? engine.message("verdict.immediately_on_time")
        : engine.message("verdict.immediately_late", {duration: engine.formatDuration(f.immediatelyLate)});
  }

  /** The record as plain text, for a case file. */
  Calculator.prototype.caseText = function () {
    var t = this.t.bind(this);
    var r = this.record();
    var out = [t("title"), t("source"), t("link", {link: r.link}), "", t("case")];
    r.facts.forEach(function (f) { out.push("  " + f.label + ": " + f.value); });
    out.push("");
    if (r.errors.length) {
      out.push(t("not_computed"));
      r.errors.forEach(function (e) { out.push("  " + e.label + ": " + e.reason); });
      return out.join("\n") + "\n";
    }
    out.push(t("text.deadlines", {zone: r.zone, now: r.now}));
    r.deadlines.forEach(function (d, i) {
      out.push((i + 1) + ". " + d.title + " [" + d.id + "]: " + d.status.toUpperCase());
      out.push(t("text.due", {due: d.due, done: d.done}) + (d.overrun ? t("text.overrun", {overrun: d.overrun}) : ""));
      if (d.lawfulDelay) out.push(t("text.delay", {delay: d.lawfulDelay}));
      if (d.outer) out.push(t("text.outer", {outer: d.outer}));
      if (d.immediately) out.push(t("text.immediately", {immediately: d.immediately}));
      out.push(t("text.basis", {basis: d.basis}));
      out.push(t("text.lines", {lines: d.lines.join(", ")}));
    });
    if (r.warnings.length) {
      out.push("", t("warnings"));
      r.warnings.forEach(function (w) { out.push("  - " + w.text + " [" + w.rules.join(", ") + "]"); });
    }
    if (r.notes.length) {
      out.push("", t("notes"));
      r.notes.forEach(function (n) { out.push("  - " + n.text + " [" + n.rules.join(", ") + "]"); });
    }
    return out.join("\n") + "\n";
  };

  /** The record as the one-page printed sheet. */
  Calculator.prototype.sheet = function () {
    var t = this.t.bind(this);
    var r = this.record();
    var sheet = el("article", {class: "cc-sheet", "data-state": r.errors.length ? "error" : "ok"}, [
      el("h1", {text: t("title")}), el("p", {class: "cc-sheet-source", text: t("source")}),
      el("p", {class: "cc-sheet-link", text: t("link", {link: r.link})}),
      el("dl", {class: "cc-sheet-facts"}, r.facts.map(function (f) {
        return el("div", {}, [el("dt", {text: f.label}), el("dd", {text: f.value})]);
      })),
    ]);
    if (r.errors.length) {
      sheet.append(el("h2", {text: t("not_computed")}), el("ul", {}, r.errors.map(function (e) {
        return el("li", {text: e.label + ": " + e.reason});
      })));
      return sheet;
    }
    var withDelay = r.deadlines.some(function (d) { return d.lawfulDelay; });
    var head = [[t("col.deadline"), "deadline"], [t("col.verdict"), "verdict"], [t("col.due"), "time"],
      [t("col.done"), "time"], [t("col.overrun"), "overrun"]].concat(withDelay ? [[t("col.delay"), "time"]] : [])
      .concat([[t("col.basis"), "basis"], [t("col.lines"), "lines"]]);
    sheet.append(el("p", {class: "cc-sheet-zone", text: t("sheet.zone", {zone: r.zone, now: r.now})}),
      el("table", {class: "cc-sheet-table"}, [
      el("thead", {}, [el("tr", {}, head.map(function (h) {
        return el("th", {scope: "col", class: "cc-col-" + h[1], text: h[0]});
      }))]),
      el("tbody", {}, r.deadlines.map(function (d) {
        return el("tr", {"data-rule": d.id}, [
          el("th", {scope: "row"}, [d.title, el("br"), el("code", {text: d.id})]),
          el("td", {}, [el("strong", {text: d.status.toUpperCase()}),
            d.outer ? el("span", {class: "cc-sheet-extra", text: t("sheet.outer", {outer: d.outer})}) : null,
            d.immediately ? el("span", {class: "cc-sheet-extra", text: t("sheet.immediately",
              {immediately: d.immediately})}) : null]),
          el("td", {text: d.due}), el("td", {text: d.done}), el("td", {text: d.overrun}),
          withDelay ? el("td", {text: d.lawfulDelay}) : null,
          el("td", {text: d.basis}), el("td", {text: d.lines.join(", ")}),
        ]);
      })),
    ]));
    [[t("warnings"), r.warnings], [t("notes"), r.notes]].forEach(function (part) {
      if (!part[1].length) return;
      sheet.append(el("h2", {text: part[0]}), el("ul", {}, part[1].map(function (item) {
        return el("li", {text: item.text + " [" + item.rules.join(", ") + "]"});
      })));
    });
    return sheet;
  };

  /** Print the sheet alone (the rest of the page is hidden while printing, see the stylesheet). */
  Calculator.prototype.preparePrint = function () {
    var holder = document.getElementById(PRINT_ROOT_ID);
    if (!holder) {
      holder = el("div", {id: PRINT_ROOT_ID});
      document.body.append(holder);
    }
    holder.textContent = "";
    holder.append(this.sheet());
    document.documentElement.classList.add("cc-printing");
    return holder;
  };

  Calculator.prototype.print = function () {
    this.preparePrint();
    window.print();
  };

  window.addEventListener("afterprint", function () {
    document.documentElement.classList.remove("cc-printing");
    var holder = document.getElementById(PRINT_ROOT_ID);
    if (holder) holder.textContent = "";
  });

  Calculator.prototype.copy = function () {
    var self = this;
    var text = this.caseText();
    var lines = text.split("\n").length - 1;
    function done(ok) {
      self.copyStatus.textContent = ok ? self.t("copied", {lines: lines}) : self.t("copy_refused");
      self.root.setAttribute("data-copied", ok ? "true" : "false");
    }
    function fallback() {
      var area = el("textarea", {class: "cc-copy-text", readonly: true, rows: "8",
        "aria-label": self.t("copy_area")});
      area.value = text;
      var old = self.root.querySelector(".cc-copy-text");
      if (old) old.remove();
      self.copyStatus.after(area);
      area.select();
      var ok = false;
      try {
        ok = document.execCommand("copy");
      } catch (error) {
        ok = false;
      }
      if (ok) area.remove();
      done(ok);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
    } else {
      fallback();
    }
  };

  Calculator.prototype.renderFindings = function (result) {
    var self = this;
    var t = this.t.bind(this);
    var engine = this.engine;
    var formatMoment = engine.formatMoment, displayMoment = engine.displayMoment;
    var zone = result.zone;
    var level = "h" + (this.headingLevel + 1);
    var summary = el("p", {id: this.id("summary"), "data-zone": zone, "data-now": formatMoment(result.now, zone, "T"),
      text: t("zone_note", {zone: zone})});
    var withDelay = result.findings.some(function (f) { return f.deadline.lawfulDelayUntil !== null; });
    var columns = ["deadline", "verdict", "due", "done", "overrun", "outer", "immediately"]
      .concat(withDelay ? ["delay"] : []).map(function (key) { return t("col." + key); });
    function msg(key, values) { return engine.message(key, values); }
    var head = el("tr", {}, columns.map(function (h) { return el("th", {scope: "col", text: h}); }));
    var rows = result.findings.map(function (f) {
      var d = f.deadline;
      return el("tr", {
        "data-rule": d.rule.id, "data-status": f.status, "data-due": formatMoment(d.due, zone, "T"),
        "data-recorded": f.recorded ? "true" : "false",
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
        el("td", {class: "cc-due", text: displayMoment(d.due, zone) +
          (d.isUpperBound ? " " + msg("verdict.latest_possible") : "")}),
        el("td", {class: "cc-done", text: doneText(engine, f, zone)}),
        el("td", {class: "cc-overrun", text: f.overrun !== null ? engine.formatDuration(f.overrun) : ""}),
        el("td", {class: "cc-outer"}, d.outerDue === null ? [] : [displayMoment(d.outerDue, zone) + ": ",
          el("span", {class: "cc-status cc-" + f.outerStatus, text: msg("verdict." + f.outerStatus)})]),
        el("td", {class: "cc-immediately", text: immediatelyText(engine, f)}),
        withDelay ? el("td", {text: d.lawfulDelayUntil !== null ? displayMoment(d.lawfulDelayUntil, zone) : ""}) : null,
      ]);
    });
    var table = el("div", {class: "cc-table-wrap", tabindex: "0", role: "region",
      "aria-label": t("table_label")}, [
      el("table", {class: "cc-table", id: this.id("table")}, [
        el("caption", {text: t("caption")}),
        el("thead", {}, [head]), el("tbody", {}, rows)]),
    ]);
    var details = result.findings.map(function (f) {
      var d = f.deadline;
      return el("section", {class: "cc-rule", "data-rule": d.rule.id}, [
        el(level, {text: d.rule.title}),
        el("p", {text: d.rule.description}),
        el("p", {}, [el("strong", {text: t("starts")}), t("starts_text", {start: displayMoment(d.startsAt, zone),
          from: d.rule.starts_from === DATA.arrest ? t("from_arrest")
            : t(d.isUpperBound ? "from_assumed" : "from_act", {act: engine.actLabel(d.rule.starts_from)}),
          limit: d.rule.duration.label})]),
        el("p", {}, [el("strong", {text: t("basis")}), d.rule.basis]),
        el("p", {}, [el("strong", {text: t("lines")})].concat(self.sourceLinks(d.sourceLines))),
        d.warnings.length ? el("ul", {class: "cc-warnings"}, d.warnings.map(function (w) {
          return el("li", {"data-warning": w}, [el("span", {class: "cc-warning-mark", "aria-hidden": "true", text: "⚠ "}),
            el("strong", {text: t("warning")}), w]);
        })) : null,
        d.notes.length ? el("ul", {class: "cc-notes"}, d.notes.map(function (n) {
          return el("li", {"data-note": n, text: n});
        })) : null,
      ]);
    });
    return [summary, table, el(level, {class: "cc-details-title", text: t("details")})]
      .concat(details);
  };

  // ---- start ----------------------------------------------------------------------------

  var api = {
    evaluate: engine.evaluate, formatMoment: engine.formatMoment, parseMoment: engine.parseMoment,
    toUtc: engine.toUtc, InputError: engine.InputError, data: DATA, engine: engine, engineFor: engineFor,
    calculators: [],
  };
  window.CatbookCustody = api;

  function start() {
    var mainTaken = false;
    document.querySelectorAll("[data-catbook-calculator=custody]").forEach(function (root, index) {
      // the first calculator without a worked case of its own is the page's main one
      var main = !mainTaken && !root.hasAttribute("data-case");
      mainTaken = mainTaken || main;
      var calculator = new Calculator(root, index, main);
      calculator.restore();
      root.setAttribute("data-ready", "true");
      root.setAttribute("data-main", main ? "true" : "false");
      api.calculators.push(calculator);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
