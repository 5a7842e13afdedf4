/*
 * The custody clock engine of the book's kernel-free calculator: no DOM, no page.
 *
 * A port of catbook.custody (src/catbook/custody/engine.py, moments.py) and of the
 * notebook calculator's form logic (widgets.evaluate_form). It computes with the rules
 * that the book build exports from the pack's custody/rules.yaml (and the message table of
 * its custody/messages.yaml) into window.catbookCustodyRules; the page part
 * (custody-calculator.js) draws the form and the results. The Python engine is the
 * reference: tests/browser/test_calculator_page.py runs every worked case of
 * the pack's custody/scenarios.yaml through the page and through the engine, and
 * tests/test_custody_parity.py runs Hypothesis-generated cases through this file in node.
 *
 * Loads as a browser global (window.CatbookCustodyEngine) and as a CommonJS module
 * (require("./custody-engine.js")); both give {create(rules) -> engine}.
 *
 * Semantics kept from the engine:
 *  - limits are elapsed time counted from exact instants (UTC); due times are shown in the
 *    case's zone, with the UTC offset in force at that instant;
 *  - a time without an offset is local time in the chosen zone, and must name exactly one
 *    instant there: a skipped or repeated local time is an error, never a guess;
 *  - the version of a rule in force is chosen by the local calendar date of the arrest;
 *    an arrest outside the report's period is computed but warned about;
 *  - a clock that starts at an act with no recorded time (e.g. a notice counted from a
 *    protocol whose time is not given) is assumed to start at that act's own deadline: an upper bound;
 *  - an act done exactly at its deadline is met; an act not done is pending while "now"
 *    has not passed the deadline, missed after it; an act not recorded (NOT_RECORDED, a blank
 *    field of the form) is pending, then "not_recorded": no overrun, no verdict;
 *  - a date may be written day first with dots (03.09.2010 19:00), rewritten to ISO (isoText)
 *    exactly as moments.iso_text does.
 * Time zone offsets come from the runtime's Intl API (its own copy of the IANA database);
 * zone names are checked against the engine's list (the pinned tzdata), exported with the rules.
 *
 * Known differences from the Python side, on purpose or for rare input only:
 *  - times are read in the forms people type (YYYY-MM-DD, DD.MM.YYYY or YYYYMMDD, any one separator,
 *    hh[:mm[:ss[.fff]]], an offset Z/±hh/±hh:mm/±hhmm); ISO week dates (2020-W09-4) that
 *    Python's fromisoformat also reads are refused here;
 *  - with a blank "now", an arrest in the future is reported on the arrest, as audit(now=None)
 *    does; the notebook widget passes the current time as if typed and reports it on "now".
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.CatbookCustodyEngine = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /** The engine bound to one export of the rules (window.catbookCustodyRules, or the JSON file). */
  function create(DATA) {
    var HOUR_MS = 3600 * 1000;
    var DAY_MS = 24 * HOUR_MS;
    var DAY_MINUTES = 24 * 60;
    // the statuses in the order the summary counts them (engine.ALL_STATUSES)
    var STATUSES = ["met", "missed", "not_recorded", "pending"];
    // the value of an event the record gives no time for (engine.NOT_RECORDED)
    var NOT_RECORDED = "not recorded";
    var FLAGS = ["foreigner", "juvenile", "delay_authorised"];

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

    /** A moment as the page's language writes it (DATA.dates: its month names and its pattern of
     * {day} {month} {year} {time}, from the pack's training/<lang>/ui.yaml), with the offset:
     * "1 марта 2012 г. в 23:40 (UTC+06:00)", as catbook.training.lang's when_with_offset writes it.
     * Without DATA.dates (English) it is formatMoment's "2012-03-01 23:40+06:00". For display only:
     * every data-* attribute and every value compared with the Python engine stays formatMoment's. */
    function displayMoment(ms, zone) {
      if (!DATA.dates) return formatMoment(ms, zone);
      var w = wallAt(zone, ms);
      var parts = {day: String(w.day), month: DATA.dates.months[w.month - 1], year: String(w.year),
                   time: pad(w.hour) + ":" + pad(w.minute)};
      return DATA.dates.moment.replace(/\{(day|month|year|time)\}/g, function (_, key) { return parts[key]; }) +
        " (UTC" + formatOffset(w.offset) + ")";
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
      if (typeof name !== "string") throw new InputError("tz", message("error.tz_type", {type: pyTypeName(name)}));
      if (!knownZones.has(name)) {
        throw new InputError("tz", message("error.tz_unknown", {name: pyRepr(name)}));
      }
      try {
        formatter(name);
      } catch (error) {
        throw new InputError("tz", message("error.tz_no_data", {name: pyRepr(name)}));
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

    var DOTTED_RE = /^(\d{2})\.(\d{2})\.(\d{4})((?:[ T][\s\S]*)?)$/;

    /** A day-first dotted date (03.09.2010 19:00) rewritten as ISO (2010-09-03 19:00), as moments.iso_text. */
    function isoText(text) {
      var m = DOTTED_RE.exec(text);
      return m ? m[3] + "-" + m[2] + "-" + m[1] + m[4] : text;
    }

    /**
     * A text as {wall fields, offset seconds or null}, as parse_moment: the same messages for
     * no text, a date alone, and text that is not a date and time (quoted as typed).
     */
    function parseMoment(value, field) {
      var typed = String(value).trim();
      if (!typed) throw new InputError(field, message("error.no_time"));
      var text = isoText(typed);
      var d = DATE_RE.exec(text);
      if (d && validDate(+d[1], +d[2], +d[3])) {
        throw new InputError(field, message("error.date_only", {text: pyRepr(typed)}));
      }
      var bad = new InputError(field, message("error.not_a_moment", {text: pyRepr(typed)}));
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
        throw new InputError(field, message("error.skipped", {shown: naiveText(moment), zone: zone,
          before: formatOffset(before), after: formatOffset(after)}));
      }
      throw new InputError(field, message("error.ambiguous", {shown: naiveText(moment), zone: zone,
        before: formatOffset(before), after: formatOffset(after), example: naiveIso(moment) + formatOffset(before)}));
    }

    // ---- the rules ------------------------------------------------------------------------

    var ALL_CLOCK_RULES = DATA.rules.filter(function (r) { return r.computable; });

    function appliesTo(rule, flags) {
      return rule.applies_to === "all" || (rule.applies_to === "foreigner" && flags.foreigner) ||
        (rule.applies_to === "juvenile" && flags.juvenile);
    }

    function clockRules(flags) {
      return ALL_CLOCK_RULES.filter(function (r) { return appliesTo(r, flags); });
    }

    function versionOn(rule, day) {
      for (var i = 0; i < rule.in_force.length; i++) {
        var v = rule.in_force[i];
        if ((v.from === null || v.from <= day) && (v.to === null || day <= v.to)) return v;
      }
      return null;
    }

    function hoursMs(duration) {
      if (duration.unit === "immediately") return 0;
      if (duration.unit !== "hours") throw new Error("a limit of " + duration.label + " has no exact elapsed time");
      return duration.amount * HOUR_MS;
    }

    function actLabel(actId) {
      return ALL_CLOCK_RULES.find(function (r) { return r.act.id === actId; }).act.label;
    }

    function notAuditedReason(ruleId) {
      var rule = DATA.rules.find(function (r) { return r.id === ruleId; });
      if (rule && rule.computable) {
        return message(rule.applies_to === "juvenile" ? "error.juvenile_only" : "error.foreigner_only", {rule: ruleId});
      }
      if (rule) return message("error.not_a_clock", {rule: ruleId});
      return message("error.unknown_rule", {rule: pyRepr(ruleId),
        known: ALL_CLOCK_RULES.map(function (r) { return r.id; }).join(", ")});
    }

    // ---- the engine: schedule and audit ---------------------------------------------------

    function periodWarnings(day, zone) {
      var p = DATA.known_period;
      if (p.from <= day && day <= p.to) return [];
      var side = message(day < p.from ? "warning.side_before" : "warning.side_after");
      return [message("warning.outside_period", {day: day, zone: zone, side: side, start: p.from, end: p.to})];
    }

    function sortedLines(lists) {
      var lines = new Set([].concat.apply([], lists));
      return Array.from(lines).sort(function (a, b) { return a - b; });
    }

    /** The end of the old lawful delay when it applies; the reason in a note or warning when not. */
    function lawfulDelay(rule, version, start, day, warnings, notes, flags) {
      if (!rule.in_force.some(function (v) { return v.lawful_delay; })) return null;
      if (!version.lawful_delay) {
        if (flags.delay_authorised) warnings.push(message("warning.delay_gone", {day: day}));
        return null;
      }
      if (flags.juvenile) {
        if (flags.delay_authorised) warnings.push(message("warning.delay_minor"));
        return null;
      }
      if (!flags.delay_authorised) {
        notes.push(message("note.delay_not_authorised"));
        return null;
      }
      var delay = version.lawful_delay;
      notes.push(message("note.lawful_delay", {description: delay.description, basis: delay.basis}));
      return start(delay.starts_from)[0] + hoursMs(delay.duration);
    }

    function schedule(arrest, zone, acts, flags) {
      var rules = clockRules(flags);
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
      function outerDue(rule) {
        var origin = rule.starts_from;
        return (origin === DATA.arrest ? arrest : outerDue(byAct[origin])) + hoursMs(rule.duration);
      }
      var day = localDate(zone, arrest);
      var warned = periodWarnings(day, zone);
      var after = day > DATA.known_period.to;
      var result = rules.map(function (rule, order) {
        var version = versionOn(rule, day);
        var started = start(rule.starts_from);
        var warnings = warned.slice();
        if (after) {
          (rule.later_law || []).forEach(function (s) {
            warnings.push(message("warning.later_law", {publisher: s.publisher, symbol: s.symbol, date: s.date,
              url: s.url, says: s.says}));
          });
        }
        if (started[1]) warnings.push(message("warning.upper_bound", {act: byAct[rule.starts_from].act.label}));
        var notes = version.note ? [version.note] : [];
        var delayUntil = lawfulDelay(rule, version, start, day, warnings, notes, flags);
        var outer = null;
        if (rule.starts_from !== DATA.arrest) {
          outer = outerDue(rule);
          var origin = byAct[rule.starts_from];
          notes.push(message("note.outer_bound", {limit: rule.duration.label, act: origin.act.label,
            origin_limit: origin.duration.label, outer: displayMoment(outer, zone), total: formatDuration(outer - arrest)}));
        }
        var immediately = null;
        if (rule.duration.unit === "immediately") {
          notes.push(message("note.immediately", {lines: rule.source_lines.join(", "), due: displayMoment(due(rule), zone)}));
        } else if (rule.immediately) {
          immediately = started[0];
          notes.push(message("note.immediately_also", {lines: rule.immediately.source_lines.join(", "),
            due: displayMoment(started[0], zone), limit: rule.duration.label, line: rule.quote_line}));
        }
        return {
          rule: rule, due: due(rule), startsAt: started[0], isUpperBound: started[1], warnings: warnings,
          notes: notes, lawfulDelayUntil: delayUntil, outerDue: outer, immediatelyDue: immediately, order: order,
          sourceLines: sortedLines([rule.source_lines, version.source_lines,
            rule.immediately ? rule.immediately.source_lines : []]),
        };
      });
      return result.sort(function (a, b) { return a.due - b.due || a.order - b.order; });
    }

    /** met/missed/pending/not_recorded of one act against one due time, and the overrun. */
    function statusOf(due, actual, now, recorded) {
      if (actual !== null && actual !== undefined) {
        var late = actual - due;
        return late <= 0 ? ["met", null] : ["missed", late];
      }
      if (now <= due) return ["pending", null];
      return recorded ? ["missed", now - due] : ["not_recorded", null];
    }

    function judge(deadline, actual, now, recorded) {
      var done = actual !== null && actual !== undefined;
      var verdict = statusOf(deadline.due, actual, now, recorded);
      return {
        deadline: deadline, actual: done ? actual : null, status: verdict[0], overrun: verdict[1],
        outerStatus: deadline.outerDue === null ? null : statusOf(deadline.outerDue, actual, now, recorded)[0],
        immediatelyLate: deadline.immediatelyDue === null || (!done && !recorded) ? null
          : Math.max((done ? actual : now) - deadline.immediatelyDue, 0),
        recorded: recorded,
      };
    }

    function afterArrest(value, arrest, zone, field) {
      var moment = toUtc(value, zone, field);
      if (moment < arrest) {
        throw new InputError(field, message("error.before_arrest", {moment: displayMoment(moment, zone),
          arrest: displayMoment(arrest, zone)}));
      }
      return moment;
    }

    /** Python's type() name of a value that is not a boolean, for the flag error. */
    function pyTypeName(value) {
      if (value === null || value === undefined) return "NoneType";
      if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
      if (typeof value === "string") return "str";
      if (Array.isArray(value)) return "list";
      return "dict";
    }

    /** The yes/no inputs (FLAGS), refused unless each is exactly true or false. */
    function checkFlags(flags) {
      FLAGS.forEach(function (name) {
        if (typeof flags[name] !== "boolean") {
          throw new InputError(name, message("error.flag_type", {type: pyTypeName(flags[name])}));
        }
      });
      return flags;
    }

    /**
     * audit(): `events` maps rule id to text (in form order), null (not done) or NOT_RECORDED;
     * `now` text, or null for the current time; `flags` {foreigner, juvenile, delay_authorised},
     * each true or false.
     */
    function audit(arrestedAt, events, zone, now, flags, currentMs) {
      checkFlags(flags);
      var arrest = toUtc(arrestedAt, zone, "arrested_at");
      var rules = {};
      clockRules(flags).forEach(function (r) { rules[r.id] = r; });
      var done = {};
      var unrecorded = {};
      var order = Object.keys(events);
      order.forEach(function (ruleId) {
        var field = "events[" + ruleId + "]";
        if (!rules[ruleId]) throw new InputError(field, notAuditedReason(ruleId));
        if (events[ruleId] === NOT_RECORDED) unrecorded[ruleId] = true;
        else if (events[ruleId] !== null) done[ruleId] = afterArrest(events[ruleId], arrest, zone, field);
      });
      var checkedNow;
      if (now === null) {
        checkedNow = currentMs;
        if (checkedNow < arrest) {
          throw new InputError("arrested_at", message("error.in_future", {moment: displayMoment(arrest, zone)}));
        }
      } else {
        checkedNow = afterArrest(now, arrest, zone, "now");
      }
      Object.keys(done).forEach(function (ruleId) {
        if (done[ruleId] > checkedNow) {
          throw new InputError("events[" + ruleId + "]", message("error.after_now",
            {moment: displayMoment(done[ruleId], zone), now: displayMoment(checkedNow, zone)}));
        }
      });
      var acts = {};
      Object.keys(done).forEach(function (ruleId) { acts[rules[ruleId].act.id] = done[ruleId]; });
      var findings = schedule(arrest, zone, acts, flags).map(function (deadline) {
        return judge(deadline, done[deadline.rule.id], checkedNow, !unrecorded[deadline.rule.id]);
      });
      return {findings: findings, arrest: arrest, now: checkedNow};
    }

    function fieldKey(engineField) {
      var m = /^events\[(.*)\]$/.exec(engineField);
      return m ? m[1] : engineField;
    }

    /**
     * The events audit() takes from the form's acts (widgets.form_events): a time typed is the
     * act's time; a blank one is NOT_RECORDED for a rule that applies to the person (left out
     * for one that does not), or null (not done) where the act's "not done" box is ticked.
     * In the order of the form's acts, then any ticked act the form has no field for.
     */
    function formEvents(events, notDone, flags) {
      var applies = {};
      clockRules(flags).forEach(function (r) { applies[r.id] = true; });
      var ticked = {};
      (notDone || []).forEach(function (ruleId) { ticked[ruleId] = true; });
      var out = {};
      Object.keys(events || {}).forEach(function (ruleId) {
        var text = events[ruleId] || "";
        if (text.trim()) out[ruleId] = text;
        else if (ticked[ruleId]) out[ruleId] = null;
        else if (applies[ruleId]) out[ruleId] = NOT_RECORDED;
      });
      (notDone || []).forEach(function (ruleId) {
        if (!Object.prototype.hasOwnProperty.call(out, ruleId)) out[ruleId] = null;
      });
      return out;
    }

    /**
     * The form's values to findings, or to one message per bad field (widgets.evaluate_form):
     * every field is checked first so all bad fields get a message at once; a blank event is
     * an act not recorded, a ticked "not done" an act not done, a blank `now` the current time.
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
      var notDone = form.not_done || [];
      Object.keys(form.events || {}).forEach(function (ruleId) {
        var text = form.events[ruleId] || "";
        if (!text.trim()) return;
        if (notDone.indexOf(ruleId) >= 0) errors[ruleId] = message("error.done_and_not_done");
        else check(ruleId, text, "events[" + ruleId + "]");
      });
      var nowText = form.now || "";
      if (nowText.trim()) check("now", nowText, "now");
      if (Object.keys(errors).length) return {errors: errors, findings: [], zone: zone};
      var current = form.currentMs !== undefined ? form.currentMs : Date.now();
      try {
        var flags = {foreigner: !!form.foreigner, juvenile: !!form.juvenile, delay_authorised: !!form.delay_authorised};
        var result = audit(form.arrested_at, formEvents(form.events, notDone, flags), zone,
          nowText.trim() ? nowText : null, flags, current);
        return {errors: {}, findings: result.findings, zone: zone, arrest: result.arrest, now: result.now};
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        var only = {};
        only[fieldKey(error.field)] = error.reason;
        return {errors: only, findings: [], zone: zone};
      }
    }

    // ---- messages (the pack's custody/messages.yaml, one table for both engines) ----------------

    /** The template `key` of the message table, with each {name} replaced by values[name]. */
    function message(key, values) {
      var template = DATA.messages[key];
      if (typeof template !== "string") throw new Error("no message " + key + " in the exported table");
      return template.replace(/\{([a-z_]+)\}/g, function (whole, name) {
        if (!values || !Object.prototype.hasOwnProperty.call(values, name)) {
          throw new Error("message " + key + " needs a value for {" + name + "}");
        }
        return String(values[name]);
      });
    }

    /** A length of time in milliseconds as days, hours and minutes (format_duration). */
    function formatDuration(ms) {
      var minutes = Math.floor(Math.floor(ms / 1000) / 60);
      var days = Math.floor(minutes / DAY_MINUTES);
      var values = {days: days, hours: Math.floor(minutes % DAY_MINUTES / 60), minutes: pad(minutes % 60)};
      return message(days ? "duration.days" : "duration.hours", values);
    }

    /** A finding as plain data: the same keys and forms as finding_data() in tests/test_custody_parity.py. */
    function findingData(f, zone) {
      var d = f.deadline;
      function at(ms) { return ms === null || ms === undefined ? null : formatMoment(ms, zone, "T"); }
      return {
        rule: d.rule.id, status: f.status, due: at(d.due), starts_at: at(d.startsAt), actual: at(f.actual),
        overrun_ms: f.overrun, overrun_text: f.overrun === null ? null : formatDuration(f.overrun),
        outer_due: at(d.outerDue), outer_status: f.outerStatus, immediately_due: at(d.immediatelyDue),
        immediately_late_ms: f.immediatelyLate, lawful_delay_until: at(d.lawfulDelayUntil),
        upper_bound: d.isUpperBound, source_lines: d.sourceLines, warnings: d.warnings, notes: d.notes,
        recorded: f.recorded,
      };
    }

    /**
     * One case as the parity test gives it ({arrested_at, tz, events, now, foreigner, juvenile,
     * delay_authorised}; `now` required): {findings} as plain data, or {error: {field, reason}}.
     */
    function runCase(input) {
      try {
        checkFlags(input);
        var zone = resolveZone(input.tz);
        var result = audit(input.arrested_at, input.events, zone, input.now, input, null);
        return {findings: result.findings.map(function (f) { return findingData(f, zone); })};
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        return {error: {field: error.field, reason: error.reason}};
      }
    }

    return {
      evaluate: evaluate, audit: audit, runCase: runCase, findingData: findingData, schedule: schedule, formatMoment: formatMoment, displayMoment: displayMoment,
      formatDuration: formatDuration, message: message, parseMoment: parseMoment, toUtc: toUtc,
      resolveZone: resolveZone, actLabel: actLabel, clockRules: ALL_CLOCK_RULES, statuses: STATUSES,
      rulesFor: clockRules, formEvents: formEvents, isoText: isoText, NOT_RECORDED: NOT_RECORDED,
      InputError: InputError, data: DATA,
    };
  }

  return {create: create};
});
