/*
 * The custody clock calculator of the book, in the reader's browser: no kernel, no server.
 *
 * A port of catbook.custody (src/catbook/custody/engine.py, moments.py) and of the
 * notebook calculator's form logic (widgets.evaluate_form), driven by the rules that the
 * book build exports from data/custody/rules.yaml into window.catbookCustodyRules. The
 * Python engine is the reference: tests/browser/test_calculator_page.py runs every worked
 * case of data/custody/scenarios.yaml through this page and through the engine and
 * requires the same deadlines, verdicts, warnings and error messages.
 *
 * Semantics kept from the engine:
 *  - limits are elapsed time counted from exact instants (UTC); due times are shown in the
 *    case's zone, with the UTC offset in force at that instant;
 *  - a time without an offset is local time in the chosen zone, and must name exactly one
 *    instant there: a skipped or repeated local time is an error, never a guess;
 *  - the version of a rule in force is chosen by the local calendar date of the arrest;
 *    an arrest outside the report's period is computed but warned about;
 *  - a clock that starts at an act with no recorded time (the prosecutor's, without a
 *    protocol time) is assumed to start at that act's own deadline: an upper bound;
 *  - an act done exactly at its deadline is met; an act not done is pending while "now"
 *    has not passed the deadline, missed after it.
 * Time zone offsets come from the browser's Intl API (its own copy of the IANA database);
 * zone names are checked against the engine's list (the pinned tzdata), exported with the rules.
 *
 * Known differences from the Python side, on purpose or for rare input only:
 *  - times are read in the forms people type (YYYY-MM-DD or YYYYMMDD, any one separator,
 *    hh[:mm[:ss[.fff]]], an offset Z/±hh/±hh:mm/±hhmm); ISO week dates (2012-W09-4) that
 *    Python's fromisoformat also reads are refused here;
 *  - with a blank "now", an arrest in the future is reported on the arrest, as audit(now=None)
 *    does; the notebook widget passes the current time as if typed and reports it on "now".
 */
