package build

import (
	"fmt"
	"maps"
	"slices"

	"docgen/catalog"
	"docgen/parse"
)

// KnownRules are the rule ids of every diagnostic docgen makes, with their severity.
// Warnings can be raised to errors or ignored, in docgen.yaml or with --ignore; errors stay
// errors (each means a row or a source was lost). A new rule is listed here.
var KnownRules = map[string]catalog.Severity{
	catalog.RuleRaggedRow: catalog.Error, catalog.RuleEmptyCode: catalog.Error,
	catalog.RuleInvalidStatus: catalog.Error, catalog.RuleBadStatusCell: catalog.Error,
	catalog.RuleDuplicateID: catalog.Error, catalog.RuleDuplicateService: catalog.Error,
	catalog.RuleUnrecognised: catalog.Error, "reserved-id": catalog.Error,
	"outside-root": catalog.Error, "not-a-file": catalog.Error, "too-large": catalog.Error,
	catalog.RuleCodeStatuses: catalog.Warning, catalog.RulePrefixMismatch: catalog.Warning,
	catalog.RuleStatusConflict: catalog.Warning, catalog.RuleNoDescription: catalog.Warning,
	catalog.RuleNoCodes: catalog.Warning, catalog.RuleBidiControl: catalog.Warning,
	catalog.RuleInvalidUTF8: catalog.Warning, catalog.RuleOutsideSections: catalog.Warning,
	catalog.RuleCodePattern: catalog.Error, parse.RuleSyntax: catalog.Error,
	parse.RuleRowsAfterGap:         catalog.Warning,
	catalog.RuleMissingTranslation: catalog.Warning, catalog.RuleTranslationStatus: catalog.Error,
	catalog.RuleUnusedOverride: catalog.Error, catalog.RuleEmptySource: catalog.Error,
	catalog.RuleNotErrors: catalog.Warning, parse.RuleYearHeading: catalog.Warning,
	parse.RuleLongHeading: catalog.Warning, parse.RuleRepeatedText: catalog.Error,
	parse.RuleLineLeftOut: catalog.Warning, parse.RuleFieldsLeftOut: catalog.Warning,
}

// Rules maps rule ids to what a diagnostic of that rule becomes: "error", "warning" or
// "ignore" (docgen.yaml's rules:, for every source or for one).
type Rules map[string]string

// ruleError is what is wrong with one rule of a Rules.
type ruleError struct {
	rule    string
	inLevel bool // the level is wrong, not the rule's name
	msg     string
}

func (e *ruleError) Error() string { return e.msg }

// pos returns where the rule is in the config: its level, or its name when docgen knows
// no such rule. keys lead to the rules: mapping.
func (e *ruleError) pos(at *locator, keys ...any) yamlPos {
	keys = append(keys, e.rule)
	if e.inLevel {
		return at.value(keys...)
	}
	return at.key(keys...)
}

// check returns what is wrong with the first rule of r that is wrong (in sorted order), for
// the config error that names where it is; nil when nothing is.
func (r Rules) check() *ruleError {
	for _, rule := range slices.Sorted(maps.Keys(r)) {
		level := r[rule]
		def, ok := KnownRules[rule]
		switch {
		case !ok:
			return &ruleError{rule, false, fmt.Sprintf("rules: %q is not a rule docgen knows (docgen check --help lists them)", rule)}
		case level != "error" && level != "warning" && level != "ignore":
			return &ruleError{rule, true, fmt.Sprintf("rules: %s: %q: expected error, warning or ignore", rule, level)}
		case def == catalog.Error && level != "error":
			return &ruleError{rule, true, fmt.Sprintf("rules: %s is an error (a row or a source is lost) and cannot be set to %q", rule, level)}
		}
	}
	return nil
}

// checkIgnore returns the usage error of an --ignore that names an unknown rule or an error.
func checkIgnore(rules []string) error {
	for _, rule := range rules {
		def, ok := KnownRules[rule]
		if !ok {
			return usageError("--ignore %q: not a rule docgen knows (docgen check --help lists them)", rule)
		}
		if def == catalog.Error {
			return usageError("--ignore %s: an error (a row or a source is lost) cannot be ignored", rule)
		}
	}
	return nil
}

// applyRules returns diags with the severities the config and --ignore set, without the
// ignored ones, and how many were ignored. A source's own rules come before the config's
// rules for every source; --ignore before both. Errors are never lowered.
func applyRules(diags catalog.Diagnostics, cfg *Config, ignore []string) (catalog.Diagnostics, int) {
	if len(ignore) == 0 && (cfg == nil || !cfg.hasRules()) {
		return diags, 0
	}
	perSource := map[string]Rules{}
	var global Rules
	if cfg != nil {
		global = cfg.Rules
		for _, s := range cfg.Sources {
			if len(s.Rules) > 0 {
				perSource[cfg.SourcePath(s)] = s.Rules
			}
		}
	}
	kept := diags[:0:0]
	ignored := 0
	for _, d := range diags {
		level := ""
		if slices.Contains(ignore, d.Rule) {
			level = "ignore"
		} else if l, ok := perSource[d.Pos.File][d.Rule]; ok {
			level = l
		} else if l, ok := global[d.Rule]; ok {
			level = l
		}
		if d.Severity != catalog.Error {
			switch level {
			case "ignore":
				ignored++
				continue
			case "error":
				d.Severity = catalog.Error
			case "warning":
				d.Severity = catalog.Warning
			}
		}
		kept = append(kept, d)
	}
	return kept, ignored
}