(function () {
  "use strict";

  var DATA = window.catbookCustodyRules;
  var HOUR_MS = 3600 * 1000;
  var DAY_MS = 24 * HOUR_MS;
  var STATUSES = ["met", "missed", "pending"];

  // ---- errors ---------------------------------------------------------------------------

  /** An input that cannot be read as one moment or zone; `field` as in the engine. */
  function InputError(field, reason) {
    this.field = field;
    this.reason = reason;
  }

  /** Python's repr() of a short text, so messages read exactly as the engine's. */
  function pyRepr(text) {
    var quote = text.indexOf("'") >= 0 && text.indexOf('"') < 0 ? '"' : "'";
    var body = text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
    if (quote === "'") body = body.replace(/'/g, "\\'");
    return quote + body + quote;
  }

  // ---- zones and offsets ----------------------------------------------------------------

  var knownZones = new Set(DATA.zones.known);
  var formatters = new Map();

  function formatter(zone) {
    var fmt = formatters.get(zone);
    if (!fmt) {
      fmt = new Intl.DateTimeFormat("en-US", {
        timeZone: zone, hourCycle: "h23", era: "short", year: "numeric", month: "2-digit", day: "2-digit",
        hour: "2-digit", minute: "2-digit", second: "2-digit",
      });
      formatters.set(zone, fmt);
    }
    return fmt;
  }

  /** Epoch milliseconds of a wall-clock time read as if it were UTC (years 1-9999 too). */
  function wallMs(y, mo, d, h, mi, s, ms) {
    var date = new Date(0);
    date.setUTCFullYear(y, mo - 1, d);
    date.setUTCHours(h, mi, s, ms || 0);
    return date.getTime();
  }

  /** The wall clock of `zone` at instant `ms`, and the UTC offset in seconds then. */
  function wallAt(zone, ms) {
    var whole = Math.floor(ms / 1000) * 1000;
    var parts = {};
    formatter(zone).formatToParts(new Date(whole)).forEach(function (p) { parts[p.type] = p.value; });
    var year = Number(parts.year);
    if (parts.era === "BC" || parts.era === "B") year = 1 - year;
    var w = {
      year: year, month: Number(parts.month), day: Number(parts.day),
      hour: Number(parts.hour) % 24, minute: Number(parts.minute), second: Number(parts.second),
    };
    w.offset = Math.round((wallMs(w.year, w.month, w.day, w.hour, w.minute, w.second) - whole) / 1000);
    return w;
  }

  function offsetAt(zone, ms) { return wallAt(zone, ms).offset; }

  function pad(n, width) {
    var s = String(Math.abs(n));
    while (s.length < (width || 2)) s = "0" + s;
    return s;
  }

  /** An offset in seconds as ±HH:MM (±HH:MM:SS when it has seconds), like Python's isoformat. */
  function formatOffset(seconds) {
    var sign = seconds < 0 ? "-" : "+";
    var abs = Math.abs(seconds);
    var text = sign + pad(Math.floor(abs / 3600)) + ":" + pad(Math.floor(abs % 3600 / 60));
    return abs % 60 ? text + ":" + pad(abs % 60) : text;
  }

  function localDate(zone, ms) {
    var w = wallAt(zone, ms);
    return pad(w.year, 4) + "-" + pad(w.month) + "-" + pad(w.day);
  }

  /** 'YYYY-MM-DD HH:MM±HH:MM' (sep " ") or 'YYYY-MM-DDTHH:MM±HH:MM' (sep "T") in `zone`. */
  function formatMoment(ms, zone, sep) {
    var w = wallAt(zone, ms);
    return pad(w.year, 4) + "-" + pad(w.month) + "-" + pad(w.day) + (sep || " ") + pad(w.hour) + ":" +
      pad(w.minute) + formatOffset(w.offset);
  }

  /** The zone called `name`, as resolve_zone: a name of the engine's tzdata, known to this browser. */
  function resolveZone(name) {
    if (!knownZones.has(name)) {
      throw new InputError("tz", "unknown time zone " + pyRepr(name) + "; expected a name such as 'Asia/Almaty'");
    }
    try {
      formatter(name);
    } catch (error) {
      throw new InputError("tz", "this browser has no data for the time zone " + pyRepr(name));
    }
    return name;
  }

  // ---- reading moments (Python's date/datetime.fromisoformat, the common forms) ----------

  var DATE_RE = /^(\d{4})-?(\d{2})-?(\d{2})$/;
  var DATETIME_RE = new RegExp(
    "^(\\d{4})(-?)(\\d{2})\\2(\\d{2})" +                        // date: extended or basic
    "[\\s\\S]" +                                                 // any one separator ('T', ' ', ...)
    "(\\d{2})(?:(:?)(\\d{2})(?:\\6(\\d{2})(?:[.,](\\d+))?)?)?" + // time: hh[:mm[:ss[.fff]]]
    "\\s?(?:([Zz])|([+-])(\\d{2})(?:(:?)(\\d{2})(?:\\13(\\d{2})(?:\\.(\\d+))?)?)?)?$"); // offset

  function daysIn(year, month) {
    return [31, (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28, 31, 30, 31, 30,
      31, 31, 30, 31, 30, 31][month - 1];
  }

  function validDate(y, mo, d) {
    return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
  }

  /**
   * A text as {wall fields, offset seconds or null}, as parse_moment: the same messages for
   * no text, a date alone, and text that is not a date and time.
   */
  function parseMoment(value, field) {
    var text = String(value).trim();
    if (!text) throw new InputError(field, "no time given");
    var d = DATE_RE.exec(text);
    if (d && validDate(+d[1], +d[2], +d[3])) {
      throw new InputError(field, pyRepr(text) + " is a date without a time of day");
    }
    var bad = new InputError(field, pyRepr(text) + " is not a date and time such as '2012-03-01 14:30' or " +
      "'2012-03-01T14:30+06:00'");
    var m = DATETIME_RE.exec(text);
    if (!m) throw bad;
    var moment = {
      year: +m[1], month: +m[3], day: +m[4], hour: +m[5], minute: m[7] ? +m[7] : 0,
      second: m[8] ? +m[8] : 0, ms: m[9] ? Math.floor(Number("0." + m[9].slice(0, 6)) * 1000) : 0,
      offset: null,
    };
    if (!validDate(moment.year, moment.month, moment.day) || moment.hour > 23 || moment.minute > 59 ||
        moment.second > 59) throw bad;
    if (m[10]) {
      moment.offset = 0;
    } else if (m[11]) {
      var off = +m[12] * 3600 + (m[14] ? +m[14] : 0) * 60 + (m[15] ? +m[15] : 0);
      if (m[14] && +m[14] > 59 || m[15] && +m[15] > 59 || off >= 24 * 3600) throw bad;
      moment.offset = m[11] === "-" ? -off : off;
    }
    return moment;
  }

  function naiveText(moment) {
    return pad(moment.year, 4) + "-" + pad(moment.month) + "-" + pad(moment.day) + " " + pad(moment.hour) + ":" +
      pad(moment.minute);
  }

  function naiveIso(moment) {
    return pad(moment.year, 4) + "-" + pad(moment.month) + "-" + pad(moment.day) + "T" + pad(moment.hour) + ":" +
      pad(moment.minute);
  }

  /** The instant a moment names: with its own offset, or as local time in `zone` (exactly one). */
  function toUtc(value, zone, field) {
    var moment = parseMoment(value, field);
    var wall = wallMs(moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second,
      moment.ms);
    if (moment.offset !== null) return wall - moment.offset * 1000;
    // The offsets in force a day either side; a change of offset in between makes this
    // wall time occur twice (ambiguous) or never (skipped), as Python's fold=0/fold=1.
    var before = offsetAt(zone, wall - DAY_MS);
    var after = offsetAt(zone, wall + DAY_MS);
    var first = wall - before * 1000;
    if (before === after) return first;
    var second = wall - after * 1000;
    var firstOk = offsetAt(zone, first) === before;
    var secondOk = offsetAt(zone, second) === after;
    if (firstOk && !secondOk) return first;
    if (secondOk && !firstOk) return second;
    if (!firstOk && !secondOk) {
      throw new InputError(field, naiveText(moment) + " does not exist in " + zone + ": the clocks jumped from UTC" +
        formatOffset(before) + " to UTC" + formatOffset(after) + " over it");
    }
    throw new InputError(field, naiveText(moment) + " is ambiguous in " + zone + ": it happened twice, at UTC" +
      formatOffset(before) + " and at UTC" + formatOffset(after) + "; add the offset, e.g. " + naiveIso(moment) +
      formatOffset(before));
  }

  // ---- the rules ------------------------------------------------------------------------

  var ALL_CLOCK_RULES = DATA.rules.filter(function (r) { return r.computable; });

  function appliesTo(rule, foreigner) {
    return rule.applies_to === "all" || (rule.applies_to === "foreigner" && foreigner);
  }

  function clockRules(foreigner) {
    return ALL_CLOCK_RULES.filter(function (r) { return appliesTo(r, foreigner); });
  }

  function versionOn(rule, day) {
    for (var i = 0; i < rule.in_force.length; i++) {
      var v = rule.in_force[i];
      if ((v.from === null || v.from <= day) && (v.to === null || day <= v.to)) return v;
    }
    return null;
  }

  function hoursMs(duration) {
    if (duration.unit !== "hours") throw new Error("a limit of " + duration.label + " has no exact elapsed time");
    return duration.amount * HOUR_MS;
  }

  function actLabel(actId) {
    return ALL_CLOCK_RULES.find(function (r) { return r.act.id === actId; }).act.label;
  }

  function notAuditedReason(ruleId) {
    var rule = DATA.rules.find(function (r) { return r.id === ruleId; });
    if (rule && rule.computable) return ruleId + " applies only to a foreign national (foreigner=False)";
    if (rule) return ruleId + " is recorded from the report but is not a custody clock the engine audits";
    return "unknown rule id " + pyRepr(ruleId) + "; expected one of: " +
      ALL_CLOCK_RULES.map(function (r) { return r.id; }).join(", ");
  }

  // ---- the engine: schedule and audit ---------------------------------------------------

  function periodWarnings(day, zone) {
    var p = DATA.known_period;
    if (p.from <= day && day <= p.to) return [];
    var side = day < p.from ? "before" : "after";
    return ["The arrest on " + day + " (" + zone + ") is " + side + " the period the report covers (" + p.from +
      " to " + p.to + "): these are the limits the report states for its own period, not necessarily the law " +
      "in force on that date."];
  }

  function schedule(arrest, zone, acts, foreigner) {
    var rules = clockRules(foreigner);
    var byAct = {};
    rules.forEach(function (r) { byAct[r.act.id] = r; });
    var dues = {};
    function start(origin) {
      if (origin === DATA.arrest) return [arrest, false];
      if (Object.prototype.hasOwnProperty.call(acts, origin)) return [acts[origin], false];
      return [due(byAct[origin]), true];
    }
    function due(rule) {
      if (!(rule.id in dues)) dues[rule.id] = start(rule.starts_from)[0] + hoursMs(rule.duration);
      return dues[rule.id];
    }
    var day = localDate(zone, arrest);
    var warned = periodWarnings(day, zone);
    var result = rules.map(function (rule, order) {
      var version = versionOn(rule, day);
      var started = start(rule.starts_from);
      var warnings = warned.slice();
      if (started[1]) {
        warnings.push("No time was given for '" + byAct[rule.starts_from].act.label + "': the clock is assumed " +
          "to start at that act's own deadline, so this is the latest possible due time if it was done on time.");
      }
      var notes = version.note ? [version.note] : [];
      var delayUntil = null;
      if (version.lawful_delay) {
        var delay = version.lawful_delay;
        delayUntil = start(delay.starts_from)[0] + hoursMs(delay.duration);
        notes.push(delay.description + " Basis: " + delay.basis + ".");
      }
      var lines = new Set(rule.source_lines.concat(version.source_lines));
      return {
        rule: rule, due: due(rule), startsAt: started[0], isUpperBound: started[1], warnings: warnings,
        notes: notes, lawfulDelayUntil: delayUntil, order: order,
        sourceLines: Array.from(lines).sort(function (a, b) { return a - b; }),
      };
    });
    return result.sort(function (a, b) { return a.due - b.due || a.order - b.order; });
  }

  function judge(deadline, actual, now) {
    if (actual !== null && actual !== undefined) {
      var late = actual - deadline.due;
      return late <= 0 ? {deadline: deadline, actual: actual, status: "met", overrun: null}
        : {deadline: deadline, actual: actual, status: "missed", overrun: late};
    }
    if (now <= deadline.due) return {deadline: deadline, actual: null, status: "pending", overrun: null};
    return {deadline: deadline, actual: null, status: "missed", overrun: now - deadline.due};
  }

  function afterArrest(value, arrest, zone, field) {
    var moment = toUtc(value, zone, field);
    if (moment < arrest) {
      throw new InputError(field, formatMoment(moment, zone) + " is before the arrest (" +
        formatMoment(arrest, zone) + ")");
    }
    return moment;
  }

  /** audit(): `events` maps rule id to text (in form order); `now` text, or null for the current time. */
  function audit(arrestedAt, events, zone, now, foreigner, currentMs) {
    var arrest = toUtc(arrestedAt, zone, "arrested_at");
    var rules = {};
    clockRules(foreigner).forEach(function (r) { rules[r.id] = r; });
    var done = {};
    var order = Object.keys(events);
    order.forEach(function (ruleId) {
      var field = "events[" + ruleId + "]";
      if (!rules[ruleId]) throw new InputError(field, notAuditedReason(ruleId));
      if (events[ruleId] !== null) done[ruleId] = afterArrest(events[ruleId], arrest, zone, field);
    });
    var checkedNow;
    if (now === null) {
      checkedNow = currentMs;
      if (checkedNow < arrest) throw new InputError("arrested_at", formatMoment(arrest, zone) + " is in the future");
    } else {
      checkedNow = afterArrest(now, arrest, zone, "now");
    }
    Object.keys(done).forEach(function (ruleId) {
      if (done[ruleId] > checkedNow) {
        throw new InputError("events[" + ruleId + "]", formatMoment(done[ruleId], zone) + " is after now (" +
          formatMoment(checkedNow, zone) + ")");
      }
    });
    var acts = {};
    Object.keys(done).forEach(function (ruleId) { acts[rules[ruleId].act.id] = done[ruleId]; });
    var findings = schedule(arrest, zone, acts, foreigner).map(function (deadline) {
      return judge(deadline, done[deadline.rule.id], checkedNow);
    });
    return {findings: findings, arrest: arrest, now: checkedNow};
  }

  function fieldKey(engineField) {
    var m = /^events\[(.*)\]$/.exec(engineField);
    return m ? m[1] : engineField;
  }

  /**
   * The form's values to findings, or to one message per bad field (widgets.evaluate_form):
   * every field is checked first so all bad fields get a message at once; a blank event is
   * an act not done, a blank `now` the current time.
   */
  function evaluate(form) {
    var errors = {};
    var zone = null;
    var tz = String(form.tz || "").trim();
    try {
      zone = resolveZone(tz);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors.tz = error.reason;
    }
    function check(key, text, field) {
      try {
        if (zone !== null) toUtc(text, zone, field); else parseMoment(text, field);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        errors[key] = error.reason;
      }
    }
    check("arrested_at", form.arrested_at || "", "arrested_at");
    var done = {};
    Object.keys(form.events || {}).forEach(function (ruleId) {
      var text = form.events[ruleId] || "";
      if (text.trim()) {
        done[ruleId] = text;
        check(ruleId, text, "events[" + ruleId + "]");
      }
    });
    var nowText = form.now || "";
    if (nowText.trim()) check("now", nowText, "now");
    if (Object.keys(errors).length) return {errors: errors, findings: [], zone: zone};
    var current = form.currentMs !== undefined ? form.currentMs : Date.now();
    try {
      var result = audit(form.arrested_at, done, zone, nowText.trim() ? nowText : null, !!form.foreigner, current);
      return {errors: {}, findings: result.findings, zone: zone, arrest: result.arrest, now: result.now};
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      var only = {};
      only[fieldKey(error.field)] = error.reason;
      return {errors: only, findings: [], zone: zone};
    }
  }

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

  function formatOverrun(ms) {
    var minutes = Math.floor(Math.floor(ms / 1000) / 60);
    return Math.floor(minutes / 60) + " h " + pad(minutes % 60) + " min";
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
      var hint = rule.applies_to === "foreigner" ? " (foreign national only)" : "";
      return self.fieldRow(rule.id, rule.act.label + hint, textInput("blank = not done yet"),
        "Due within " + rule.duration.label + " of " +
        (rule.starts_from === DATA.arrest ? "the arrest" : "'" + actLabel(rule.starts_from) + "'") +
        ". Blank means not done yet.");
    });

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
    ALL_CLOCK_RULES.forEach(function (rule) { inputs[rule.id].value = example.inputs.events[rule.id] || ""; });
    inputs.now.value = example.inputs.now;
  };

  Calculator.prototype.values = function () {
    var inputs = this.inputs;
    var events = {};
    ALL_CLOCK_RULES.forEach(function (rule) { events[rule.id] = inputs[rule.id].value; });
    return {arrested_at: inputs.arrested_at.value, tz: inputs.tz.value, foreigner: inputs.foreigner.checked,
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
    var columns = ["Deadline", "Verdict", "Due", "Done at", "Overrun"].concat(withDelay ? ["Lawful delay until"] : []);
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
      }, [
        el("th", {scope: "row"}, [d.rule.title, el("br"), el("code", {text: d.rule.id})]),
        el("td", {}, [el("span", {class: "cc-status cc-" + f.status, text: f.status})]),
        el("td", {class: "cc-due", text: formatMoment(d.due, zone) + (d.isUpperBound ? " (latest possible)" : "")}),
        el("td", {text: f.actual !== null ? formatMoment(f.actual, zone) : "not done"}),
        el("td", {text: f.overrun !== null ? formatOverrun(f.overrun) : ""}),
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
    evaluate: evaluate, formatMoment: formatMoment, parseMoment: parseMoment, toUtc: toUtc,
    InputError: InputError, data: DATA, calculators: [],
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
